package classreport

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
)

// The HTML page is one file with nothing to fetch: its style and its charts (inline SVG,
// charts.go) are inside it, and its Content-Security-Policy forbids loading anything, so it
// opens the same offline, from an e-mail or a learning platform. html/template escapes every
// text from the course and the hand-ins.

//go:embed report.html.tmpl
var pageSource string

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"percent":     percent,
	"optPercent":  optPercent,
	"duration":    duration,
	"share":       share,
	"plural":      plural,
	"reportedBy":  reportedBy,
	"streak":      streak,
	"versionName": versionName,
	"inc":         func(i int) int { return i + 1 },
}).Parse(pageSource))

type page struct {
	Report
	Views []versionView
}

type versionView struct {
	V      Version
	ID     string
	Charts []*chart
}

// WriteHTML writes the report as one self-contained HTML page with charts.
func (r Report) WriteHTML(w io.Writer) error {
	p := page{Report: r}
	for i, v := range r.Versions {
		p.Views = append(p.Views, versionView{V: v, ID: fmt.Sprintf("v%d", i+1), Charts: versionCharts(v, i, r.Course.PassMark)})
	}
	return pageTemplate.Execute(w, p)
}
