// Package quantity parses and prints the quantities staffsim's users type on
// the command line and in scenario files, so that every command and file
// reads them the same way:
//
//   - durations in Go syntax plus whole days: "20s", "4m", "1h30m", "28d";
//   - fractions as a percentage or a plain fraction: "80%", "0.8";
//   - SLA targets as PCT/DURATION: "80/20s" (80 % within 20 s), "90%/4h",
//     or a bare number of seconds "80/20";
//   - arrival rates as COUNT/UNIT: "720/h", "12/m", "0.2/s", "5000/d", "100/30m".
//
// Each type implements the pflag.Value methods (String, Set, Type) so it
// can be a typed command-line flag, and encoding.TextUnmarshaler so that
// YAML and JSON decoders read it.
package quantity
