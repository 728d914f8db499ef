package kind

import "fmt"

// Recover, deferred first thing in a goroutine a lab starts (or in a function the interface
// runs in one), turns a panic into *err: "what failed (the panic); please report it". A panic
// there would end the whole program, with the terminal left in raw mode; an error is shown on
// the lab's screen, and the rest of the course goes on.
func Recover(err *error, what string) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("%s failed (%v); please report it", what, p)
	}
}
