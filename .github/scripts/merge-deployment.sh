#!/usr/bin/env bash
# merge-deployment.sh DEPLOYED NEW ROOT
#
# Merges the output of "kimsite build --changed-since REV" (NEW) into the
# deployment built at REV (DEPLOYED, changed in place), for the repository
# at ROOT. NEW holds the whole portal and each rebuilt kelurahan's folder
# whole, so every top-level entry it has replaces the old one; of the rest,
# only the folders of kelurahan that still have content/<id>/ are kept. A
# page deleted from a rebuilt kelurahan, or a kelurahan removed altogether,
# thus disappears from the deployment too.
set -euo pipefail
deployed=$1 new=$2 root=$3
shopt -s nullglob dotglob
for entry in "$deployed"/*; do
  name=${entry##*/}
  if [ ! -d "$root/content/$name" ] || [ -e "$new/$name" ]; then
    rm -rf "$entry"
  fi
done
cp -a "$new/." "$deployed/"
