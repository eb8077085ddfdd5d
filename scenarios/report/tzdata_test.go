package report

// The tests load Europe/London and Europe/Paris: the time-zone database is
// compiled in, so that they run on hosts without zoneinfo too.
import _ "time/tzdata"
