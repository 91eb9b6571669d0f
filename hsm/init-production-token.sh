#!/usr/bin/env bash
# Key ceremony: initialise a production token with split PINs (dual control from the first minute).
#
#   hsm/init-production-token.sh --module LIB --label LABEL [--slot-index N]
#
# Two custodians each type one half of the SO PIN and one half of the user PIN, unseen by the other; the token
# gets the concatenations. Neither custodian alone knows either PIN. Record on the ceremony record (deploy/
# KEY-CEREMONIES.md) who held which half and where each half is sealed (tamper-evident envelope, safe).
# Run it on the offline ceremony workstation: pkcs11-tool takes PINs as arguments, which other local users could
# see in the process list. For SoftHSM2, set SOFTHSM2_CONF first; --slot-index picks the free slot (default 0).
set -euo pipefail
module="" label="" slot_index=0
while (($#)); do
  case $1 in
    --module) module=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --slot-index) slot_index=$2; shift 2 ;;
    *) echo "usage: $0 --module LIB --label LABEL [--slot-index N]" >&2; exit 2 ;;
  esac
done
[[ -n $module && -n $label ]] || { echo "usage: $0 --module LIB --label LABEL [--slot-index N]" >&2; exit 2; }
[[ -t 0 ]] || { echo "init-production-token: run interactively; PIN halves are typed, never piped" >&2; exit 2; }

half() { # prompt -> one PIN half of at least 8 characters, typed twice
  local a b
  while true; do
    read -r -s -p "$1: " a; echo >&2
    read -r -s -p "again: " b; echo >&2
    [[ $a == "$b" && ${#a} -ge 8 ]] && { printf '%s' "$a"; return; }
    echo "the two entries differ or are shorter than 8 characters; again" >&2
  done
}
echo "Custodian A: type your halves; custodian B looks away." >&2
so_a=$(half "custodian A, SO PIN half"); user_a=$(half "custodian A, user PIN half")
echo "Custodian B: type your halves; custodian A looks away." >&2
so_b=$(half "custodian B, SO PIN half"); user_b=$(half "custodian B, user PIN half")

p11=(pkcs11-tool --module "$module" --slot-index "$slot_index")
"${p11[@]}" --init-token --label "$label" --so-pin "$so_a$so_b" >/dev/null
"${p11[@]}" --token-label "$label" --login --login-type so --so-pin "$so_a$so_b" --init-pin --new-pin "$user_a$user_b" \
  >/dev/null
unset so_a so_b user_a user_b
echo "init-production-token: token '$label' initialised; SO and user PINs are split between two custodians." >&2
echo "Next: hsm/generate-key.sh for audit-mac-v1 (HMAC) and health (AES), then hsm/list-keys.sh for the record." >&2
