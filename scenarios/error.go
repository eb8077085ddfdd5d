package scenarios

import "github.com/staffsim/staffsim/internal/yamlwalk"

// Error is a problem with a scenario file, located by line and key path:
// File, Line and Column (1-based; 0 when unknown), Key (a key path such as
// `roster.shifts[1] "late": breaks[0].after`), Msg (what is wrong) and Hint
// (how to fix it; may be empty). Its message reads
// `scenario "FILE": line L: KEY: MSG; HINT`. It is the error of every file
// format walked by the same walker (shift templates too).
type Error = yamlwalk.Error

// Errors is every problem found in one scenario file, in file order. Its
// message lists them one per line; Unwrap gives each *Error.
type Errors = yamlwalk.Errors

// docName is what a scenario's errors call the file.
const docName = "scenario"

// fileError returns an error about a whole scenario file (no line).
func fileError(file, hint, format string, args ...any) *Error {
	return yamlwalk.New(docName, file).FileError(hint, format, args...)
}
