package bundle

import (
	"debug/buildinfo"
	"debug/elf"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Base is what 'aieng bundle' checks in the binary it copies: whether learners' machines can
// run it (a dynamically linked Linux binary needs the C library it was built against), and
// whether it says which version it is.
type Base struct {
	// Interpreter is the dynamic loader an ELF binary asks for (PT_INTERP), "" when static.
	Interpreter string
	// Needed are the shared libraries an ELF binary needs (DT_NEEDED).
	Needed []string
	// Version is the version the binary reports, "" for a development build (none stamped) or
	// when it cannot be told (Trimmed).
	Version string
	// Trimmed is set for a build made with -trimpath, as releases are: the go command then does
	// not record -ldflags, so a version injected with -X cannot be seen from outside.
	Trimmed bool
	// BuildInfoErr is why the Go build information could not be read: not a Go binary.
	BuildInfoErr error
}

// Dynamic reports whether the binary is a dynamically linked ELF binary. Only ELF (Linux) is
// checked: a Go binary for macOS always links the system library every Mac has (libSystem),
// and one for Windows only the system's own DLLs, so neither depends on how it was built.
func (b Base) Dynamic() bool { return b.Interpreter != "" || len(b.Needed) > 0 }

// Development reports whether the binary is a development build: no version stamped, so it
// reports "dev" and nobody can tell which release learners run. A -trimpath build without a
// module version is not called one: its injected version, if any, cannot be seen.
func (b Base) Development() bool { return b.BuildInfoErr == nil && b.Version == "" && !b.Trimmed }

// Inspect reads the binary at path. A file that is not ELF is not an error: it has no dynamic
// linking to check.
func Inspect(path string) (Base, error) {
	var b Base
	f, err := elf.Open(path)
	switch {
	case err == nil:
		defer f.Close()
		if b.Interpreter, b.Needed, err = elfLinking(f); err != nil {
			return b, fmt.Errorf("cannot read %s: %w", path, err)
		}
	case !isNotELF(err):
		return b, fmt.Errorf("cannot read %s: %w", path, err)
	}
	info, err := buildinfo.ReadFile(path)
	if err != nil {
		b.BuildInfoErr = err
		return b, nil
	}
	b.Version = stampedVersion(info)
	for _, s := range info.Settings {
		if s.Key == "-trimpath" && s.Value == "true" {
			b.Trimmed = true
		}
	}
	return b, nil
}

func isNotELF(err error) bool {
	var fe *elf.FormatError
	return errors.As(err, &fe)
}

// elfLinking returns the dynamic loader and the shared libraries an ELF binary needs.
func elfLinking(f *elf.File) (string, []string, error) {
	interp := ""
	for _, p := range f.Progs {
		if p.Type != elf.PT_INTERP {
			continue
		}
		data := make([]byte, p.Filesz)
		if _, err := p.ReadAt(data, 0); err != nil {
			return "", nil, err
		}
		interp = strings.TrimRight(string(data), "\x00")
	}
	needed, err := f.ImportedLibraries()
	if err != nil && !errors.Is(err, elf.ErrNoSymbols) {
		return interp, nil, err
	}
	return interp, needed, nil
}

// versionFlag finds the version a release build injects: -ldflags "-X main.Version=v1.2.3".
var versionFlag = regexp.MustCompile(`-X[ =]['"]?main\.Version=([^\s'"]+)`)

// stampedVersion is the version a binary reports, as cmd/aieng's version() decides it: the
// injected one, else the module version the go command recorded (go install module@version);
// "" when it would report "dev".
func stampedVersion(info *buildinfo.BuildInfo) string {
	for _, s := range info.Settings {
		if s.Key == "-ldflags" {
			if m := versionFlag.FindStringSubmatch(s.Value); m != nil {
				return m[1]
			}
		}
	}
	if v := info.Main.Version; v != "" && v != "(devel)" && !strings.HasSuffix(v, "+dirty") {
		return v
	}
	return ""
}
