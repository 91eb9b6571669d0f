#!/usr/bin/env bash
# Creates (idempotently) a project-local SoftHSM2 token labelled "confidant" with its initial keys,
# generated inside the token as sensitive, never-extractable objects, and writes the SunPKCS11 config.
#
#   hsm/setup-token.sh --dir DIR --pin-file FILE [--quiet]
#
# DIR       token home: DIR/softhsm2.conf, DIR/tokens/, DIR/sunpkcs11.cfg, DIR/so-pin (never the system-wide conf)
# FILE      the token's user PIN; created with a random PIN (mode 0600) when the token is created. It is the
#           file Payara Micro reads as the MicroProfile Config secret "confidant.hsm.pin" (--secretsdir).
# The PINs of these development/test tokens are random and throw-away; production tokens are initialised by
# the HSM's custodians (see deploy/HSM.md).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../server-config/packages.sh
source "$here/../server-config/packages.sh"

dir="" pin_file="" quiet=0
while (($#)); do
  case $1 in
    --dir) dir=$2; shift 2 ;;
    --pin-file) pin_file=$2; shift 2 ;;
    --quiet) quiet=1; shift ;;
    *) echo "usage: $0 --dir DIR --pin-file FILE [--quiet]" >&2; exit 2 ;;
  esac
done
[[ -n $dir && -n $pin_file ]] || { echo "usage: $0 --dir DIR --pin-file FILE [--quiet]" >&2; exit 2; }

module=${CONFIDANT_PKCS11_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
ensure_packages softhsm2-util:softhsm2 pkcs11-tool:opensc "$module:softhsm2"

umask 077
mkdir -p "$dir/tokens" "$(dirname "$pin_file")"
dir=$(cd "$dir" && pwd)
pin_file=$(cd "$(dirname "$pin_file")" && pwd)/$(basename "$pin_file")
export SOFTHSM2_CONF=$dir/softhsm2.conf
if [[ ! -f $SOFTHSM2_CONF ]]; then
  cat >"$SOFTHSM2_CONF" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = false
CONF
fi

random_pin() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
label=confidant
# (Outputs are captured before grep: with pipefail, grep -q closing the pipe early would read as "absent".)
slots=$(softhsm2-util --show-slots 2>/dev/null || true)
if ! grep -q "Label:[[:space:]]*$label[[:space:]]*$" <<<"$slots"; then
  random_pin >"$dir/so-pin"
  [[ -s $pin_file ]] || random_pin >"$pin_file"
  softhsm2-util --init-token --free --label "$label" --so-pin "$(cat "$dir/so-pin")" --pin "$(cat "$pin_file")" >/dev/null
  echo "hsm: initialised token '$label' in $dir/tokens" >&2
fi
[[ -s $pin_file ]] || { echo "hsm: token exists but its PIN file $pin_file is missing" >&2; exit 1; }

p11() { pkcs11-tool --module "$module" --token-label "$label" --login --pin "$(cat "$pin_file")" "$@"; }
has_key() {
  local listing
  listing=$(p11 --list-objects --type secrkey 2>/dev/null) || { echo "hsm: cannot list keys (wrong PIN?)" >&2; exit 1; }
  grep -q "label:[[:space:]]*$1\$" <<<"$listing"
}
make_key() { # label key-type
  has_key "$1" && return 0
  p11 --keygen --key-type "$2" --label "$1" --sensitive >/dev/null 2>&1 \
    || { echo "hsm: could not generate key $1" >&2; exit 1; }
  echo "hsm: generated key $1 ($2) inside the token" >&2
}
make_key audit-mac-v1 GENERIC:32   # HMAC-SHA256 needs CKK_GENERIC_SECRET, not CKK_AES
make_key health AES:32             # readiness probe: AES-256-GCM round trip

# Our token directory holds exactly one token, so it is slot list index 0 for SunPKCS11.
sed -e "s|@LIBRARY@|$module|" -e "s|@SLOT_SELECTOR@|slotListIndex = 0|" \
  "$here/sunpkcs11.cfg.template" >"$dir/sunpkcs11.cfg"

if ((quiet == 0)); then
  echo "hsm: keys in token '$label' (attributes as reported by PKCS#11):" >&2
  p11 --list-objects --type secrkey 2>/dev/null | sed 's/^/  /' >&2
fi
