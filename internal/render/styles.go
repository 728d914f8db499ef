package render

import (
	"reflect"
	"sync"

	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/muesli/termenv"
)

// Style names a look for lessons.
type Style string

// The styles aieng uses.
const (
	// Dark and Light are Glamour's standard styles, in the colours the profile allows.
	Dark  Style = "dark"
	Light Style = "light"
	// Mono is for a terminal without colour (NO_COLOR): no colour at all, but bold, italic,
	// underline and reverse video, as the rest of the interface uses then. No Markdown marker
	// shows: headings are bold (the title in reverse video), emphasis is italic.
	Mono Style = "mono"
	// NoTTY is plain text for pipes and files: no escape sequence at all and no Markdown
	// marker either. The title is underlined with "=", level-2 headings with "-".
	NoTTY Style = "notty"
)

// Inline code keeps its backticks in Mono and NoTTY: without colour they are what tells a
// reader that `fit` is a name to type, and they are not formatting a terminal could show.

// styleConfig returns the Glamour style for a Style.
func styleConfig(style Style) gansi.StyleConfig {
	switch style {
	case Dark:
		return styles.DarkStyleConfig
	case Light:
		return styles.LightStyleConfig
	case Mono:
		return monoStyle()
	}
	return plainStyle()
}

// The derived styles are built once: the renderers only read them.
var (
	monoStyle  = sync.OnceValue(monoConfig)
	plainStyle = sync.OnceValue(plainConfig)
)

// profileFor returns the colour profile to render a style with: Mono needs one that emits
// attributes (it sets no colour, so none is emitted), NoTTY one that emits nothing.
func profileFor(o Options) termenv.Profile {
	switch o.Style {
	case Mono:
		return termenv.ANSI
	case Dark, Light:
		return o.Profile
	}
	return termenv.Ascii
}

// markerSGR returns how the cut markers are drawn: in reverse video when the rendering can
// show it.
func markerSGR(style Style, p termenv.Profile) string {
	if style == NoTTY || p == termenv.Ascii && style != Mono {
		return ""
	}
	return "\x1b[7m"
}

// plainConfig is Glamour's notty style without the Markdown markers it prints for emphasis
// and headings (the layout underlines the top headings instead).
func plainConfig() gansi.StyleConfig {
	cfg := styles.NoTTYStyleConfig
	cfg.Code.Prefix, cfg.Code.Suffix = "`", "`"
	cfg.Emph = gansi.StylePrimitive{}
	cfg.Strong = gansi.StylePrimitive{}
	cfg.Strikethrough = gansi.StylePrimitive{}
	for _, h := range headings(&cfg) {
		h.Prefix = ""
	}
	return cfg
}

// monoConfig is Glamour's dark style with every colour taken out, and attributes in their place
// where colour alone carried the meaning: headings without "##" markers, the title in reverse
// video, inline code between backticks, no syntax colouring.
func monoConfig() gansi.StyleConfig {
	cfg := styles.DarkStyleConfig
	dropColours(reflect.ValueOf(&cfg).Elem())
	cfg.CodeBlock.Chroma = nil
	for _, h := range headings(&cfg) {
		h.Prefix = ""
	}
	yes := true
	cfg.H1.Prefix, cfg.H1.Suffix, cfg.H1.Inverse = " ", " ", &yes
	cfg.H2.Underline = &yes
	cfg.Code.Prefix, cfg.Code.Suffix = "`", "`"
	return cfg
}

func headings(cfg *gansi.StyleConfig) []*gansi.StyleBlock {
	return []*gansi.StyleBlock{&cfg.H1, &cfg.H2, &cfg.H3, &cfg.H4, &cfg.H5, &cfg.H6}
}

// dropColours sets every Color and BackgroundColor field in a style, at any depth, to nil. The
// style structs hold dozens of them; walking them by reflection keeps up with Glamour's fields.
func dropColours(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() && v.Elem().Kind() == reflect.Struct {
			c := reflect.New(v.Elem().Type()) // a copy: the standard styles are shared
			c.Elem().Set(v.Elem())
			dropColours(c.Elem())
			v.Set(c)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := v.Field(i)
			switch name := t.Field(i).Name; {
			case !f.CanSet():
			case name == "Color" || name == "BackgroundColor":
				f.Set(reflect.Zero(f.Type()))
			default:
				dropColours(f)
			}
		}
	}
}
