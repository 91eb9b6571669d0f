#!/usr/bin/env bash
# Key ceremony: restore a SoftHSM2 token directory from hsm/backup-token.sh's archive into an empty token home.
#
#   hsm/restore-token.sh --archive FILE.tar.gz --dir NEW_TOKEN_HOME [--sha256 HEX]
#
# Writes NEW_TOKEN_HOME/softhsm2.conf and NEW_TOKEN_HOME/tokens; refuses a non-empty target, and an archive whose
# SHA-256 differs from the one on the ceremony record. Afterwards compare hsm/list-keys.sh's KCVs (with
# SOFTHSM2_CONF=NEW_TOKEN_HOME/softhsm2.conf) with the record: equal KCVs mean the same keys.
set -euo pipefail
archive="" dir="" sha=""
while (($#)); do
  case $1 in
    --archive) archive=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --sha256) sha=$2; shift 2 ;;
    *) echo "usage: $0 --archive FILE.tar.gz --dir NEW_TOKEN_HOME [--sha256 HEX]" >&2; exit 2 ;;
  esac
done
[[ -f $archive && -n $dir ]] || { echo "usage: $0 --archive FILE.tar.gz --dir NEW_TOKEN_HOME [--sha256 HEX]" >&2; exit 2; }
if [[ -n $sha && $(sha256sum "$archive" | cut -d' ' -f1) != "$sha" ]]; then
  echo "restore-token: the archive's SHA-256 is not the recorded one; stop and investigate" >&2; exit 1
fi
if [[ -e $dir/tokens ]] && [[ -n $(ls -A "$dir/tokens") ]]; then
  echo "restore-token: $dir/tokens is not empty; restore into a new token home" >&2; exit 1
fi
umask 077
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
tar -C "$dir" -xzf "$archive"
cat >"$dir/softhsm2.conf" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
echo "restore-token: restored into $dir; export SOFTHSM2_CONF=$dir/softhsm2.conf and run hsm/list-keys.sh" >&2
