package progress

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode feeds the decoder arbitrary bytes. It must never panic, and whatever it accepts
// must be writable and read back the same, or a hand-edited file could make every later save
// fail.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	for _, s := range []string{
		"", "null", "{}", "[]", `{"schema":1}`, `{"schema":2,"courses":[]}`, `{"schema":"1"}`,
		`{"schema":1,"courses":{"c":null}}`, `{"schema":1,"courses":{"c":{"lessons":{"l":null}}}}`,
		`{"schema":1,"courses":{"c":{"lessons":{"l":{"position":-3,"attempts":[{"percent":1e300},{}]}}}}}`,
		`{"schema":1,"courses":{"c":{"reset_at":"9999-12-31T23:59:59-23:00"}}}`,
		`{"schema":1,"courses":{"c":{"lessons":{"l":{"attempts":[{"answers":[]}]}}}}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decoded, err := decode(data)
		var newer *schemaError
		if err != nil && !errors.As(err, &newer) {
			if decoded != nil {
				t.Fatalf("a failed decode returned a file")
			}
			return
		}
		encoded, err := encode(decoded)
		if err != nil {
			t.Fatalf("decoded file cannot be written: %v", err)
		}
		again, err := decode(encoded)
		if err != nil {
			t.Fatalf("written file cannot be read: %v\n%s", err, encoded)
		}
		reencoded, err := encode(again)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(encoded, reencoded) {
			t.Fatalf("a round trip changed the file:\n%s\n%s", encoded, reencoded)
		}
	})
}
