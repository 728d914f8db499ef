package main

import "golang.org/x/term"

func isTerminalFD(fd uintptr) bool { return term.IsTerminal(int(fd)) }
