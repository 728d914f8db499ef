//go:build race

package render

// raceBuild is true under the race detector, which makes the layout about ten times slower:
// the layout properties then check a sample of widths (the plain test run checks them all).
const raceBuild = true
