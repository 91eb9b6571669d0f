#!/usr/bin/env bash
# Key ceremony: list the token's secret keys with their PKCS#11 attributes and key check values, for the record.
#
#   hsm/list-keys.sh --module LIB --label TOKEN_LABEL [--pin-file FILE] [--only KEY_LABEL]
#
# Attributes (CKA_SENSITIVE, CKA_ALWAYS_SENSITIVE, CKA_EXTRACTABLE, CKA_NEVER_EXTRACTABLE, CKA_LOCAL) come from
# pkcs11-tool (C_GetAttributeValue). KCVs are computed inside the token by hsm/KeyCheckValues.java through
# SunPKCS11: the first 3 bytes of AES-ECB of a zero block (AES keys) or of HMAC-SHA256 of a zero block (generic
# secrets) — the same values GET /api/v1/keys shows, so paper and API can be compared.
# The PIN comes from --pin-file, the environment variable PIN, or a prompt.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
module="" token="" pin_file="" only=""
while (($#)); do
  case $1 in
    --module) module=$2; shift 2 ;;
    --label) token=$2; shift 2 ;;
    --pin-file) pin_file=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "usage: $0 --module LIB --label TOKEN_LABEL [--pin-file FILE] [--only KEY_LABEL]" >&2; exit 2 ;;
  esac
done
[[ -n $module && -n $token ]] || { echo "usage: $0 --module LIB --label TOKEN_LABEL [--pin-file FILE]" >&2; exit 2; }
if [[ -n $pin_file ]]; then pin=$(cat "$pin_file"); elif [[ -n ${PIN:-} ]]; then pin=$PIN; else
  read -r -s -p "user PIN: " pin; echo >&2; fi
java=${JAVA:-java}

listing=$(pkcs11-tool --module "$module" --token-label "$token" --login --pin "$pin" --list-objects --type secrkey \
  2>/dev/null)
slot_index=$(pkcs11-tool --module "$module" --list-token-slots 2>/dev/null | awk -v t="$token" '
  /^Slot [0-9]+/ { idx = $2 } /token label/ { sub(/.*: /, ""); if ($0 == t) { print idx; exit } }')
cfg=$(mktemp); trap 'rm -f "$cfg"' EXIT
printf 'name = ceremony\nlibrary = %s\nslotListIndex = %s\n' "$module" "${slot_index:-0}" >"$cfg"
kcvs=$(printf '%s' "$pin" | "$java" "$here/KeyCheckValues.java" "$cfg")

printf '%-56s %-16s %-8s %s\n' LABEL TYPE KCV ATTRIBUTES
awk '/^Secret Key Object/ { sub(/^Secret Key Object; /, ""); type = $1 }
     /label:/ { sub(/.*label:[[:space:]]*/, ""); label = $0 }
     /Access:/ { sub(/.*Access:[[:space:]]*/, ""); print label "\t" type "\t" $0 }' <<<"$listing" |
while IFS=$'\t' read -r label type access; do
  [[ -z $only || $label == "$only" ]] || continue
  kcv=$(awk -v l="$label" '$1 == l { print $2 }' <<<"$kcvs")
  printf '%-56s %-16s %-8s %s\n' "$label" "$type" "${kcv:-?}" "$access"
done
