package tui

import (
	"fmt"
	"strings"
	"time"
)

// The outline's header says, beside the progress bar, what keeps a learner going without
// noise: the questions due for review (and the key that opens them), the day streak from two
// days on, and the time spent on the course's lessons. It is worked out when the outline is
// shown, not at each key.

type outlineStats struct {
	due, waiting int // questions due for review now: within the daily limit, and without
	streak       int // consecutive days with something done
	spent        time.Duration
}

func (o *outlineModel) refreshStats() {
	c := o.c
	p := c.prog.Progress()
	st := c.prog.ReviewStatus()
	o.stats = outlineStats{due: st.Due, waiting: st.Waiting, streak: p.Streak(c.opts.Now().In(c.opts.Zone)),
		spent: c.info.TimeSpent(p)}
}

// statsParts are the header's phrases, most important first.
func (o *outlineModel) statsParts() []string {
	var parts []string
	if o.stats.due > 0 {
		parts = append(parts, fmt.Sprintf("%d due for review", o.stats.due))
	}
	if o.stats.streak >= 2 { // a streak of one day is no news
		parts = append(parts, fmt.Sprintf("%d-day streak", o.stats.streak))
	}
	if s := spentText(o.stats.spent); s != "" {
		parts = append(parts, s+" spent")
	}
	return parts
}

// statsLine is the header's second line, under the progress bar; "" when there is nothing to
// say.
func (o *outlineModel) statsLine(w int) string {
	parts := o.statsParts()
	if len(parts) == 0 {
		return ""
	}
	st, k := o.c.st, o.c.keys
	line := "  "
	if o.stats.due > 0 {
		line += st.CallToAction.Render(parts[0]) + st.Subtle.Render(fmt.Sprintf(" (%s)", keyName(k.Review)))
		parts = parts[1:]
		if len(parts) > 0 {
			line += st.Subtle.Render(" · ")
		}
	}
	return clip(line+st.Subtle.Render(strings.Join(parts, " · ")), w)
}

// dueNote is what the progress line adds when the header has no room for the stats line.
func (o *outlineModel) dueNote() string {
	if o.stats.due == 0 {
		return ""
	}
	return fmt.Sprintf(" · %d due", o.stats.due)
}

// reviewRow draws the outline's entry that opens a review session.
func (o *outlineModel) reviewRow(cur seg, selected bool, w int) string {
	st := o.c.st
	label := fmt.Sprintf("Review the %d %s due", o.stats.due, plural(o.stats.due, "question", "questions"))
	return renderRow(st, []seg{cur, {"↻ ", st.Cursor}, {clip(label, max(w-4, 1)), st.Heading}}, selected, w)
}

// reviewRowStatus is the status line on the review entry.
func (o *outlineModel) reviewRowStatus() statusInfo {
	left := "The questions you are about to forget, most overdue first"
	if o.stats.waiting > o.stats.due {
		left = fmt.Sprintf("Today's %d of the %d due (a daily limit keeps reviews short)", o.stats.due, o.stats.waiting)
	}
	return statusInfo{left: left, right: keyName(o.c.keys.Review), tone: toneAction}
}
