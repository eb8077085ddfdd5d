// Package yamlwalk walks the node tree of a YAML file that a person wrote
// (a scenario, a file of shift templates) and converts its values, keeping
// going after a problem so that one run reports every problem of the file,
// each located by line, column and key path, with a hint on how to fix it
// ("did you mean …" for a misspelt key).
//
// It owns what the file formats share: the document itself (one document,
// a size limit, YAML syntax errors with their line), aliases and merge keys
// (<<) with a cap on how many nodes they expand to, mappings with unknown
// and repeated keys, lists, and the scalars staffsim's files use — whole
// numbers, numbers, durations ("20s", "1h30m", "2d"), fractions ("80%",
// "0.8"), booleans (true or false only: YAML 1.1's yes/no/on/off are
// refused), times of day ("07:30") and weekdays ("mon", "Monday"). What a
// key means, and checks across keys, stay with each format's package.
package yamlwalk
