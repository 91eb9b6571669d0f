#!/usr/bin/env bash
# Key ceremony: verify a SoftHSM2 token backup by reading it back. Restores ARCHIVE (hsm/backup-token.sh's tar)
# into a fresh scratch token home with hsm/restore-token.sh, then prints "label kcv" for every key the restored
# token holds, computed inside that token by hsm/KeyCheckValues.java. The scratch token is removed afterwards.
#
#   hsm/verify-backup.sh ARCHIVE < PIN
#
# The user PIN comes on standard input (never on the command line, never printed). Confidant runs this as its
# backup verifier (confidant.backups.verifier; POST /api/v1/key-backups) and compares each KCV with the live key's.
# Environment: JAVA (default: java on the PATH, JDK 21+), CONFIDANT_PKCS11_MODULE (default: SoftHSM2's module).
# A real HSM needs its own verifier that restores into a scratch partition and prints the same lines (deploy/HSM.md).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
(($# == 1)) && [[ -f $1 ]] || { echo "usage: $0 ARCHIVE < PIN" >&2; exit 2; }
archive=$1
module=${CONFIDANT_PKCS11_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
java=${JAVA:-java}
IFS= read -r pin || [[ -n ${pin:-} ]] || { echo "verify-backup: no PIN on standard input" >&2; exit 2; }

umask 077
scratch=$(mktemp -d "${TMPDIR:-/tmp}/confidant-verify-backup.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
"$here/restore-token.sh" --archive "$archive" --dir "$scratch/home" 2>/dev/null \
  || { echo "verify-backup: the archive cannot be restored (not a token backup, or damaged)" >&2; exit 1; }
[[ -n $(ls -A "$scratch/home/tokens" 2>/dev/null) ]] \
  || { echo "verify-backup: the archive holds no token" >&2; exit 1; }
printf 'name = verify-backup\nlibrary = %s\nslotListIndex = 0\n' "$module" >"$scratch/home/sunpkcs11.cfg"
printf '%s\n' "$pin" | SOFTHSM2_CONF=$scratch/home/softhsm2.conf "$java" "$here/KeyCheckValues.java" \
  "$scratch/home/sunpkcs11.cfg" \
  || { echo "verify-backup: the restored token cannot be read with this PIN" >&2; exit 1; }
