package main

import (
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// TestTZDataCompiledIn: the binary carries the time-zone database, so that
// --tz Europe/London works on a host without zoneinfo (issue 12). The
// import is checked in the source because the test host has zoneinfo.
func TestTZDataCompiledIn(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, im := range f.Imports {
		if p, _ := strconv.Unquote(im.Path.Value); p == "time/tzdata" {
			return
		}
	}
	t.Error(`main.go does not import _ "time/tzdata"`)
}
