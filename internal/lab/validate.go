package lab

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/aieng/aieng/internal/lab/goal"
	"github.com/aieng/aieng/internal/lab/kind"
)

// idPattern is what a lab id may look like: it names the lab in progress files and commands.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Validate checks a spec against its kind: required keys, the id's form, the kind's name,
// each parameter's name, type and range, the kind's own cross-checks, and the goal (syntax,
// known values, bounds that can be reached, no contradiction).
func Validate(s Spec) Problems {
	var probs Problems
	add := func(field string, value bool, format string, args ...any) {
		probs = append(probs, Problem{Pos: s.position(field, value), Field: field, Message: fmt.Sprintf(format, args...)})
	}
	switch {
	case s.ID == "":
		add("id", true, "missing id: give the lab an id such as pick-threshold")
	case !idPattern.MatchString(s.ID):
		add("id", true, "id %q: use lower-case letters, digits and dashes", s.ID)
	}
	if strings.TrimSpace(s.Title) == "" {
		add("title", true, "missing title: say in a few words what the learner does")
	}
	if s.Kind == "" {
		add("kind", true, "missing kind: one of %s", strings.Join(KindNames(), ", "))
		return probs
	}
	def, ok := Lookup(s.Kind)
	if !ok {
		add("kind", true, "%s", unknownKey("kind", s.Kind, KindNames()))
		return probs
	}
	params, paramProbs := resolveParams(&s, def)
	probs = append(probs, paramProbs...)
	if def.Check != nil && !paramProbs.HasErrors() {
		for _, issue := range def.Check(params) {
			add("params."+issue.Param, true, "%s", issue.Message)
		}
	}
	return append(probs, checkGoal(&s, def)...)
}

// resolveParams checks each given parameter and returns them all, defaults filled in.
func resolveParams(s *Spec, def *kind.Def) (kind.Params, Problems) {
	var probs Problems
	all := def.AllParams()
	byName := map[string]kind.Param{}
	names := make([]string, len(all))
	for i, p := range all {
		byName[p.Name], names[i] = p, p.Name
	}
	out := kind.Params{}
	given := make([]string, 0, len(s.Params))
	for name := range s.Params {
		given = append(given, name)
	}
	sort.Slice(given, func(i, j int) bool {
		return s.position("params."+given[i], false).less(s.position("params."+given[j], false), given[i], given[j])
	})
	for _, name := range given {
		field := "params." + name
		p, ok := byName[name]
		if !ok {
			probs = append(probs, Problem{Pos: s.position(field, false), Field: field, Message: unknownKey("parameter", name, names) + " for kind " + def.Name})
			continue
		}
		v, err := convert(p, s.Params[name])
		if err != "" {
			probs = append(probs, Problem{Pos: s.position(field, true), Field: field, Message: name + ": " + err})
			continue
		}
		out[name] = v
	}
	for _, p := range all {
		if _, ok := out[p.Name]; ok {
			continue
		}
		if p.Default == nil {
			if _, given := s.Params[p.Name]; !given {
				probs = append(probs, Problem{Pos: s.position("params", false), Field: "params." + p.Name, Message: fmt.Sprintf("missing parameter %s: %s", p.Name, p.Doc)})
			}
			continue
		}
		out[p.Name], _ = convert(p, p.Default)
	}
	return out, probs
}

func (p Pos) less(o Pos, a, b string) bool {
	if p.Line != o.Line {
		return p.Line < o.Line
	}
	if p.Col != o.Col {
		return p.Col < o.Col
	}
	return a < b
}

// convert checks a value against its parameter and returns it as the parameter's Go type, or
// what is wrong with it.
func convert(p kind.Param, v any) (any, string) {
	if yv, ok := v.(yamlValue); ok {
		return nil, fmt.Sprintf("expected a %s, not %s", p.Type, yv.kind)
	}
	switch p.Type {
	case kind.Int:
		return convertInt(p, v)
	case kind.Float:
		return convertFloat(p, v)
	case kind.Bool:
		if b, ok := v.(bool); ok {
			return b, ""
		}
		return nil, "expected true or false"
	case kind.Duration:
		return convertDuration(p, v)
	}
	s, ok := v.(string)
	if !ok {
		if v == nil {
			return nil, "expected text"
		}
		s = fmt.Sprint(v)
	}
	if p.Type == kind.Choice && !contains(p.Choices, s) {
		return nil, unknownKey("value", s, p.Choices)
	}
	return s, ""
}

func convertInt(p kind.Param, v any) (any, string) {
	var n int
	switch x := v.(type) {
	case int:
		n = x
	case float64:
		if x != math.Trunc(x) || math.Abs(x) > math.MaxInt32 {
			return nil, fmt.Sprintf("expected a whole number, not %v", x)
		}
		n = int(x)
	default:
		return nil, fmt.Sprintf("expected a whole number, not %s", describeValue(v))
	}
	if float64(n) < p.Min || float64(n) > p.Max {
		return nil, fmt.Sprintf("%d is out of range: %s", n, rangeText(p))
	}
	return n, ""
}

func convertFloat(p kind.Param, v any) (any, string) {
	var f float64
	switch x := v.(type) {
	case int:
		f = float64(x)
	case float64:
		f = x
	default:
		return nil, fmt.Sprintf("expected a number, not %s", describeValue(v))
	}
	if math.IsNaN(f) || f < p.Min || f > p.Max {
		return nil, fmt.Sprintf("%v is out of range: %s", f, rangeText(p))
	}
	return f, ""
}

func convertDuration(p kind.Param, v any) (any, string) {
	var d time.Duration
	switch x := v.(type) {
	case time.Duration:
		d = x
	case string:
		var err error
		if d, err = time.ParseDuration(x); err != nil {
			return nil, fmt.Sprintf("%q is not a duration: write it like 10s or 2m", x)
		}
	default:
		return nil, fmt.Sprintf("expected a duration such as 10s, not %s", describeValue(v))
	}
	if d.Seconds() < p.Min || d.Seconds() > p.Max {
		return nil, fmt.Sprintf("%s is out of range: between %gs and %gs", d, p.Min, p.Max)
	}
	return d, ""
}

func rangeText(p kind.Param) string {
	return fmt.Sprintf("between %s and %s", strconv.FormatFloat(p.Min, 'g', -1, 64), strconv.FormatFloat(p.Max, 'g', -1, 64))
}

func describeValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "nothing"
	case string:
		return strconv.Quote(x)
	}
	return fmt.Sprint(v)
}

// checkGoal parses and checks the goal (or the kind's default goal) against the kind's values.
func checkGoal(s *Spec, def *kind.Def) Problems {
	text, field := s.Goal, "goal"
	if strings.TrimSpace(text) == "" {
		if def.DefaultGoal != "" {
			return nil // the default goal is checked by the kind's tests
		}
		return Problems{{Pos: s.position("goal", true), Field: "goal", Message: "missing goal: the condition the learner must meet, such as " + exampleGoal(def)}}
	}
	e, err := goal.Parse(text)
	if err != nil {
		ge := err.(*goal.Error)
		return Problems{{Pos: s.goalPos.at(ge.Col), Field: field, Message: "goal: " + ge.Msg}}
	}
	var probs Problems
	for _, ge := range e.Check(def.Domains()) {
		probs = append(probs, Problem{Pos: s.goalPos.at(ge.Col), Field: field, Message: "goal: " + ge.Msg})
	}
	return probs
}

func exampleGoal(def *kind.Def) string {
	if len(def.Metrics) == 0 {
		return "exit == 0"
	}
	return def.Metrics[0].Name + " >= 0.9"
}

// unknownKey says a name is not known, suggesting the closest known one or listing them all.
func unknownKey(what, name string, known []string) string {
	if s := goal.Suggest(name, known); s != "" {
		return fmt.Sprintf("unknown %s %q (did you mean %q?)", what, name, s)
	}
	return fmt.Sprintf("unknown %s %q (known: %s)", what, name, strings.Join(known, ", "))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
