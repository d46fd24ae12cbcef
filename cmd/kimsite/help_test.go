package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// helpFlag finds the flags a help lists, one a line: "  --name ...".
var helpFlag = regexp.MustCompile(`(?m)^  (--[a-z-]+)`)

// english is what Go's flag package would print if its messages reached
// the user.
var english = []string{"flag provided", "help requested", "Usage of", "flag needs", "\n  -root"}

// TestHelp runs the built command: the top-level help and each command's
// help, asked for in every way, in Bahasa Indonesia with every flag; and
// an unknown flag, refused with the command's help.
func TestHelp(t *testing.T) {
	bin := kimsiteBinary(t)
	dir := t.TempDir()
	want := map[string][]string{ // the flags each command must document
		"build":      {"--root", "--out", "--site", "--drafts", "--shard", "--portal-only", "--changed-since", "--no-cache", "--cpuprofile"},
		"check":      {"--root", "--site", "--format"},
		"serve":      {"--root", "--addr", "--site"},
		"new":        {"--root", "--kecamatan"},
		"codeowners": {"--root"},
	}
	top := runBinary(t, bin, dir, "help")
	for _, args := range [][]string{{"--help"}, {"-h"}} {
		if r := runBinary(t, bin, dir, args...); r.code != 0 || r.stdout != top.stdout {
			t.Errorf("kimsite %s: exit %d, output differs from kimsite help:\n%s%s", args[0], r.code, r.stdout, r.stderr)
		}
	}
	if top.code != 0 || !strings.Contains(top.stdout, "Pemakaian:") || !strings.Contains(top.stdout, "kimsite check   [--root FOLDER] [--site ID]... [--format text|github]") {
		t.Fatalf("kimsite help: exit %d\n%s%s", top.code, top.stdout, top.stderr)
	}
	for cmd, flags := range want {
		if !strings.Contains(top.stdout, "kimsite "+cmd) {
			t.Errorf("kimsite help does not list %s", cmd)
		}
		var first string
		for _, args := range [][]string{{cmd, "--help"}, {cmd, "-h"}, {"help", cmd}} {
			r := runBinary(t, bin, dir, args...)
			if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "Opsi:") {
				t.Errorf("kimsite %s: exit %d, want 0 and the options\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
			}
			if first == "" {
				first = r.stdout
			} else if r.stdout != first {
				t.Errorf("kimsite %s prints another help than kimsite %s --help", strings.Join(args, " "), cmd)
			}
		}
		var listed []string
		for _, m := range helpFlag.FindAllStringSubmatch(first, -1) {
			listed = append(listed, m[1])
		}
		for _, f := range flags {
			if !slices.Contains(listed, f) {
				t.Errorf("kimsite %s --help does not list %s:\n%s", cmd, f, first)
			}
		}
		for _, f := range listed {
			if f != "--help" && !strings.Contains(top.stdout, f) {
				t.Errorf("kimsite help does not mention %s, a flag of %s", f, cmd)
			}
		}
		r := runBinary(t, bin, dir, cmd, "--zzz")
		if r.code != 2 || !strings.Contains(r.stderr, "kimsite "+cmd+": opsi --zzz tidak dikenal") || !strings.Contains(r.stderr, "Opsi:") {
			t.Errorf("kimsite %s --zzz: exit %d, want 2, the message and the help\n%s%s", cmd, r.code, r.stdout, r.stderr)
		}
		for _, out := range []string{first, r.stderr, top.stdout} {
			for _, e := range english {
				if strings.Contains(out, e) {
					t.Errorf("kimsite %s: English from the flag package (%q):\n%s", cmd, e, out)
				}
			}
		}
	}
	if r := runBinary(t, bin, dir, "help", "bangun"); r.code != 2 || !strings.Contains(r.stderr, `perintah "bangun" tidak dikenal`) {
		t.Errorf("kimsite help bangun: exit %d\n%s", r.code, r.stderr)
	}
}
