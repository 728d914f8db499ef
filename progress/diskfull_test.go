//go:build linux || darwin

package progress

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func init() { helpers["diskfull"] = writeBeyondFileSizeLimit }

// writeBeyondFileSizeLimit saves with a file size limit (RLIMIT_FSIZE) smaller than the file,
// so that writes fail halfway as on a full disk, then lifts the limit and saves again. It
// prints what it observed, one fact a line, for the parent to check.
func writeBeyondFileSizeLimit() int {
	path := os.Getenv(helperFileEnv)
	before, _ := os.ReadFile(path)
	s, err := Open(path)
	if err != nil {
		fmt.Println("open:", err)
		return 3
	}
	var limit syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		fmt.Println("getrlimit:", err)
		return 3
	}
	full := limit
	full.Cur = uint64(len(before) / 2)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &full); err != nil {
		fmt.Println("setrlimit:", err)
		return 3
	}
	err = s.MarkRead("c", "during-full-disk", at(100))
	fmt.Println("save error:", err)
	fmt.Println("cause kept:", errors.Is(err, syscall.EFBIG))
	after, _ := os.ReadFile(path)
	fmt.Println("file intact:", bytes.Equal(before, after))
	fmt.Println("kept in memory:", s.Course("c").Lessons["during-full-disk"].Read)
	fmt.Println("warning:", strings.Join(s.Warnings(), " | "))
	temps, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".progress.json.tmp-*"))
	fmt.Println("temporary files:", len(temps))

	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		fmt.Println("setrlimit:", err)
		return 3
	}
	fmt.Println("save after space is back:", s.MarkRead("c", "after", at(101)))
	return 0
}

// TestFullDiskKeepsTheOldFile makes a save's writes fail halfway (a file size limit stands in
// for a full disk, which a test cannot make): the save reports the error in one line, the old
// file is untouched, the change is kept in memory, and the next save writes everything.
func TestFullDiskKeepsTheOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "progress.json")
	s := openClean(t, path)
	for i := range 20 {
		must(t, s.RecordAttempt("c", "old", attempt(fmt.Sprint("a", i), at(i), 1, 2, false)))
	}
	cmd := helper(t, "diskfull", path, "", 0)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("helper: %v\n%s%s", err, out, cmd.Stderr)
	}
	t.Logf("helper reported:\n%s", out)
	for _, want := range []string{
		"save error: cannot save progress: write ", "file too large", "cause kept: true",
		"file intact: true", "kept in memory: true", "warning: cannot save progress", "temporary files: 0",
		"save after space is back: <nil>",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("helper output lacks %q", want)
		}
	}
	got := openClean(t, path).Course("c")
	if !got.Lessons["during-full-disk"].Read || !got.Lessons["after"].Read || len(got.Lessons["old"].Attempts) != 20 {
		t.Errorf("after the disk had room again: %+v", got)
	}
}
