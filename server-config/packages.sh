# shellcheck shell=bash
# Sourced by ./confidant and hsm/*.sh: installs missing Debian packages, or says exactly what is missing.

# ensure_packages COMMAND:PACKAGE ... — for each COMMAND not on PATH (or file path that does not exist),
# installs PACKAGE with apt-get when running as root on Debian/Ubuntu; otherwise stops with a clear message.
ensure_packages() {
  local missing=() pair probe pkg
  for pair in "$@"; do
    probe=${pair%%:*}; pkg=${pair#*:}
    if [[ $probe == /* ]]; then [[ -e $probe ]] && continue; else command -v "$probe" >/dev/null 2>&1 && continue; fi
    missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "confidant: installing ${missing[*]} with apt-get" >&2
    if [[ -z ${CONFIDANT_APT_UPDATED:-} ]]; then
      apt-get update -qq >&2 || { echo "confidant: apt-get update failed" >&2; return 1; }
      export CONFIDANT_APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2 \
      || { echo "confidant: apt-get install ${missing[*]} failed" >&2; return 1; }
  else
    echo "confidant: missing packages: ${missing[*]}" >&2
    echo "  install them first, e.g.: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
}
