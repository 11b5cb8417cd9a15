package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Packages names the Debian packages that provide the engine.
const Packages = "tesseract-ocr tesseract-ocr-chi-sim"

// ErrNoEngine is returned when Tesseract cannot be found.
var ErrNoEngine = errors.New("Tesseract is not installed")

// Engine runs Tesseract as a process.
type Engine struct {
	Path string
	// Langs are the installed languages.
	Langs map[string]bool
}

// Find locates Tesseract: path when given, else "tesseract" on PATH. The
// engine must have chi_sim for labels and prose.
func Find(path string) (*Engine, error) {
	found.Lock()
	defer found.Unlock()
	if e, ok := found.m[path]; ok {
		return e, nil
	}
	e, err := find(path)
	if err == nil {
		if found.m == nil {
			found.m = map[string]*Engine{}
		}
		found.m[path] = e
	}
	return e, err
}

// found remembers the engines found, by the path asked for: a batch asks
// for every scan.
var found struct {
	sync.Mutex
	m map[string]*Engine
}

func find(path string) (*Engine, error) {
	if path == "" {
		p, err := exec.LookPath("tesseract")
		if err != nil {
			return nil, ErrNoEngine
		}
		path = p
	}
	out, err := exec.Command(path, "--list-langs").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%w: %s does not run (%v)", ErrNoEngine, path, err)
	}
	e := &Engine{Path: path, Langs: map[string]bool{}}
	for _, l := range strings.Split(string(out), "\n") {
		l = strings.TrimSpace(l)
		if l != "" && !strings.Contains(l, " ") {
			e.Langs[l] = true
		}
	}
	if !e.Langs["chi_sim"] {
		return nil, fmt.Errorf("%w: %s has no chi_sim language data (Debian: apt-get install tesseract-ocr-chi-sim)", ErrNoEngine, path)
	}
	return e, nil
}

// word is one word of Tesseract's TSV output.
type word struct {
	image            int // index of the image in the batch
	block, par, line int
	box              image.Rectangle
	conf             float64
	text             string
}

// job is one Tesseract configuration applied to a batch of images.
type job struct {
	lang      string
	psm       int
	whitelist string
}

// run OCRs the images with one process (a list file as input) and returns
// each image's words. Tesseract's own threads are limited to one: the
// batch runs beside others on few cores.
func (e *Engine) run(ctx context.Context, j job, imgs []*image.Gray) ([][]word, error) {
	out := make([][]word, len(imgs))
	if len(imgs) == 0 {
		return out, nil
	}
	dir, err := os.MkdirTemp("", "govreport-ocr-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var list bytes.Buffer
	for i, im := range imgs {
		p := filepath.Join(dir, fmt.Sprintf("%04d.png", i))
		f, err := os.Create(p)
		if err != nil {
			return nil, err
		}
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(f, im)
		f.Close()
		if err != nil {
			return nil, err
		}
		list.WriteString(p + "\n")
	}
	lp := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(lp, list.Bytes(), 0o600); err != nil {
		return nil, err
	}
	args := []string{lp, "stdout", "-l", j.lang, "--psm", strconv.Itoa(j.psm), "--dpi", "300"}
	if j.whitelist != "" {
		args = append(args, "-c", "tessedit_char_whitelist="+j.whitelist)
	}
	if j.lang == "chi_sim" {
		args = append(args, "-c", "preserve_interword_spaces=1")
	}
	args = append(args, "tsv")
	cmd := exec.CommandContext(ctx, e.Path, args...)
	cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	data, err := cmd.Output()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("tesseract: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		n := make([]int, 10)
		for k := range n {
			n[k], _ = strconv.Atoi(f[k])
		}
		conf, _ := strconv.ParseFloat(f[10], 64)
		page := n[1] - 1
		txt := strings.TrimSpace(f[11])
		if page < 0 || page >= len(out) || txt == "" {
			continue
		}
		out[page] = append(out[page], word{image: page, block: n[2], par: n[3], line: n[4],
			box: image.Rect(n[6], n[7], n[6]+n[8], n[7]+n[9]), conf: conf, text: txt})
	}
	return out, nil
}
