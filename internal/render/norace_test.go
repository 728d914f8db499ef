//go:build !race

package render

const raceBuild = false
