package codelimits

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The limits, for non-test code. Function lines run from the func keyword to the closing
// brace; complexity is counted as gocyclo counts it (1, plus one per if, for, range, case,
// select case, && and ||, closures included in their function).
const (
	maxFuncLines  = 60
	maxComplexity = 15
	maxFileLines  = 500
)

type funcInfo struct {
	name       string
	pos        string
	lines, cyc int
}

type fileInfo struct {
	path  string
	lines int
}

// measure parses every non-test Go file of the module.
func measure(t *testing.T) ([]fileInfo, []funcInfo) {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found from %s: %v", root, err)
	}
	fset := token.NewFileSet()
	var files []fileInfo
	var funcs []funcInfo
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		files = append(files, fileInfo{rel, fset.Position(f.FileEnd).Line})
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			start, end := fset.Position(fd.Pos()), fset.Position(fd.End())
			funcs = append(funcs, funcInfo{
				name:  funcName(fd),
				pos:   fmt.Sprintf("%s:%d", rel, start.Line),
				lines: end.Line - start.Line + 1,
				cyc:   complexity(fd),
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(funcs) < 100 {
		t.Fatalf("only %d functions found under %s: the walk is broken", len(funcs), root)
	}
	return files, funcs
}

func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	if s, ok := typ.(*ast.StarExpr); ok {
		typ = s.X
	}
	if ix, ok := typ.(*ast.IndexExpr); ok {
		typ = ix.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// complexity is gocyclo's cyclomatic complexity of a function.
func complexity(fd *ast.FuncDecl) int {
	c := 1
	ast.Inspect(fd, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				c++
			}
		}
		return true
	})
	return c
}

func TestCodeLimits(t *testing.T) {
	files, funcs := measure(t)
	for _, f := range files {
		if f.lines > maxFileLines {
			t.Errorf("%s has %d lines; the limit is %d: split it", f.path, f.lines, maxFileLines)
		}
	}
	for _, f := range funcs {
		if f.lines > maxFuncLines {
			t.Errorf("%s %s has %d lines; the limit is %d", f.pos, f.name, f.lines, maxFuncLines)
		}
		if f.cyc > maxComplexity {
			t.Errorf("%s %s has cyclomatic complexity %d; the limit is %d", f.pos, f.name, f.cyc, maxComplexity)
		}
	}
	if testing.Verbose() {
		report(t, files, funcs)
	}
}

// report logs the largest files and functions and the averages, for measuring a change.
func report(t *testing.T, files []fileInfo, funcs []funcInfo) {
	sort.Slice(files, func(i, j int) bool { return files[i].lines > files[j].lines })
	total := 0
	for _, f := range files {
		total += f.lines
	}
	t.Logf("%d non-test files, %d lines; largest:", len(files), total)
	for _, f := range files[:min(10, len(files))] {
		t.Logf("  %4d  %s", f.lines, f.path)
	}
	sumCyc := 0
	for _, f := range funcs {
		sumCyc += f.cyc
	}
	t.Logf("%d functions, average complexity %.2f", len(funcs), float64(sumCyc)/float64(len(funcs)))
	sort.Slice(funcs, func(i, j int) bool { return funcs[i].lines > funcs[j].lines })
	t.Log("longest functions:")
	for _, f := range funcs[:min(10, len(funcs))] {
		t.Logf("  %3d lines  cyclo %2d  %s  %s", f.lines, f.cyc, f.name, f.pos)
	}
	sort.Slice(funcs, func(i, j int) bool { return funcs[i].cyc > funcs[j].cyc })
	t.Log("most complex functions:")
	for _, f := range funcs[:min(10, len(funcs))] {
		t.Logf("  cyclo %2d  %3d lines  %s  %s", f.cyc, f.lines, f.name, f.pos)
	}
}
