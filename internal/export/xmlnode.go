package export

import (
	"bytes"
	"encoding/xml"
)

// node is an XML element built in code, in the order it is written, the way Canvas's exporter
// builds its files with Ruby's Builder. encoding/xml escapes every attribute and text, and
// replaces characters XML cannot hold.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []*node    `xml:",any"`
}

// el is an element with children. Prefixed names ("imsmd:lom") are written as given.
func el(name string, children ...*node) *node {
	return &node{XMLName: xml.Name{Local: name}, Children: children}
}

// textEl is an element holding text only.
func textEl(name, text string) *node {
	return &node{XMLName: xml.Name{Local: name}, Text: clean(text)}
}

// attr adds attributes given as name, value pairs, and returns n for chaining.
func (n *node) attr(pairs ...string) *node {
	for i := 0; i+1 < len(pairs); i += 2 {
		n.Attrs = append(n.Attrs, xml.Attr{Name: xml.Name{Local: pairs[i]}, Value: clean(pairs[i+1])})
	}
	return n
}

// add appends children that are not nil, and returns n.
func (n *node) add(children ...*node) *node {
	for _, c := range children {
		if c != nil {
			n.Children = append(n.Children, c)
		}
	}
	return n
}

// xmlDocument encodes root as an indented UTF-8 document with an XML declaration.
func xmlDocument(root *node) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}
