package lab

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/aieng/aieng/internal/lab/kind"
)

// Reference writes, in Markdown, every kind with its parameters, knobs, measured values and
// default goal: the part of the authoring guide that must never drift from the code.
func Reference() string {
	var b strings.Builder
	for _, def := range Kinds() {
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", def.Name, def.Summary)
		b.WriteString("| parameter | type | default | allowed | what it does |\n| --- | --- | --- | --- | --- |\n")
		for _, p := range def.AllParams() {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", p.Name, p.Type, defaultText(p), allowedText(p), p.Doc)
		}
		if len(def.Knobs) > 0 {
			b.WriteString("\n| knob | learners read | moves | what it does |\n| --- | --- | --- | --- |\n")
			for _, k := range def.Knobs {
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", k.Name, k.Label, knobRange(k), k.Doc)
			}
		}
		b.WriteString("\n| measured value | learners read | range | what it is |\n| --- | --- | --- | --- |\n")
		for _, m := range def.Metrics {
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", m.Name, m.Label, metricRange(m), m.Doc)
		}
		fmt.Fprintf(&b, "\nDefault goal: `%s`, which learners read as: %s\n\n", def.DefaultGoal, Spec{Kind: def.Name}.GoalWords())
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func defaultText(p kind.Param) string {
	switch v := p.Default.(type) {
	case nil:
		return "required"
	case string:
		if v == "" {
			return "none"
		}
		return "`" + v + "`"
	case time.Duration:
		return "`" + v.String() + "`"
	}
	return fmt.Sprintf("`%v`", p.Default)
}

func allowedText(p kind.Param) string {
	switch p.Type {
	case kind.Int, kind.Float:
		return num(p.Min) + " to " + num(p.Max)
	case kind.Duration:
		return num(p.Min) + "s to " + num(p.Max) + "s"
	case kind.Choice:
		return "`" + strings.Join(p.Choices, "`, `") + "`"
	}
	return "any"
}

func knobRange(k kind.Knob) string {
	if k.IsSwitch() {
		return "`" + strings.Join(k.Positions, "` / `") + "`"
	}
	return fmt.Sprintf("%s to %s by %s", num(k.Min), num(k.Max), num(k.Step))
}

func metricRange(m kind.Metric) string {
	switch {
	case m.Text:
		return "text"
	case math.IsInf(m.Max, 1):
		return "from " + num(m.Min)
	case m.Integer:
		return "whole, " + num(m.Min) + " to " + num(m.Max)
	}
	return num(m.Min) + " to " + num(m.Max)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
