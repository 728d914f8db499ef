// Package codelimits holds no code: its test holds every package of the module to the size
// limits of the developers' guide (issue 9), so that a change which breaks one fails
// `go test ./...` like any other bug. Run `go test ./internal/codelimits -v` for the largest
// files and functions.
package codelimits
