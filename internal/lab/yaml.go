package lab

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/aieng/aieng/internal/yamltext"
)

// topKeys are the keys a lab block may hold.
var topKeys = []string{"id", "title", "kind", "params", "goal"}

// ParseBlock reads the YAML of a ```lab block and validates it: the spec (as much as could be
// read) and every problem, positioned within the block.
func ParseBlock(src []byte) (Spec, Problems) {
	s, probs := decode(src)
	if probs.HasErrors() && s.Kind == "" {
		return s, probs
	}
	return s, append(probs, Validate(s)...)
}

func decode(src []byte) (Spec, Problems) {
	s := Spec{Params: map[string]any{}, keyPos: map[string]Pos{}, valPos: map[string]Pos{}}
	if line, col, msg, bad := yamltext.Unreadable(src); bad {
		return s, Problems{{Pos: Pos{line, col}, Message: msg}}
	}
	var probs Problems
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		line, msg := yamlError(err)
		return s, Problems{{Pos: Pos{Line: line, Col: 1}, Message: "invalid YAML: " + msg}}
	}
	if len(doc.Content) == 0 {
		return s, Problems{{Pos: Pos{Line: 1, Col: 1}, Message: "the lab block is empty: give at least id, title and kind"}}
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return s, Problems{{Pos: nodePos(m), Message: "a lab block holds key: value pairs (id, title, kind, params, goal)"}}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, val := m.Content[i], m.Content[i+1]
		if _, dup := s.keyPos[key.Value]; dup {
			probs = append(probs, Problem{Pos: nodePos(key), Field: key.Value, Message: strconv.Quote(key.Value) + " is given twice"})
			continue
		}
		if p := s.setTop(key, val); p != nil {
			probs = append(probs, *p)
		}
	}
	return s, probs
}

// setTop stores one top-level key of the block.
func (s *Spec) setTop(key, val *yaml.Node) *Problem {
	name := key.Value
	known := false
	for _, k := range topKeys {
		known = known || k == name
	}
	if !known {
		return &Problem{Pos: nodePos(key), Field: name, Message: unknownKey("key", name, topKeys)}
	}
	s.keyPos[name], s.valPos[name] = nodePos(key), nodePos(val)
	if name == "params" {
		return s.setParams(val)
	}
	if val.Kind != yaml.ScalarNode || val.Tag == "!!null" {
		return &Problem{Pos: nodePos(val), Field: name, Message: name + ": expected text"}
	}
	switch name {
	case "id":
		s.ID = val.Value
	case "title":
		s.Title = val.Value
	case "kind":
		s.Kind = val.Value
	case "goal":
		s.Goal = val.Value
		s.goalPos = goalPosition{Pos: nodePos(val), exact: !strings.Contains(val.Value, "\n") && val.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0}
		if val.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
			s.goalPos.offset = 1
		}
	}
	return nil
}

func (s *Spec) setParams(val *yaml.Node) *Problem {
	if val.Tag == "!!null" {
		return nil
	}
	if val.Kind != yaml.MappingNode {
		return &Problem{Pos: nodePos(val), Field: "params", Message: "params: expected name: value pairs"}
	}
	for i := 0; i+1 < len(val.Content); i += 2 {
		k, v := val.Content[i], val.Content[i+1]
		field := "params." + k.Value
		if _, dup := s.keyPos[field]; dup {
			return &Problem{Pos: nodePos(k), Field: field, Message: "parameter " + strconv.Quote(k.Value) + " is given twice"}
		}
		s.keyPos[field], s.valPos[field] = nodePos(k), nodePos(v)
		s.Params[k.Value] = scalarValue(v)
	}
	return nil
}

// yamlValue marks a parameter value that is not a scalar, so that validation can say so.
type yamlValue struct{ kind string }

// scalarValue turns a YAML scalar into int, float64, bool or string by its resolved tag.
func scalarValue(n *yaml.Node) any {
	if n.Kind != yaml.ScalarNode {
		return yamlValue{kind: map[yaml.Kind]string{yaml.SequenceNode: "a list", yaml.MappingNode: "name: value pairs"}[n.Kind]}
	}
	switch n.Tag {
	case "!!int":
		var i int
		if n.Decode(&i) == nil {
			return i
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!null":
		return nil
	}
	return n.Value
}

func nodePos(n *yaml.Node) Pos { return Pos{Line: n.Line, Col: n.Column} }

// yamlLinePattern finds the line in the YAML library's syntax errors, the only place it is given.
var yamlLinePattern = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func yamlError(err error) (int, string) {
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
