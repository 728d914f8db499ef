package lab

import (
	"flag"
	"os"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

func TestMain(m *testing.M) {
	// Colour detection differs between 'go test' and 'go test ./...': pin it.
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	os.Exit(m.Run())
}

var updateDocs = flag.Bool("update-docs", false, "rewrite the reference section of docs/labs.md")
