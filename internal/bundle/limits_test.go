package bundle

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"hash/crc32"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aieng/aieng/lessons"
)

// Regression tests for damaged and crafted bundles (issue 16): a size the archive declares is
// never trusted, unpacking is bounded, and a cut trailer is an error naming the binary.

// hangLimit is how long loading a bundle may take before the test calls it a hang; it is not
// a speed budget (each load here takes milliseconds).
const hangLimit = 20 * time.Second

const goodManifest = "id: c\ntitle: C\n"

const goodLesson = "---\nid: a\ntitle: A\nobjectives: [x]\n---\n\nText.\n"

// entry is one file of a crafted archive. declared, when set, is the uncompressed size written
// in the archive's headers whatever the data.
type entry struct {
	name     string
	data     []byte
	declared uint64
}

// craft builds an archive of entries, deflated, with the sizes the test chooses.
func craft(t *testing.T, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		var packed bytes.Buffer
		fw, err := flate.NewWriter(&packed, flate.BestCompression)
		must(t, err)
		_, err = fw.Write(e.data)
		must(t, err)
		must(t, fw.Close())
		size := uint64(len(e.data))
		if e.declared != 0 {
			size = e.declared
		}
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(e.data),
			CompressedSize64: uint64(packed.Len()), UncompressedSize64: size})
		must(t, err)
		_, err = w.Write(packed.Bytes())
		must(t, err)
	}
	must(t, zw.Close())
	return buf.Bytes()
}

// attach writes a pretend executable with archive and its trailer attached, cut by cut bytes.
func attach(t *testing.T, archive []byte, cut int) string {
	t.Helper()
	var trailer [trailerSize]byte
	binary.BigEndian.PutUint64(trailer[:8], uint64(len(archive)))
	copy(trailer[8:], magic)
	bin := append(append([]byte("\x7fELF pretend executable"), archive...), trailer[:]...)
	p := filepath.Join(t.TempDir(), "aieng-course")
	must(t, os.WriteFile(p, bin[:len(bin)-cut], 0o755))
	return p
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// loadBundle opens the bundle at bin and loads its course, returning the error problems as
// lines; a hang or a panic fails the test.
func loadBundle(t *testing.T, bin string) []string {
	t.Helper()
	fsys, err := openBundle(bin)
	if err != nil || fsys == nil {
		t.Fatalf("Open: %v, %v", fsys, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), hangLimit)
	defer cancel()
	done := make(chan []string, 1)
	go func() {
		_, probs, err := lessons.Load(fsys, "bundled course")
		lines := []string{}
		if err != nil {
			lines = append(lines, "error: "+err.Error())
		}
		for _, p := range probs.Errors() {
			lines = append(lines, p.String())
		}
		done <- lines
	}()
	select {
	case lines := <-done:
		return lines
	case <-ctx.Done():
		t.Fatalf("loading %s did not end within %v", bin, hangLimit)
		return nil
	}
}

func wantLines(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCraftedBundleLoads(t *testing.T) {
	bin := attach(t, craft(t, entry{name: "course.yaml", data: []byte(goodManifest)}, entry{name: "01-a.md", data: []byte(goodLesson)}), 0)
	wantLines(t, loadBundle(t, bin))
}

// The review's finding 6: an entry that declares 2^62 bytes made every command panic.
func TestDeclaredSizeIsNotTrusted(t *testing.T) {
	bin := attach(t, craft(t, entry{name: "course.yaml", data: []byte(goodManifest)},
		entry{name: "01-a.md", data: []byte(goodLesson), declared: 1 << 62}), 0)
	wantLines(t, loadBundle(t, bin), "bundled course/01-a.md:1:1: file is 4611686018427387904 bytes; a lesson may be at most 1 MiB")

	// fs.ReadFile allocates the declared size unless the file system reads files itself; the
	// bundle's does, under its limits, and reports the short data as an error.
	fsys, err := openBundle(bin)
	must(t, err)
	if data, err := fs.ReadFile(fsys, "01-a.md"); err == nil {
		t.Errorf("fs.ReadFile of an entry declaring 2^62 bytes returned %d bytes and no error", len(data))
	}
}

// A size declared smaller than the data is caught by archive/zip itself.
func TestUnderstatedSizeIsAnError(t *testing.T) {
	bin := attach(t, craft(t, entry{name: "course.yaml", data: []byte(goodManifest)},
		entry{name: "01-a.md", data: []byte(goodLesson + strings.Repeat("more text ", 1000)), declared: 10}), 0)
	wantLines(t, loadBundle(t, bin), "bundled course/01-a.md:1:1: cannot read: zip: not a valid zip file")
}

// The review's zip bomb: a file that expands a thousand times is refused once it passes the
// ratio, even within the size a lesson may have.
func TestZipBombIsRefusedByItsRatio(t *testing.T) {
	bomb := append([]byte(goodLesson), make([]byte, 900<<10)...)
	archive := craft(t, entry{name: "course.yaml", data: []byte(goodManifest)}, entry{name: "01-a.md", data: bomb})
	bin := attach(t, archive, 0)
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	must(t, err)
	packed := zr.File[1].CompressedSize64
	wantLines(t, loadBundle(t, bin), "bundled course/01-a.md:1:1: cannot read: the course attached to "+bin+
		" is refused: 01-a.md unpacks to more than 100 times its packed size of "+strconv.FormatUint(packed, 10)+" bytes")
}

func TestTotalUnpackedSizeIsBounded(t *testing.T) {
	defer func(old int64) { maxTotal = old }(maxTotal)
	maxTotal = 1 << 20 // three lessons of 400 KiB pass it; the real limit is 64 MiB
	// Each lesson is valid: 400 KiB of random words (which deflate shrinks by about half) in
	// the paragraphs of a question's explanation, where the limits on a lesson's text do not apply.
	text := func(seed uint64) []byte {
		rng := rand.New(rand.NewPCG(seed, 16))
		b := []byte(strings.Replace(goodLesson, "id: a", "id: l"+strconv.FormatUint(seed, 10), 1) +
			"\n## Quiz\n\n### Q?\n\n- [x] a\n- [ ] b\n\n")
		for n := 0; len(b) < 400<<10; n++ {
			b = append(b, "> "...)
			for range 10 {
				for range 7 {
					b = append(b, 'a'+byte(rng.IntN(26)))
				}
				b = append(b, ' ')
			}
			b = append(b, '\n')
			if n%10 == 9 {
				b = append(b, ">\n"...)
			}
		}
		return b
	}
	bin := attach(t, craft(t, entry{name: "course.yaml", data: []byte(goodManifest)},
		entry{name: "01-a.md", data: text(1)}, entry{name: "02-b.md", data: text(2)}, entry{name: "03-c.md", data: text(3)}), 0)
	wantLines(t, loadBundle(t, bin),
		"bundled course/03-c.md:1:1: cannot read: the course attached to "+bin+" is refused: its files unpack to more than 1 MiB")
}

// The review's finding 14: a bundle whose end was cut ran the built-in course without a word.
func TestCutTrailerNamesTheBinary(t *testing.T) {
	archive := craft(t, entry{name: "course.yaml", data: []byte(goodManifest)}, entry{name: "01-a.md", data: []byte(goodLesson)})
	for cut := 1; cut <= trailerSize; cut++ {
		bin := attach(t, archive, cut)
		fsys, err := openBundle(bin)
		want := "the course attached to " + bin + " is damaged: its end is cut off (an incomplete copy or download?): bundle the course again"
		if fsys != nil || err == nil || err.Error() != want {
			t.Errorf("cut by %d bytes: %v, %v\nwant %q", cut, fsys, err, want)
		}
	}
}

// An executable without a course is not mistaken for a cut bundle, even when it ends in a
// piece of the magic string.
func TestPlainBinaryHasNoCourse(t *testing.T) {
	for _, tail := range []string{"", "A", "AIENG-COURSE", "PK\x05\x06"} {
		p := filepath.Join(t.TempDir(), "plain")
		must(t, os.WriteFile(p, []byte("\x7fELF pretend executable, long enough for a trailer"+tail), 0o755))
		if fsys, err := openBundle(p); fsys != nil || err != nil {
			t.Errorf("ending %q: %v, %v; want no course and no error", tail, fsys, err)
		}
	}
}

func TestWrongTrailerLengthNamesTheBinary(t *testing.T) {
	p := filepath.Join(t.TempDir(), "bad")
	must(t, os.WriteFile(p, append([]byte("\xff\xff\xff\xff\xff\xff\xff\xff"), magic...), 0o755))
	_, err := openBundle(p)
	want := "the course attached to " + p + " is damaged: the length in its trailer (18446744073709551615 bytes) does not fit in the file: bundle the course again"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %q", err, want)
	}
}

// bundle packs what the loader reads, checked the same way: a lesson linked outside the
// folder is refused, not packed.
func TestWriteRefusesALinkOutsideTheFolder(t *testing.T) {
	dir := t.TempDir()
	course := filepath.Join(dir, "course")
	must(t, os.Mkdir(course, 0o755))
	must(t, os.WriteFile(filepath.Join(course, "course.yaml"), []byte(goodManifest), 0o644))
	secret := filepath.Join(dir, "secret.md")
	must(t, os.WriteFile(secret, []byte(goodLesson), 0o644))
	must(t, os.Symlink(secret, filepath.Join(course, "01-a.md")))
	base := filepath.Join(dir, "base")
	must(t, os.WriteFile(base, []byte("\x7fELF pretend executable"), 0o755))

	err := Write(filepath.Join(dir, "out"), base, course)
	want := filepath.Join(course, "01-a.md") + `: symbolic link to "` + secret + `", outside the course folder: ` +
		"copy the file into the folder (a relative link to a file inside the folder is fine)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %q", err, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("a bundle was written")
	}
}
