package batch

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ManifestEntry overrides what was read from one document.
type ManifestEntry struct {
	Agency *string
	Region *string
	Year   *int
}

// Manifest maps files to overrides. A row's file matches a converted file
// by its path as found (relative to the working folder or absolute), by
// its path relative to the folder argument it was found under, or by its
// base name when no other row matches.
type Manifest struct {
	byPath map[string]*ManifestEntry
	byBase map[string]*ManifestEntry
}

// LoadManifest reads a CSV file with a header naming the column "file"
// and any of "agency", "region", "year" (other columns are ignored). An
// empty cell overrides nothing. A UTF-8 byte order mark is allowed.
func LoadManifest(path string) (*Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		col[h] = i
	}
	fi, ok := col["file"]
	if !ok {
		return nil, fmt.Errorf("manifest %s: no column \"file\" in the header (columns: file, agency, region, year)", path)
	}
	m := &Manifest{byPath: map[string]*ManifestEntry{}, byBase: map[string]*ManifestEntry{}}
	line := 1
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		line++
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %v", path, err)
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		file := get("file")
		if file == "" || fi >= len(rec) {
			continue
		}
		e := &ManifestEntry{}
		if s := get("agency"); s != "" {
			e.Agency = &s
		}
		if s := get("region"); s != "" {
			e.Region = &s
		}
		if s := get("year"); s != "" {
			y, err := strconv.Atoi(s)
			if err != nil {
				return nil, fmt.Errorf("manifest %s line %d: year %q is not a number", path, line, s)
			}
			e.Year = &y
		}
		key := manifestKey(file)
		m.byPath[key] = e
		base := filepath.Base(key)
		if _, dup := m.byBase[base]; dup {
			m.byBase[base] = nil // ambiguous: base names match only when unique
		} else {
			m.byBase[base] = e
		}
	}
	return m, nil
}

func manifestKey(p string) string {
	return filepath.ToSlash(filepath.Clean(filepath.FromSlash(p)))
}

// Lookup returns the entry for a file found at path under the argument
// root ("" when named directly), or nil.
func (m *Manifest) Lookup(path, root string) *ManifestEntry {
	if m == nil {
		return nil
	}
	if e := m.byPath[manifestKey(path)]; e != nil {
		return e
	}
	if root != "" {
		if rel, err := filepath.Rel(root, path); err == nil {
			if e := m.byPath[manifestKey(rel)]; e != nil {
				return e
			}
		}
	}
	if a, err := filepath.Abs(path); err == nil {
		if e := m.byPath[manifestKey(a)]; e != nil {
			return e
		}
	}
	return m.byBase[filepath.Base(path)]
}
