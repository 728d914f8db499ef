package main

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/classreport"
)

func (a *app) reportCmd() *cobra.Command {
	var asJSON, asCSV bool
	var htmlFile string
	cmd := &cobra.Command{
		Use:   "report FILE...|DIR",
		Short: "Sum up learners' hand-ins (progress --json): per lesson and per question",
		Long: "Read learners' hand-ins (the files 'progress --json' prints; a folder means every\n" +
			"*.json in it) and sum them up per course version: per lesson, learners started and\n" +
			"passed, the median first attempt and time spent; per question, the first-try miss\n" +
			"rate, the wrong choices picked most, the typed answers rejected most, and answers to\n" +
			"older versions. A file that cannot be read, or is of another course, is skipped and\n" +
			"named on standard error. Use --lessons DIR for the course folder. Exit status 0 when\n" +
			"at least one hand-in was read, 1 when none. docs/lms.md explains the numbers.",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("report needs hand-ins: %s report FILE... or %s report DIR", a.name, a.name)
			}
			if btoi(asJSON)+btoi(asCSV)+btoi(htmlFile != "") > 1 {
				return usageError("--json, --csv and --html cannot be combined")
			}
			return a.runReport(args, asJSON, asCSV, htmlFile)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print the report as CSV: a row per lesson and per question")
	cmd.Flags().StringVar(&htmlFile, "html", "", "write the report as one HTML page with charts to `FILE` (- for standard output)")
	return cmd
}

func (a *app) runReport(args []string, asJSON, asCSV bool, htmlFile string) error {
	c, err := a.answersCourse("the class report")
	if err != nil {
		return err
	}
	handIns, skipped := classreport.Collect(c, args)
	r := classreport.Build(c, handIns, skipped, time.Now())
	var msgs strings.Builder
	for _, s := range r.Skipped {
		fmt.Fprintf(&msgs, "%s: skipped %s: %s\n", a.name, s.File, s.Reason)
	}
	fmt.Fprint(a.stderr, msgs.String())
	if len(handIns) == 0 {
		return &exitError{code: 1, msg: fmt.Sprintf("no hand-in read (%d file%s skipped): nothing to report", len(r.Skipped), plural(len(r.Skipped)))}
	}
	var out bytes.Buffer
	switch {
	case asJSON:
		err = r.WriteJSON(&out)
	case asCSV:
		err = r.WriteCSV(&out)
	case htmlFile != "":
		err = r.WriteHTML(&out)
	default:
		err = r.WriteText(&out)
	}
	if err != nil {
		return err
	}
	if htmlFile == "" || htmlFile == "-" {
		_, err = a.stdout.Write(out.Bytes())
		return err
	}
	if err := writeFileAtomic(htmlFile, out.Bytes()); err != nil {
		return err
	}
	_, err = fmt.Fprintf(a.stdout, "wrote %s: %d hand-in%s, %d course version%s. Open it in a browser; it needs no network.\n",
		htmlFile, r.HandIns, plural(r.HandIns), len(r.Versions), plural(len(r.Versions)))
	return err
}
