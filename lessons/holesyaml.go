package lessons

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file explains YAML mistakes in the front matter and course.yaml in the author's terms:
// the YAML library says "mapping values are not allowed in this context" where the author needs
// "put the value in quotes", and decodes 1.5 into a whole-number field as 1 without a word.

// colonLine splits a "key: value" line (or "- key: value") into its key and value.
var colonLine = regexp.MustCompile(`^(\s*(?:-\s+)?)([^\s:#][^:#]*?):\s+(.*?)\s*$`)

// anchorPattern finds the name in the library's "unknown anchor 'name' referenced".
var anchorPattern = regexp.MustCompile(`^unknown anchor '(.+)' referenced$`)

// explainYAMLError turns a YAML syntax error on line (of src, from 1) into a message that says
// what to do, and the column it is about.
func explainYAMLError(src []byte, line int, msg string) (int, int, string) {
	lines := strings.Split(string(src), "\n")
	if m := anchorPattern.FindStringSubmatch(msg); m != nil {
		if l, c, ok := findAlias(lines, m[1]); ok {
			return l, c, fmt.Sprintf("invalid YAML: the alias *%s has no anchor &%s before it: define &%s first (an anchor must come before its aliases), or write the value out", m[1], m[1], m[1])
		}
		return line, 1, "invalid YAML: " + msg
	}
	if msg != "mapping values are not allowed in this context" || line < 1 || line > len(lines) {
		return line, 1, "invalid YAML: " + msg
	}
	m := colonLine.FindStringSubmatch(strings.TrimRight(lines[line-1], "\r"))
	if m == nil || !(strings.Contains(m[3], ": ") || strings.HasSuffix(m[3], ":")) {
		return line, 1, "invalid YAML: " + msg + " (a value that contains \": \" must be in quotes)"
	}
	text := lines[line-1]
	afterColon := len(m[1]) + len(m[2]) + 1
	rest := text[afterColon:]
	valueAt := afterColon + len(rest) - len(strings.TrimLeft(rest, " \t"))
	col := utf8.RuneCountInString(text[:valueAt]) + 1
	return line, col, fmt.Sprintf("invalid YAML: the value of %q contains a colon, which YAML reads as another key: put the value in quotes: %s: %s",
		m[2], m[2], strconv.Quote(m[3]))
}

// findAlias finds the first "*name" alias in the YAML's lines: its line and column, from 1.
func findAlias(lines []string, name string) (int, int, bool) {
	re := regexp.MustCompile(`\*` + regexp.QuoteMeta(name) + `(?:[\s,\]}]|$)`)
	for i, l := range lines {
		if loc := re.FindStringIndex(l); loc != nil {
			return i + 1, utf8.RuneCountInString(l[:loc[0]]) + 1, true
		}
	}
	return 0, 0, false
}

// valueProblem reports a value the YAML library would decode silently wrong, or with a message
// that does not say what to write: a decimal or a unit in a whole-number field, a list item
// that reads as a key and a value. line is of the YAML, from 1.
func valueProblem(key, val *yaml.Node, dst any) (line, col int, msg string, bad bool) {
	switch dst.(type) {
	case *int:
		return wholeNumberProblem(key.Value, val)
	case *[]string:
		if val.Kind != yaml.SequenceNode {
			return 0, 0, "", false
		}
		for _, item := range val.Content {
			if item.Kind == yaml.MappingNode && len(item.Content) == 2 {
				text := item.Content[0].Value + ": " + item.Content[1].Value
				return item.Line, item.Column, fmt.Sprintf("field %q: the item %q contains a colon, which YAML reads as a key and a value: put the item in quotes: - %s",
					key.Value, text, strconv.Quote(text)), true
			}
		}
	}
	return 0, 0, "", false
}

// leadingNumber finds the number at the start of "15 min" or "75%".
var leadingNumber = regexp.MustCompile(`^\s*(\d+)\s*(%|[a-zA-Z]+\.?)\s*$`)

func wholeNumberProblem(name string, val *yaml.Node) (int, int, string, bool) {
	if val.Kind != yaml.ScalarNode {
		return 0, 0, "", false
	}
	switch val.ShortTag() {
	case "!!float":
		f, err := strconv.ParseFloat(val.Value, 64)
		if name == "pass_mark" && err == nil && f > 0 && f < 1 {
			return val.Line, val.Column, fmt.Sprintf("field %q: expected a whole number of percent, not %s: write %d", name, val.Value, int(f*100+0.5)), true
		}
		return val.Line, val.Column, fmt.Sprintf("field %q: expected a whole number, not %s", name, val.Value), true
	case "!!str":
		if m := leadingNumber.FindStringSubmatch(val.Value); m != nil {
			return val.Line, val.Column, fmt.Sprintf("field %q: expected a whole number: write %s, without %q", name, m[1], m[2]), true
		}
	}
	return 0, 0, "", false
}

// isWholeNumber reports whether a decoded value was a whole number, so checks of its range do
// not repeat a problem with its type.
func isWholeNumber(val *yaml.Node) bool {
	return val != nil && val.Kind == yaml.ScalarNode && val.ShortTag() == "!!int"
}

// unknownFieldMessage is the message for a key that is not a field: a suggestion when one is
// close, else the known fields.
func unknownFieldMessage(key string, names []string) string {
	if key == "<<" {
		return "merge keys (<<) are not supported here: write the fields out"
	}
	if s := suggest(key, names); s != "" {
		return fmt.Sprintf("unknown field %q (did you mean %q?)", key, s)
	}
	return fmt.Sprintf("unknown field %q (known fields: %s)", key, strings.Join(names, ", "))
}
