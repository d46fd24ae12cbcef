package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/kotamalang/kimsite/generator/serve"
)

// defaultServeAddr keeps the preview on this machine unless --addr says
// otherwise.
const defaultServeAddr = "127.0.0.1:1313"

// runServe previews the sites with live reload until interrupted.
func runServe(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	root := flags.String("root", ".", "folder repositori")
	addr := flags.String("addr", defaultServeAddr, "alamat dan port pratinjau")
	var sites siteList
	flags.Var(&sites, "site", "hanya kelurahan ini; boleh diulang atau dipisah koma")
	if code, ok := parseFlags(flags, args, stdout, stderr); !ok {
		return code
	}
	if flags.NArg() > 0 {
		return usageError(stderr, "serve", fmt.Sprintf("argumen %q tidak dikenal", flags.Arg(0)))
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "kimsite serve: tidak dapat memakai alamat %s: %v\n    Mungkin kimsite serve lain masih berjalan; tutup dulu, atau pakai --addr 127.0.0.1:1314.\n", *addr, err)
		return exitContent
	}
	defer ln.Close()
	tcp := ln.Addr().(*net.TCPAddr)
	host := tcp.String()
	if tcp.IP.IsUnspecified() {
		host = fmt.Sprintf("127.0.0.1:%d", tcp.Port)
	}
	start := time.Now()
	srv, err := serve.New(serve.Options{Root: *root, Sites: sites, BaseURL: "http://" + host + "/", Loopback: tcp.IP.IsLoopback()})
	if err != nil {
		fmt.Fprintf(stderr, "kimsite serve: %v\n", err)
		return exitContent
	}
	printRebuild(stdout, stderr, srv, nil, time.Since(start))
	watcher, err := srv.Watch()
	if err != nil {
		fmt.Fprintf(stderr, "kimsite serve: perubahan berkas tidak dapat dipantau: %v\n", err)
		return exitContent
	}
	if !tcp.IP.IsLoopback() {
		fmt.Fprintf(stderr, "Perhatian: pratinjau terbuka untuk perangkat lain di jaringan ini (%s).\n", tcp)
	}
	fmt.Fprintf(stdout, "Pratinjau: http://%s/  (tekan Ctrl+C untuk berhenti)\n", host)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	httpSrv := &http.Server{Handler: srv, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = httpSrv.Shutdown(shutdown)
	}()
	go watcher.Run(ctx, func(changed []string, took time.Duration, err error) {
		if err != nil {
			fmt.Fprintf(stderr, "kimsite serve: %v\n", err)
			return
		}
		printRebuild(stdout, stderr, srv, changed, took)
	})
	if err := httpSrv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "kimsite serve: %v\n", err)
		return exitContent
	}
	return exitOK
}

// printRebuild reports one rebuild: its problems, or a one-line summary.
func printRebuild(stdout, stderr io.Writer, srv *serve.Server, changed []string, took time.Duration) {
	problems := srv.Problems()
	printProblems(stderr, problems)
	what := "semua situs"
	if changed != nil {
		what = strings.Join(changed, ", ")
	}
	if n := problems.Errors(); n > 0 {
		fmt.Fprintf(stderr, "%d kesalahan setelah perubahan %s; pratinjau menampilkannya sampai diperbaiki.\n", n, what)
		return
	}
	fmt.Fprintf(stdout, "Dibangun ulang (%s) dalam %s.\n", what, round(took))
}
