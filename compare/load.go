package compare

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/govreport/govreport/model"
	"github.com/govreport/govreport/parser"
	"github.com/govreport/govreport/parser/docerr"
)

// Input is one report read for a comparison and where it came from.
type Input struct {
	Name   string
	Report *model.Report
}

// Load reads the reports of one input: a document (PDF, HTML, text) is
// parsed with p; a JSON file holding reports of schema govreport/1 (one
// object, an array, or one object per line as `govreport parse` prints
// them) is read as it is. Lines of a JSON Lines file that are not reports
// (a batch's error records) are returned as errors beside the reports.
func Load(p *parser.Parser, path string) ([]Input, []error) {
	src, err := p.ReadFile(path)
	if err != nil {
		return nil, []error{err}
	}
	if ins, errs, ok := loadJSON(path, src); ok {
		return ins, errs
	}
	r, err := p.Parse(path, src)
	if err != nil {
		return nil, []error{err}
	}
	return []Input{{Name: path, Report: r}}, nil
}

// loadJSON reads src as JSON reports; ok is false when src is not JSON.
func loadJSON(path string, src []byte) (ins []Input, errs []error, ok bool) {
	t := bytes.TrimLeft(src, " \t\r\n\ufeff")
	t = bytes.TrimPrefix(t, []byte("\ufeff"))
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return nil, nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(t))
	var objs []json.RawMessage
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(objs) == 0 {
				return nil, nil, false // not JSON after all
			}
			errs = append(errs, fmt.Errorf("%s: %v", docerr.Name(path), err))
			break
		}
		if len(v) > 0 && v[0] == '[' {
			var arr []json.RawMessage
			if err := json.Unmarshal(v, &arr); err != nil {
				errs = append(errs, fmt.Errorf("%s: %v", docerr.Name(path), err))
				continue
			}
			objs = append(objs, arr...)
			continue
		}
		objs = append(objs, v)
	}
	for i, o := range objs {
		name := path
		if len(objs) > 1 {
			name = fmt.Sprintf("%s#%d", path, i+1)
		}
		var head struct {
			Schema string `json:"schema"`
			Source struct {
				Path string `json:"path"`
			} `json:"source"`
			Error string `json:"error"`
			File  string `json:"file"`
		}
		if err := json.Unmarshal(o, &head); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", docerr.Name(name), err))
			continue
		}
		if head.Schema != model.Schema {
			msg := "not a report of schema " + model.Schema
			if head.Error != "" {
				msg = head.Error
			}
			errs = append(errs, fmt.Errorf("%s: %s", docerr.Name(name), msg))
			continue
		}
		var r model.Report
		if err := json.Unmarshal(o, &r); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", docerr.Name(name), err))
			continue
		}
		if head.Source.Path != "" {
			name = head.Source.Path
		}
		ins = append(ins, Input{Name: name, Report: &r})
	}
	return ins, errs, true
}
