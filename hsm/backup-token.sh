#!/usr/bin/env bash
# Key ceremony: back up a SoftHSM2 token directory (offline copy for disaster recovery).
#
#   hsm/backup-token.sh --dir TOKEN_HOME --out FILE.tar.gz
#
# SoftHSM2 stores each object encrypted under a key derived from the token's PINs, so the archive is as safe as
# the PINs: keep it where the PIN halves are not (different safe, different custodians). The archive's SHA-256 is
# printed for the ceremony record. Stop Confidant (or accept a copy that may miss keys generated during the copy)
# and back up again after every GENERATE ceremony: a key created after the backup is not in it, and shredding
# does NOT reach a backup taken before it — destroy older backups as part of a SHRED ceremony, or they keep the
# shredded tenant's keys. A real HSM uses the vendor's backup or cluster cloning instead (deploy/KEY-CEREMONIES.md).
set -euo pipefail
dir="" out=""
while (($#)); do
  case $1 in
    --dir) dir=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 --dir TOKEN_HOME --out FILE.tar.gz" >&2; exit 2 ;;
  esac
done
[[ -d $dir/tokens && -n $out ]] || { echo "usage: $0 --dir TOKEN_HOME --out FILE.tar.gz (TOKEN_HOME/tokens must exist)" >&2; exit 2; }
umask 077
tar -C "$dir" -czf "$out" tokens
echo "backup-token: $(sha256sum "$out" | cut -d' ' -f1)  $out" >&2
