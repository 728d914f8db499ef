package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestBuildReleaseHelp: the release script prints its usage for --help instead of starting a
// six-platform build, and refuses an argument it does not know.
func TestBuildReleaseHelp(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	script := filepath.Join("..", "..", "scripts", "build-release")
	out, err := exec.Command("bash", script, "--help").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "Usage: scripts/build-release") || !strings.Contains(string(out), "PLATFORMS=") {
		t.Errorf("--help: %v\n%s", err, out)
	}
	out, err = exec.Command("bash", script, "--bogus").CombinedOutput()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 2 || !strings.Contains(string(out), "unknown argument: --bogus") {
		t.Errorf("an unknown argument: %v\n%s", err, out)
	}
}

// TestReleaseArchivesCarryLearnersReadme: GoReleaser's archives hold the learners' README, at
// their root, and not the developers' one.
func TestReleaseArchivesCarryLearnersReadme(t *testing.T) {
	raw, err := os.ReadFile("../../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Archives []struct {
			Files []struct {
				Src         string `yaml:"src"`
				StripParent bool   `yaml:"strip_parent"`
			} `yaml:"files"`
		} `yaml:"archives"`
	}
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Archives) != 1 || len(cfg.Archives[0].Files) != 1 {
		t.Fatalf("archives: %+v, want one archive with one file", cfg.Archives)
	}
	f := cfg.Archives[0].Files[0]
	if filepath.Base(f.Src) != "README.md" || !f.StripParent {
		t.Errorf("archive file %+v: want a README.md put at the archive's root (strip_parent)", f)
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", f.Src))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"./aieng", "aieng progress", "xattr -d com.apple.quarantine", "progress.json"} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("%s does not tell learners %q", f.Src, want)
		}
	}
	for _, dev := range []string{"go test", "go run", "go install"} {
		if strings.Contains(string(readme), dev) {
			t.Errorf("%s speaks to developers (%q)", f.Src, dev)
		}
	}
}
