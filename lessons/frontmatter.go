package lessons

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/hbollon/go-edlib"
	"go.yaml.in/yaml/v3"

	"github.com/aieng/aieng/internal/yamltext"
)

// yamlField binds one YAML key to the Go value it decodes into.
type yamlField struct {
	name string
	dst  any
}

// decodeYAML decodes a YAML mapping into the given fields one key at a time, so every problem
// (syntax, unknown key, wrong type) is reported at its own position. ok is false when the YAML
// could not be read at all, so callers skip checks that would only repeat that problem. firstLine is the file line
// of the YAML's first line. It returns the key nodes found, by name, for later positioned checks.
func decodeYAML(src []byte, firstLine int, fields []yamlField, pl *problemList) (map[string]yamlEntry, bool) {
	found := map[string]yamlEntry{}
	if line, col, msg, bad := yamltext.Unreadable(src); bad {
		pl.errorf(firstLine+line-1, col, "%s", msg)
		return found, false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		line, col, msg := explainYAMLError(src, line, msg)
		pl.errorf(firstLine+line-1, col, "%s", msg)
		return found, false
	}
	if !checkYAMLValues(&doc, src, firstLine, pl) { // decoded.go: escapes and aliases
		return found, false
	}
	if len(doc.Content) == 0 {
		return found, true // empty document: the missing fields are reported by the caller
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		pl.errorf(firstLine+m.Line-1, m.Column, "invalid YAML: expected key: value pairs")
		return found, false
	}
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i], m.Content[i+1]
		line, col := firstLine+key.Line-1, key.Column
		var dst any
		for _, f := range fields {
			if f.name == key.Value {
				dst = f.dst
			}
		}
		if dst == nil {
			pl.errorf(line, col, "%s", unknownFieldMessage(key.Value, names))
			if s := suggest(key.Value, names); s != "" {
				found[misspelt+s] = yamlEntry{Key: key} // its absence is not reported again
			}
			continue
		}
		if _, dup := found[key.Value]; dup {
			pl.errorf(line, col, "field %q is given twice", key.Value)
			continue
		}
		found[key.Value] = yamlEntry{Key: key, Value: val}
		if !decodeValue(key, val, dst, firstLine, pl) {
			found[invalid+key.Value] = found[key.Value]
		}
	}
	return found, true
}

// decodeValue decodes one field's value into dst, or reports why it cannot (returning false).
func decodeValue(key, val *yaml.Node, dst any, firstLine int, pl *problemList) bool {
	if vl, vc, msg, bad := valueProblem(key, val, dst); bad {
		pl.errorf(firstLine+vl-1, vc, "%s", msg)
		return false
	}
	if err := val.Decode(dst); err != nil {
		pl.errorf(firstLine+val.Line-1, val.Column, "field %q: %s", key.Value, describeTypeError(dst))
		return false
	}
	return true
}

// yamlLinePattern finds the line number in the YAML library's error text, the only place
// the library exposes it for syntax errors.
var yamlLinePattern = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlErrorLine(err error) (int, string) {
	msg := err.Error()
	if m := yamlLinePattern.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	return 1, strings.TrimPrefix(msg, "yaml: ")
}

func describeTypeError(dst any) string {
	switch dst.(type) {
	case *int:
		return "expected a whole number"
	case *float64:
		return "expected a number"
	case *bool:
		return "expected true or false"
	case *[]string:
		return "expected a list of text items"
	default:
		return "expected text"
	}
}

// In decodeYAML's result, misspelt prefixes a field an unknown key was suggested as, and
// invalid a field whose value was reported: checks that the field is there and not empty
// would only repeat those problems.
const (
	misspelt = "?"
	invalid  = "!"
)

// explained reports whether a problem with the field name is reported already: its key was
// misspelt, or its value was wrong.
func explained(keys map[string]yamlEntry, name string) bool {
	_, typo := keys[misspelt+name]
	_, bad := keys[invalid+name]
	return typo || bad
}

// suggest returns the known name closest to a misspelt one, or "" when none is close. Close
// means at most two edits, and at most one for every two characters: "a" is not "id" misspelt.
func suggest(got string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if d := edlib.LevenshteinDistance(strings.ToLower(got), k); d < bestDist && 2*d <= len(got) {
			best, bestDist = k, d
		}
	}
	return best
}

// splitFrontMatter finds a leading "---" block. It returns the YAML between the fences, the
// byte offset where the body starts, and ok=false when the file has no front matter.
func splitFrontMatter(src []byte) (yamlSrc []byte, bodyStart int, ok bool, err error) {
	first, rest, found := bytes.Cut(src, []byte("\n"))
	if !found || strings.TrimRight(string(first), " \t\r") != "---" {
		return nil, 0, false, nil
	}
	offset := len(first) + 1
	for len(rest) > 0 || offset <= len(src) {
		line, next, more := bytes.Cut(rest, []byte("\n"))
		if t := strings.TrimRight(string(line), " \t\r"); t == "---" || t == "..." {
			end := offset + len(line)
			if more {
				end++
			}
			return src[len(first)+1 : offset], end, true, nil
		}
		if !more {
			break
		}
		offset += len(line) + 1
		rest = next
	}
	return nil, 0, true, fmt.Errorf("front matter is not closed: add a line with --- after it")
}

// yamlEntry is one decoded key and its value, kept for their positions.
type yamlEntry struct{ Key, Value *yaml.Node }
