//go:build unix

package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Symbolic links inside a folder are never skipped without a word: a link
// to a file is read, a link to a folder and a dangling link are reported.
func TestCollectSymlinks(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.txt"), []byte("x"))
	put(t, filepath.Join(dir, "sub", "b.txt"), []byte("y"))
	for link, target := range map[string]string{"to-file.txt": "a.txt", "to-folder": "sub", "dangling.txt": "gone.txt", "loop": "."} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	got, err := Collect([]string{dir}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	for _, in := range got {
		rel, _ := filepath.Rel(dir, in.Path)
		reason, _, _ := strings.Cut(in.Refused, " (")
		reason, _, _ = strings.Cut(reason, ",")
		rows = append(rows, filepath.ToSlash(rel)+": "+reason)
	}
	want := []string{
		"a.txt: ",
		"dangling.txt: a symbolic link to gone.txt",
		"loop: a symbolic link to the folder .",
		"sub/b.txt: ",
		"to-file.txt: ",
		"to-folder: a symbolic link to the folder sub",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("collected\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
}

// A folder that cannot be read is a row of the errors table; the other
// files are converted.
func TestCollectUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder")
	}
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.txt"), []byte("x"))
	put(t, filepath.Join(dir, "locked", "b.txt"), []byte("y"))
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	got, err := Collect([]string{dir}, nil)
	if err != nil {
		t.Fatalf("one unreadable folder ended the walk: %v", err)
	}
	if len(got) != 2 || got[0].Refused != "" || !strings.Contains(got[1].Refused, "a folder that cannot be read") {
		t.Errorf("collected %+v", got)
	}
}
