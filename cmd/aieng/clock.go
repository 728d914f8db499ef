package main

import (
	"os"
	"time"
)

// envNow sets the clock's start for every command: a testing aid, to step days ahead and see
// what comes due for review (docs/progress.md).
const envNow = "AIENG_NOW"

// clock is the time the commands go by: the real clock or, with AIENG_NOW set, a clock that
// starts at that time and runs on from it (a stopped clock would stall the interface's timing,
// such as the pause after a question appears). Days are the local time zone's.
func (a *app) clock() (func() time.Time, error) {
	v := os.Getenv(envNow)
	if v == "" {
		return time.Now, nil
	}
	start, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, usageError("%s=%q is not a time: write it as RFC 3339, such as 2026-11-20T09:00:00Z or 2026-11-20T09:00:00+01:00", envNow, v)
	}
	start, began := start.In(time.Local), time.Now()
	return func() time.Time { return start.Add(time.Since(began)) }, nil
}
