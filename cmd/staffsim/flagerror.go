package main

import (
	"errors"
	"regexp"
)

// strconvNoise matches what pflag appends when a number flag does not
// parse: `strconv.ParseFloat: parsing "abc": invalid syntax`.
var strconvNoise = regexp.MustCompile(`strconv\.Parse(Float|Int|Uint|Bool): parsing "[^"]*": (invalid syntax|value out of range)$`)

// plainFlagError rewrites Go's parser jargon in a flag error into words:
// `invalid argument "abc" for "--arrivals" flag: not a number`.
func plainFlagError(err error) error {
	m := strconvNoise.FindStringSubmatchIndex(err.Error())
	if m == nil {
		return err
	}
	msg := err.Error()
	kind, why := msg[m[2]:m[3]], msg[m[4]:m[5]]
	var plain string
	switch {
	case why == "value out of range":
		plain = "out of range"
	case kind == "Float":
		plain = "not a number"
	case kind == "Int":
		plain = "not a whole number"
	case kind == "Uint":
		plain = "not a whole number ≥ 0"
	default:
		plain = "not true or false"
	}
	return errors.New(msg[:m[0]] + plain)
}
