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
		`{"schema":2,"courses":{"c":{"active_on":["2026-01-01T00:00:00Z","0001-01-01T00:00:00Z","2026-01-01T00:00:00+14:00"],` +
			`"lessons":{"l":{"time_spent":[{"session":"s","started":"2026-01-01T00:00:00Z","seconds":-5},{"session":"","seconds":9}]}},` +
			`"review_log":[{"id":"rv-1","question_id":"q","hash":"h","time":"2026-01-01T00:00:00Z","rating":3,"state":2,` +
			`"elapsed_days":1,"scheduled_days":3,"stability":1e308,"difficulty":5,"due":"2026-01-04T00:00:00Z","lesson":"l"},` +
			`{"id":"rv-1","question_id":"q","time":"2026-01-01T00:00:00Z","rating":9,"stability":-1,"due":"2025-01-01T00:00:00Z"}]}}}`,
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
