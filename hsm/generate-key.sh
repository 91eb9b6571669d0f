#!/usr/bin/env bash
# Key ceremony: generate one key inside the token, sensitive and never extractable, and print its record line.
#
#   hsm/generate-key.sh --module LIB --label TOKEN_LABEL --key LABEL --type AES|HMAC [--pin-file FILE]
#
# AES keys (data keys dek-<tenant>-vN, the health key) are AES-256; HMAC keys (audit-mac-vN, bidx-<tenant>-vN) are
# 32-byte generic secrets, because SunPKCS11's HmacSHA256 needs CKK_GENERIC_SECRET. Without --pin-file the user
# PIN is asked for (both custodians type their halves, see init-production-token.sh). Data keys of tenants are
# normally generated through the API's GENERATE ceremony instead; this is for the token's own keys and for
# offline ceremonies. The attributes printed are read back from the token, not assumed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module="" token="" key="" type="" pin_file=""
while (($#)); do
  case $1 in
    --module) module=$2; shift 2 ;;
    --label) token=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    --type) type=$2; shift 2 ;;
    --pin-file) pin_file=$2; shift 2 ;;
    *) echo "usage: $0 --module LIB --label TOKEN_LABEL --key LABEL --type AES|HMAC [--pin-file FILE]" >&2; exit 2 ;;
  esac
done
[[ -n $module && -n $token && -n $key && ($type == AES || $type == HMAC) ]] \
  || { echo "usage: $0 --module LIB --label TOKEN_LABEL --key LABEL --type AES|HMAC [--pin-file FILE]" >&2; exit 2; }
if [[ -n $pin_file ]]; then pin=$(cat "$pin_file"); else read -r -s -p "user PIN: " pin; echo >&2; fi
p11() { pkcs11-tool --module "$module" --token-label "$token" --login --pin "$pin" "$@"; }

if p11 --list-objects --type secrkey 2>/dev/null | grep -q "label:[[:space:]]*$key\$"; then
  echo "generate-key: the token holds a key labelled $key already; a label names one key, ever" >&2; exit 1
fi
key_type=AES:32; [[ $type == HMAC ]] && key_type=GENERIC:32
p11 --keygen --key-type "$key_type" --label "$key" --sensitive >/dev/null 2>&1
access=$(p11 --list-objects --type secrkey 2>/dev/null | grep -A3 "label:[[:space:]]*$key\$" | sed -n 's/.*Access:[[:space:]]*//p')
case $access in
  *"never extractable"*) ;;
  *) echo "generate-key: $key is not never-extractable ($access); destroy it and stop the ceremony" >&2; exit 1 ;;
esac
echo "generated $key ($type) access: $access"
PIN="$pin" "$here/list-keys.sh" --module "$module" --label "$token" --only "$key"
