package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/kotamalang/kimsite/generator/changes"
	"github.com/kotamalang/kimsite/generator/pipeline"
	"github.com/kotamalang/kimsite/generator/shard"
)

// partialFlags are build's options for building part of the city, in a CI
// matrix or after a small change. Their outputs are disjoint folders that
// add up to the full build: a shard writes only its sites' folders, the
// portal job only the portal's files.
type partialFlags struct {
	shard      string
	portalOnly bool
	since      string
}

func (p *partialFlags) register(flags *flag.FlagSet) {
	flags.StringVar(&p.shard, "shard", "", "hanya bagian K dari N kelurahan, tanpa portal, mis. 1/4")
	flags.BoolVar(&p.portalOnly, "portal-only", false, "hanya portal kota, dari isi semua kelurahan")
	flags.StringVar(&p.since, "changed-since", "", "hanya kelurahan yang berubah sejak revisi git ini, ditambah portal")
}

// apply sets opts from the flags. A usage mistake comes back as a
// *pipeline.UsageError.
func (p *partialFlags) apply(opts *pipeline.Options, stdout io.Writer) error {
	var used []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"--site", len(opts.Sites) > 0}, {"--shard", p.shard != ""}, {"--portal-only", p.portalOnly}, {"--changed-since", p.since != ""}} {
		if f.set {
			used = append(used, f.name)
		}
	}
	if len(used) > 1 {
		return &pipeline.UsageError{Msg: fmt.Sprintf("opsi %s tidak bisa dipakai bersama; pilih salah satu", strings.Join(used, " dan "))}
	}
	switch {
	case p.shard != "":
		s, err := shard.Parse(p.shard)
		if err != nil {
			return &pipeline.UsageError{Msg: err.Error()}
		}
		opts.Shard = s
	case p.portalOnly:
		opts.PortalFromAll = true
	case p.since != "":
		files, err := changes.Since(opts.Root, p.since)
		if errors.Is(err, changes.ErrRevision) {
			return &pipeline.UsageError{Msg: fmt.Sprintf("--changed-since: revisi %q tidak ditemukan di repositori git %s; pakai hash commit atau cabang yang ada, mis. HEAD~1 (di GitHub Actions: checkout dengan fetch-depth: 0)", p.since, opts.Root)}
		}
		if err != nil {
			return fmt.Errorf("--changed-since: %w", err)
		}
		ids, all := changes.Sites(files)
		switch {
		case all:
			fmt.Fprintf(stdout, "Berubah sejak %s: tema, mesin atau sites.yaml; semua kelurahan dibangun.\n", p.since)
		case len(ids) == 0:
			fmt.Fprintf(stdout, "Berubah sejak %s: tidak ada isi kelurahan; hanya portal yang dibangun.\n", p.since)
		default:
			fmt.Fprintf(stdout, "Berubah sejak %s: %s; dibangun bersama portal.\n", p.since, strings.Join(ids, ", "))
		}
		if !all {
			opts.PortalFromAll, opts.Render = true, ids
		}
	}
	return nil
}
