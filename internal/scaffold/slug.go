package scaffold

import (
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldLatin spells the Latin letters that Unicode does not decompose into a base letter and a
// mark (so NFD leaves them whole) the way their languages write them in ASCII.
var foldLatin = strings.NewReplacer(
	"ß", "ss", "ẞ", "ss", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ø", "o", "Ø", "o",
	"đ", "d", "Đ", "d", "ð", "d", "Ð", "d", "ł", "l", "Ł", "l", "þ", "th", "Þ", "th", "ı", "i",
)

// slug turns a title into an id: lower-case ASCII letters and digits joined by single dashes.
// Accented letters lose their accents ("Über" gives "uber", "Grüße" gives "grusse"); anything
// else (punctuation, emoji, letters of other scripts) separates words.
func slug(s string) string {
	// NFD splits "ü" into "u" and a combining diaeresis, which is then dropped.
	strip := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)))
	folded, _, err := transform.String(strip, foldLatin.Replace(s))
	if err != nil {
		folded = s
	}
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(folded) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}

// yamlQuote writes s as a YAML scalar a person can read and edit: plain when YAML reads it back
// as the same string, else single-quoted. The YAML library's own quoting is not used for the
// second case: it writes characters outside the Basic Multilingual Plane (emoji) as \U escapes.
// Single quotes need no escape but a doubled quote, and a title holds no line break or control
// character (checkTitle refuses them).
func yamlQuote(s string) string {
	out, err := yaml.Marshal(s)
	if plain := strings.TrimSuffix(string(out), "\n"); err == nil && plain != "" && !strings.ContainsAny(plain[:1], `"'|>`) {
		return plain
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
