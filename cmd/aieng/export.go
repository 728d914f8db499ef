package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/aieng/aieng/internal/export"
	"github.com/aieng/aieng/internal/termstyle"
	"github.com/aieng/aieng/lessons"
)

// lmsFormat is one format 'aieng export' writes.
type lmsFormat struct {
	name, short string
	suffix      string // of the default file name: <course-id><suffix>
	binary      bool   // a zip, never written to a terminal
	write       func(io.Writer, *lessons.Course) error
	importHint  string
}

var lmsFormats = []lmsFormat{
	{"qti", "Write a QTI 1.2 zip for Canvas: one quiz per lesson", "-qti.zip", true, export.WriteQTI,
		"In Canvas: Settings → Import Course Content → QTI .zip file"},
	{"moodle", "Write a Moodle XML question file: one category per lesson", "-moodle.xml", false, export.WriteMoodle,
		"In Moodle: Question bank → Import → Moodle XML format, with \"Get category from file\" ticked"},
}

func (a *app) exportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export qti|moodle [-o FILE]",
		Short: "Write the course's quizzes for a learning-management system (Canvas QTI or Moodle XML)",
		Long: "Write the course's quizzes in a format a learning-management system imports: a QTI 1.2\n" +
			"zip for Canvas, or Moodle XML. A course with errors is refused. The file is written\n" +
			"whole or not at all. Without -o, the export goes to standard output when that is a\n" +
			"file or a pipe, and to <course-id>-qti.zip or <course-id>-moodle.xml in this folder\n" +
			"when it is a terminal. docs/lms.md says what is kept and what is lost.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return usageError("export needs a format: %s export qti, or %s export moodle", a.name, a.name)
		},
	}
	for _, f := range lmsFormats {
		cmd.AddCommand(a.exportFormatCmd(f))
	}
	return cmd
}

func (a *app) exportFormatCmd(f lmsFormat) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   f.name + " [-o FILE]",
		Short: f.short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runExport(f, out)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to `FILE` (- for standard output)")
	return cmd
}

func (a *app) runExport(f lmsFormat, out string) error {
	toTerminal := a.stdoutIsTerminal()
	if out == "-" && toTerminal && f.binary {
		return usageError("a zip is not written to a terminal: redirect it (> course.zip) or name a file with -o FILE")
	}
	c, err := a.answersCourse("export")
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.write(&buf, c); err != nil {
		if errors.Is(err, export.ErrNoQuestions) {
			return &exitError{code: 1, msg: "nothing exported: " + err.Error()}
		}
		return err
	}
	if out == "-" || (out == "" && !toTerminal) {
		_, err := a.stdout.Write(buf.Bytes())
		return err
	}
	if out == "" {
		out = c.ID + f.suffix
	}
	if err := writeFileAtomic(out, buf.Bytes()); err != nil {
		return err
	}
	quizzes := 0
	for _, l := range c.Lessons {
		if len(l.Quiz) > 0 {
			quizzes++
		}
	}
	_, err = fmt.Fprintf(a.stdout, "wrote %s: %d %s, %d question%s. %s.\n",
		out, quizzes, pluralOf(quizzes, "quiz", "quizzes"), c.QuestionCount(), plural(c.QuestionCount()), f.importHint)
	return err
}

// stdoutIsTerminal reports whether standard output is a terminal; tests replace it.
func (a *app) stdoutIsTerminal() bool {
	if a.terminalOut != nil {
		return a.terminalOut()
	}
	return termstyle.IsTerminal(a.stdout)
}

// writeFileAtomic writes data to a temporary file beside path and renames it over path, so a
// failure leaves either the old file or none, never half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
