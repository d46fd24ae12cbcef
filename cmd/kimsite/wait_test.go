//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// syncBuffer is a bytes.Buffer that a running command writes while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestBuildWaitsForTheOther holds the output folder's lock as another
// build would, and checks that build says in Bahasa Indonesia that it
// waits, writes nothing meanwhile, and builds once the lock is free.
func TestBuildWaitsForTheOther(t *testing.T) {
	bin := kimsiteBinary(t)
	root := smallTree(t, "A")
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	lock, err := os.OpenFile(filepath.Join(parent, ".public.kimsite-lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	if _, err := lock.WriteString(strconv.Itoa(os.Getpid()) + "\n"); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "build", "--out", out)
	cmd.Dir = root
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	want := "build lain (proses " + strconv.Itoa(os.Getpid()) + ") sedang menulis"
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(stderr.String(), "menunggu build lain selesai…"); {
		select {
		case err := <-done:
			t.Fatalf("the build did not wait: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("no message that the build waits:\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(stderr.String(), want) {
		t.Errorf("the message does not name the other build (%q):\n%s", want, stderr.String())
	}
	time.Sleep(300 * time.Millisecond)
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("a waiting build wrote beside the output: %v", entries)
	}
	if err := unix.Flock(int(lock.Fd()), unix.LOCK_UN); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("build after the lock was freed: %v\n%s", err, stderr.String())
	}
	for _, id := range smallSites {
		if _, err := os.Stat(filepath.Join(out, id, "index.html")); err != nil {
			t.Errorf("kelurahan %s not built", id)
		}
	}
}
