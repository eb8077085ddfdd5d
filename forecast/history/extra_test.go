package history

import (
	"reflect"
	"strings"
	"testing"
)

// keepExtra is a Sink that keeps each ticket's priority and extra values.
type keepExtra struct{ got []string }

func (k *keepExtra) Ticket(t *Ticket) {
	k.got = append(k.got, t.Priority+":"+strings.Join(t.Extra, "|"))
}
func (k *keepExtra) Volume(*Volume) {}

func TestExtraColumns(t *testing.T) {
	t.Parallel()
	// Rows carry the extra columns' text; an absent column and a missing
	// value ("?", as ServiceNow writes it) are "".
	csv := "created_at,priority,Reassignment Count,made_sla\n" +
		"2026-01-05 09:00,P1,2,TRUE\n" +
		"2026-01-05 10:00,P2,?,FALSE\n"
	var k keepExtra
	if _, err := Read("x.csv", strings.NewReader(csv), Options{Now: fixedNow, Extra: []string{"reassignment_count", "made_sla", "reopen_count"}}, &k); err != nil {
		t.Fatal(err)
	}
	if want := []string{"P1:2|TRUE|", "P2:|FALSE|"}; !reflect.DeepEqual(k.got, want) {
		t.Errorf("got %q, want %q", k.got, want)
	}
	// An event log keeps each column's last non-empty value in file order.
	log := "number,opened_at,priority,reassignment_count,made_sla\n" +
		"INC1,2026-01-05 09:00,P3,0,TRUE\n" +
		"INC2,2026-01-05 09:30,P2,0,TRUE\n" +
		"INC1,2026-01-05 09:00,P3,1,\n" +
		"INC1,2026-01-05 09:00,P3,?,FALSE\n"
	k = keepExtra{}
	if _, err := Read("log.csv", strings.NewReader(log), Options{Now: fixedNow, IDColumn: "number", Extra: []string{"reassignment_count", "made_sla"}}, &k); err != nil {
		t.Fatal(err)
	}
	if want := []string{"P3:1|FALSE", "P2:0|TRUE"}; !reflect.DeepEqual(k.got, want) {
		t.Errorf("event log: got %q, want %q", k.got, want)
	}
}
