package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/govreport/govreport/output"
	"github.com/spf13/pflag"
)

// Shell completion without cobra: pflag has no generator, and cobra would
// mean rewriting every command around its types. The scripts are static
// text made from the commands' own flag sets (each command registers its
// set when it builds it, see newFlags), so they cannot drift from the flags.

const completionUsage = `Usage: govreport completion bash|zsh|fish|powershell

Prints a script that completes govreport's commands, flags and the values
of --format, --shape, --names and --sort. Load it with:

  bash:       source <(govreport completion bash)
              (or save it in ~/.local/share/bash-completion/completions/govreport)
  zsh:        govreport completion zsh > "${fpath[1]}/_govreport"   (then compinit)
  fish:       govreport completion fish > ~/.config/fish/completions/govreport.fish
  powershell: govreport completion powershell | Out-String | Invoke-Expression
`

var completionShells = []string{"bash", "zsh", "fish", "powershell"}

// flagSets holds the last flag set each command built.
var flagSets sync.Map // command name → *pflag.FlagSet

// flagValues are the values a flag takes, for the flags with a fixed set.
// The test checks that each is named in the flag's help.
func flagValues() map[string][]string {
	return map[string][]string{
		"convert --format":    output.Formats,
		"convert --shape":     {"wide", "long"},
		"convert --names":     {"long", "short"},
		"compare --format":    {"text", "markdown", "csv", "xlsx"},
		"compare --sort":      {"region", "year"},
		"dictionary --format": {"csv", "json", "md"},
		"audit --format":      {"jsonl", "text", "csv"},
	}
}

// fileFlag reports the flags whose value is a file.
func fileFlag(name string) bool { return name == "output" || name == "manifest" || name == "html" }

// compFlag is one flag as the scripts need it.
type compFlag struct {
	long, short, usage string
	takesValue, repeat bool
	file               bool // the value is a file name
	values             []string
}

type compCommand struct {
	name, summary string
	flags         []compFlag
}

// completionModel lists the commands (sorted) with their flags, from the
// flag sets the commands build when asked for their help.
func completionModel() []compCommand {
	summaries := map[string]string{}
	for _, l := range strings.Split(usage, "\n") {
		f := strings.Fields(l)
		if len(f) > 2 && f[0] == "govreport" {
			_, desc, _ := strings.Cut(strings.TrimSpace(l), "  ")
			summaries[f[1]] = strings.TrimSpace(desc)
		}
	}
	var names []string
	for name := range commands() {
		names = append(names, name)
	}
	names = append(names, "version", "help")
	sort.Strings(names)
	var out []compCommand
	values := flagValues()
	for _, name := range names {
		c := compCommand{name: name, summary: summaries[name]}
		if run, ok := commands()[name]; ok && name != "completion" {
			run([]string{"--help"}, strings.NewReader(""), io.Discard, io.Discard)
		}
		if v, ok := flagSets.Load(name); ok {
			v.(*pflag.FlagSet).VisitAll(func(f *pflag.Flag) {
				if f.Hidden {
					return
				}
				t := f.Value.Type()
				c.flags = append(c.flags, compFlag{long: f.Name, short: f.Shorthand, usage: f.Usage,
					takesValue: t != "bool" && f.NoOptDefVal == "", repeat: strings.HasSuffix(t, "Array") || strings.HasSuffix(t, "Slice"),
					values: values[name+" --"+f.Name], file: fileFlag(f.Name)})
			})
		}
		// pflag answers -h and --help without defining them; help,
		// version and completion complete their one word.
		if _, ok := commands()[name]; ok && name != "completion" {
			c.flags = append(c.flags, compFlag{long: "help", short: "h", usage: "show the command's help"})
		}
		out = append(out, c)
	}
	return out
}

func runCompletion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("completion", completionUsage, stdout)
	if code := parseFlags(fs, args, stderr); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		return usageError(stderr, "completion", "name one shell: "+strings.Join(completionShells, ", "))
	}
	m := completionModel()
	switch fs.Arg(0) {
	case "bash":
		fmt.Fprint(stdout, bashCompletion(m))
	case "zsh":
		fmt.Fprint(stdout, zshCompletion(m))
	case "fish":
		fmt.Fprint(stdout, fishCompletion(m))
	case "powershell", "pwsh":
		fmt.Fprint(stdout, powershellCompletion(m))
	default:
		return usageError(stderr, "completion", fmt.Sprintf("unknown shell %q (bash, zsh, fish or powershell)", fs.Arg(0)))
	}
	return 0
}

func commandNames(m []compCommand) string {
	var s []string
	for _, c := range m {
		s = append(s, c.name)
	}
	return strings.Join(s, " ")
}

// spellings is "--long -s".
func (f compFlag) spellings() []string {
	s := []string{"--" + f.long}
	if f.short != "" {
		s = append(s, "-"+f.short)
	}
	return s
}

func bashCompletion(m []compCommand) string {
	var b strings.Builder
	b.WriteString(`# bash completion for govreport (govreport completion bash)
_govreport() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    COMPREPLY=()
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "` + commandNames(m) + `" -- "$cur"))
        return
    fi
    local cmd=${COMP_WORDS[1]}
    case "$cmd" in
        help) [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "` + commandNames(m) + `" -- "$cur")); return ;;
        completion) [[ $COMP_CWORD -eq 2 ]] && COMPREPLY=($(compgen -W "` + strings.Join(completionShells, " ") + `" -- "$cur")); return ;;
    esac
    case "$cmd $prev" in
`)
	var plain []string // flags that take a value without a fixed set: files (the default)
	for _, c := range m {
		for _, f := range c.flags {
			if !f.takesValue {
				continue
			}
			var pats []string
			for _, s := range f.spellings() {
				pats = append(pats, `"`+c.name+" "+s+`"`)
			}
			if f.values != nil {
				fmt.Fprintf(&b, "        %s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", strings.Join(pats, "|"), strings.Join(f.values, " "))
			} else {
				plain = append(plain, pats...)
			}
		}
	}
	if len(plain) > 0 {
		fmt.Fprintf(&b, "        %s) return ;;\n", strings.Join(plain, "|"))
	}
	b.WriteString("    esac\n    [[ $cur == -* ]] || return\n    case \"$cmd\" in\n")
	for _, c := range m {
		var fl []string
		for _, f := range c.flags {
			fl = append(fl, f.spellings()...)
		}
		if len(fl) > 0 {
			fmt.Fprintf(&b, "        %s) COMPREPLY=($(compgen -W %q -- \"$cur\")) ;;\n", c.name, strings.Join(fl, " "))
		}
	}
	b.WriteString("    esac\n}\n# -o default: file names where no word is offered (inputs, -o, --manifest)\ncomplete -o default -F _govreport govreport\n")
	return b.String()
}

// zshQuote escapes a description for _arguments and single quotes.
func zshQuote(s string) string {
	return strings.NewReplacer(`'`, `'\''`, `[`, `\[`, `]`, `\]`, "\n", " ").Replace(s)
}

func zshCompletion(m []compCommand) string {
	var b strings.Builder
	b.WriteString("#compdef govreport\n# zsh completion for govreport (govreport completion zsh)\n_govreport() {\n    local -a cmds\n    cmds=(\n")
	for _, c := range m {
		fmt.Fprintf(&b, "        '%s:%s'\n", c.name, zshQuote(c.summary))
	}
	b.WriteString("    )\n    if (( CURRENT == 2 )); then\n        _describe 'command' cmds\n        return\n    fi\n")
	b.WriteString("    local cmd=$words[2]\n    shift words\n    (( CURRENT-- ))\n    case $cmd in\n")
	b.WriteString("        help) _describe 'command' cmds ;;\n")
	fmt.Fprintf(&b, "        completion) _values 'shell' %s ;;\n", strings.Join(completionShells, " "))
	for _, c := range m {
		if len(c.flags) == 0 {
			continue
		}
		fmt.Fprintf(&b, "        %s) _arguments -s \\\n", c.name)
		for _, f := range c.flags {
			sp := f.spellings()
			names := "'--" + f.long
			excl := ""
			if len(sp) > 1 {
				names = "{" + strings.Join(sp, ",") + "}'"
				excl = "'(" + strings.Join(sp, " ") + ")'"
			}
			if f.repeat {
				excl = "'*'"
			}
			arg := ""
			if f.takesValue {
				switch {
				case f.values != nil:
					arg = ":" + f.long + ":(" + strings.Join(f.values, " ") + ")"
				case f.file:
					arg = ":" + f.long + ":_files"
				default:
					arg = ":" + f.long + ": "
				}
			}
			fmt.Fprintf(&b, "            %s%s[%s]%s' \\\n", excl, names, zshQuote(f.usage), arg)
		}
		b.WriteString("            '*:file:_files' ;;\n")
	}
	b.WriteString("    esac\n}\nif [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n    _govreport \"$@\"\nelse\n    compdef _govreport govreport\nfi\n")
	return b.String()
}

func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", " ").Replace(s) + "'"
}

func fishCompletion(m []compCommand) string {
	var b strings.Builder
	b.WriteString("# fish completion for govreport (govreport completion fish)\n")
	for _, c := range m {
		fmt.Fprintf(&b, "complete -c govreport -n __fish_use_subcommand -f -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	fmt.Fprintf(&b, "complete -c govreport -n '__fish_seen_subcommand_from help' -f -a %s\n", fishQuote(commandNames(m)))
	fmt.Fprintf(&b, "complete -c govreport -n '__fish_seen_subcommand_from completion' -f -a %s\n", fishQuote(strings.Join(completionShells, " ")))
	for _, c := range m {
		for _, f := range c.flags {
			fmt.Fprintf(&b, "complete -c govreport -n '__fish_seen_subcommand_from %s' -l %s", c.name, f.long)
			if f.short != "" {
				fmt.Fprintf(&b, " -s %s", f.short)
			}
			switch {
			case f.values != nil:
				fmt.Fprintf(&b, " -x -a %s", fishQuote(strings.Join(f.values, " ")))
			case f.file:
				b.WriteString(" -r -F")
			case f.takesValue:
				b.WriteString(" -x")
			}
			fmt.Fprintf(&b, " -d %s\n", fishQuote(f.usage))
		}
	}
	return b.String()
}

func psQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func psList(s []string) string {
	var q []string
	for _, x := range s {
		q = append(q, psQuote(x))
	}
	return "@(" + strings.Join(q, ", ") + ")"
}

func powershellCompletion(m []compCommand) string {
	var b strings.Builder
	var names []string
	for _, c := range m {
		names = append(names, c.name)
	}
	b.WriteString("# PowerShell completion for govreport (govreport completion powershell)\n")
	b.WriteString("Register-ArgumentCompleter -Native -CommandName govreport, govreport.exe -ScriptBlock {\n")
	b.WriteString("    param($wordToComplete, $commandAst, $cursorPosition)\n")
	fmt.Fprintf(&b, "    $commands = %s\n    $flags = @{\n", psList(names))
	for _, c := range m {
		var fl []string
		for _, f := range c.flags {
			fl = append(fl, f.spellings()...)
		}
		if len(fl) > 0 {
			fmt.Fprintf(&b, "        %s = %s\n", psQuote(c.name), psList(fl))
		}
	}
	b.WriteString("    }\n    $values = @{\n")
	for _, c := range m {
		for _, f := range c.flags {
			if f.values == nil {
				continue
			}
			for _, s := range f.spellings() {
				fmt.Fprintf(&b, "        %s = %s\n", psQuote(c.name+" "+s), psList(f.values))
			}
		}
	}
	fmt.Fprintf(&b, "    }\n    $values['completion'] = %s\n", psList(completionShells))
	b.WriteString(`    $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
    $n = $words.Count
    if ($wordToComplete -ne '') { $n-- }
    if ($n -le 1) { $candidates = $commands }
    else {
        $cmd = $words[1]
        $prev = $words[$n - 1]
        if ($values.ContainsKey("$cmd $prev")) { $candidates = $values["$cmd $prev"] }
        elseif ($cmd -eq 'help' -and $n -eq 2) { $candidates = $commands }
        elseif ($cmd -eq 'completion' -and $n -eq 2) { $candidates = $values['completion'] }
        elseif ($wordToComplete.StartsWith('-') -and $flags.ContainsKey($cmd)) { $candidates = $flags[$cmd] }
        else { return }
    }
    $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`)
	return b.String()
}
