#!/usr/bin/env bash
# output-fingerprint.sh DIR
#
# Prints one SHA-256 over every file under DIR: its path and its bytes, in
# a fixed order. kimsite's output is deterministic (the same content and
# clock give the same bytes), so two builds that would publish the same
# site print the same fingerprint, and any change to any file, or a file
# added, removed or renamed, prints another.
set -euo pipefail
dir=$1
[ -d "$dir" ] || { echo "output-fingerprint.sh: folder $dir tidak ada" >&2; exit 1; }
cd "$dir"
# sha256sum prints "<hash>  <path>" per file: the list covers names and
# contents. -print0 and sort -z keep names with spaces or newlines apart.
find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1
