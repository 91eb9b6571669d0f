#!/usr/bin/env bash
# Starts Confidant on Payara Micro exactly as `./confidant run` does; the black-box tests launch it the same way.
#
# Environment:
#   JAVA                    java of a JDK >= 21 (required)
#   CONFIDANT_STATE_DIR     where this instance keeps its token, secrets, TLS keystore, H2 database (required)
#   CONFIDANT_HTTPS_PORT    HTTPS port (default 8443); plain HTTP is disabled
#   CONFIDANT_DB_URL        PostgreSQL JDBC URL; unset = embedded H2 file database in the state directory
#   CONFIDANT_DB_USER / CONFIDANT_DB_PASSWORD   PostgreSQL application role (the password only from the environment)
#   CONFIDANT_DB_OWNER_USER / CONFIDANT_DB_OWNER_PASSWORD   schema owner that runs the Flyway migrations
#                           (default: the application role, i.e. a single-role set-up)
#   CONFIDANT_HSM_CONFIG    SunPKCS11 config of a real HSM; unset = a SoftHSM2 token in the state directory,
#                           created when missing. The PIN is the file <state>/secrets/confidant.hsm.pin or the
#                           environment variable CONFIDANT_HSM_PIN.
#   CONFIDANT_BACKUPS_DIR   the directory of token backup archives that POST /api/v1/key-backups may name
#                           (default <state>/backups)
#   CONFIDANT_BACKUPS_VERIFIER   the command that restores a backup into a scratch token and prints "label kcv"
#                           per key (PIN on its standard input); default with the SoftHSM2 token:
#                           hsm/verify-backup.sh; unset with a real HSM = backups cannot be recorded
#   CONFIDANT_TLS_KEYSTORE / CONFIDANT_TLS_KEYSTORE_PASSWORD_FILE   PKCS#12 keystore with alias "confidant";
#                           unset = a self-signed certificate for localhost, generated on first run
#   CONFIDANT_TLS_TRUSTSTORE / CONFIDANT_TLS_TRUSTSTORE_PASSWORD_FILE   PKCS#12 with the CA certificates whose
#                           client certificates the listener accepts (service accounts, mutual TLS); unset =
#                           Payara Micro's bundled public CAs (see deploy/TLS.md)
#   CONFIDANT_SYSLOG_HOST / CONFIDANT_SYSLOG_PORT   syslog/TLS receiver (RFC 5425) of the audit events; unset host =
#                           no forwarding; port default 6514 (read by the application: deploy/SIEM.md)
#   CONFIDANT_SYSLOG_TRUSTSTORE / CONFIDANT_SYSLOG_TRUSTSTORE_PASSWORD_FILE   PKCS#12 with the receiver's CA;
#   CONFIDANT_SYSLOG_KEYSTORE / CONFIDANT_SYSLOG_KEYSTORE_PASSWORD_FILE   optional client certificate
#   CONFIDANT_WAR / CONFIDANT_PAYARA_JAR   what to run (default: target/confidant.war, target/payara-micro.jar)
#   CONFIDANT_DB_POOL_SIZE  most PostgreSQL connections of the application pool (default 48: the 32 request
#                           workers of pre-boot.asadmin plus room for the audit records of refused requests)
#   CONFIDANT_JAVA_OPTS     extra JVM options (e.g. -Xmx1g)
#   CONFIDANT_METRICS_PORT / CONFIDANT_METRICS_HOST   where Prometheus scrapes /metrics (default 127.0.0.1:9464:
#                           loopback only, no authentication; give each instance on one host its own port)
#   CONFIDANT_LOG_FORMAT    text (default: Payara's human format) or json: every line on standard output, Payara's,
#                           the application's and this script's own, is one JSON object (deploy/CLUSTER.md, Logs)
#   CONFIDANT_PROFILE       development (default) or production. Production refuses to start (exit status 78) unless
#                           the HSM (CONFIDANT_HSM_CONFIG and its PIN), the TLS keystore (CONFIDANT_TLS_KEYSTORE and
#                           CONFIDANT_TLS_KEYSTORE_PASSWORD_FILE) and the database (CONFIDANT_DB_URL, CONFIDANT_DB_USER,
#                           CONFIDANT_DB_PASSWORD) are given explicitly; it names each one that is missing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
: "${JAVA:?JAVA must name a JDK 21+ java}"
: "${CONFIDANT_STATE_DIR:?CONFIDANT_STATE_DIR must be set}"
port=${CONFIDANT_HTTPS_PORT:-8443}
war=${CONFIDANT_WAR:-$root/target/confidant.war}
payara=${CONFIDANT_PAYARA_JAR:-$root/target/payara-micro.jar}
[[ -f $war && -f $payara ]] || { echo "start-payara: build first ($war, $payara missing)" >&2; exit 1; }

# JSON logs: Payara's own JSON formatter for everything its log system writes (logging-json.properties); every other
# line, from this script on, is made a JSON object of the same shape by json-console.awk (mawk reads a pipe in
# blocks unless told to be interactive).
case ${CONFIDANT_LOG_FORMAT:=text} in
  text) log_options=() ;;
  json)
    log_options=(--logproperties "$here/logging-json.properties")
    awk_options=()
    if awk -W version 2>&1 | grep -q mawk; then awk_options=(-W interactive); fi
    exec > >(awk "${awk_options[@]}" -f "$here/json-console.awk") 2>&1 ;;
  *) echo "start-payara: CONFIDANT_LOG_FORMAT must be text or json, not '$CONFIDANT_LOG_FORMAT'" >&2; exit 78 ;;
esac

# Production takes no development default: no software token created with its PIN beside it, no self-signed
# certificate, no embedded database. Every missing setting is named at once, before anything is created.
case ${CONFIDANT_PROFILE:=development} in
  development) ;;
  production)
    missing=()
    [[ -n ${CONFIDANT_HSM_CONFIG:-} ]] \
      || missing+=("CONFIDANT_HSM_CONFIG: the SunPKCS11 configuration of the HSM (no software token is created in production)")
    [[ -n ${CONFIDANT_HSM_PIN:-} || -s $CONFIDANT_STATE_DIR/secrets/confidant.hsm.pin ]] \
      || missing+=("CONFIDANT_HSM_PIN (or the file <state>/secrets/confidant.hsm.pin): the HSM user PIN")
    [[ -n ${CONFIDANT_TLS_KEYSTORE:-} ]] \
      || missing+=("CONFIDANT_TLS_KEYSTORE: the PKCS#12 keystore of the server certificate (no self-signed certificate in production)")
    [[ -n ${CONFIDANT_TLS_KEYSTORE_PASSWORD_FILE:-} ]] \
      || missing+=("CONFIDANT_TLS_KEYSTORE_PASSWORD_FILE: the file holding the keystore password")
    [[ -n ${CONFIDANT_DB_URL:-} ]] \
      || missing+=("CONFIDANT_DB_URL: the PostgreSQL JDBC URL (the embedded H2 database is for development only)")
    [[ -n ${CONFIDANT_DB_USER:-} ]] || missing+=("CONFIDANT_DB_USER: the database application role")
    [[ -n ${CONFIDANT_DB_PASSWORD:-} ]] || missing+=("CONFIDANT_DB_PASSWORD: the database application role's password")
    if ((${#missing[@]} > 0)); then
      echo "start-payara: CONFIDANT_PROFILE=production refuses to start with development defaults; missing:" >&2
      printf '  - %s\n' "${missing[@]}" >&2
      exit 78 # EX_CONFIG
    fi ;;
  *) echo "start-payara: CONFIDANT_PROFILE must be development or production, not '$CONFIDANT_PROFILE'" >&2; exit 78 ;;
esac

umask 077
state=$(mkdir -p "$CONFIDANT_STATE_DIR" && cd "$CONFIDANT_STATE_DIR" && pwd)
mkdir -p "$state/secrets" "$state/tls" "$state/db" "$state/run"
random_secret() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }
# asadmin expands ${ENV=...} while parsing --property, so ':' and '=' inside values must be escaped.
asadmin_escape() { local v=${1//\\/\\\\}; v=${v//:/\\:}; printf '%s' "${v//=/\\=}"; }

# HSM: a project-local SoftHSM2 token unless a real HSM is configured.
if [[ -z ${CONFIDANT_HSM_CONFIG:-} ]]; then
  "$root/hsm/setup-token.sh" --dir "$state/hsm" --pin-file "$state/secrets/confidant.hsm.pin" --quiet
  export SOFTHSM2_CONF=$state/hsm/softhsm2.conf
  export CONFIDANT_HSM_CONFIG=$state/hsm/sunpkcs11.cfg
  export CONFIDANT_BACKUPS_VERIFIER=${CONFIDANT_BACKUPS_VERIFIER:-$root/hsm/verify-backup.sh}
fi
# Token backups (deploy/KEY-CEREMONIES.md): the archives the application may verify and record.
export CONFIDANT_BACKUPS_DIR=${CONFIDANT_BACKUPS_DIR:-$state/backups}
mkdir -p "$CONFIDANT_BACKUPS_DIR"
# Audit witness (README "Audit trail"): signed checkpoints outside the database; in production on another disk
# (WORM or append-only) and copied to another host; one directory shared by every node of a cluster.
export CONFIDANT_AUDIT_WITNESS_DIR=${CONFIDANT_AUDIT_WITNESS_DIR:-$state/witness}
mkdir -p "$CONFIDANT_AUDIT_WITNESS_DIR"

# TLS: a self-signed certificate for localhost unless a keystore is given.
keystore=${CONFIDANT_TLS_KEYSTORE:-$state/tls/keystore.p12}
keystore_pass_file=${CONFIDANT_TLS_KEYSTORE_PASSWORD_FILE:-$state/tls/keystore.password}
if [[ ! -f $keystore ]]; then
  [[ -z ${CONFIDANT_TLS_KEYSTORE:-} ]] || { echo "start-payara: keystore $keystore not found" >&2; exit 1; }
  random_secret >"$keystore_pass_file"
  "$(dirname "$JAVA")/keytool" -genkeypair -alias confidant -keyalg EC -groupname secp384r1 -sigalg SHA384withECDSA \
    -validity 825 -dname "CN=localhost, O=Confidant development" -ext "SAN=dns:localhost,ip:127.0.0.1" \
    -keystore "$keystore.new" -storetype PKCS12 -storepass:file "$keystore_pass_file" 2>/dev/null
  mv "$keystore.new" "$keystore"
  echo "start-payara: generated a self-signed TLS certificate for localhost in $keystore" >&2
fi
if [[ -z ${CONFIDANT_TLS_KEYSTORE:-} && ! -f $state/tls/server.pem ]]; then
  # The certificate alone, for clients to trust (curl --cacert var/tls/server.pem).
  "$(dirname "$JAVA")/keytool" -exportcert -rfc -alias confidant -keystore "$keystore" \
    -storepass:file "$keystore_pass_file" -file "$state/tls/server.pem" 2>/dev/null
  chmod 644 "$state/tls/server.pem"
fi
[[ -s $keystore_pass_file ]] || { echo "start-payara: keystore password file $keystore_pass_file missing or empty" >&2; exit 1; }
# System properties go through a 0600 file, so that no password shows in the process list.
cat >"$state/run/system.properties" <<PROPS
javax.net.ssl.keyStore=$keystore
javax.net.ssl.keyStoreType=PKCS12
javax.net.ssl.keyStorePassword=$(cat "$keystore_pass_file")
otel.exporter.prometheus.host=${CONFIDANT_METRICS_HOST:-127.0.0.1}
otel.exporter.prometheus.port=${CONFIDANT_METRICS_PORT:-9464}
PROPS
# Client CAs for mutual TLS (service accounts). Payara Micro copies this file to <rootdir>/config/cacerts.p12 and
# makes the copy the JVM's trust store in place of its bundled public CAs (measured; deploy/TLS.md). A wrong
# password there leaves the application undeployed with a log line that does not name the file: check it here.
if [[ -n ${CONFIDANT_TLS_TRUSTSTORE:-} ]]; then
  truststore_pass_file=${CONFIDANT_TLS_TRUSTSTORE_PASSWORD_FILE:-}
  [[ -f $CONFIDANT_TLS_TRUSTSTORE ]] || { echo "start-payara: truststore $CONFIDANT_TLS_TRUSTSTORE not found" >&2; exit 1; }
  [[ -s $truststore_pass_file ]] \
    || { echo "start-payara: CONFIDANT_TLS_TRUSTSTORE_PASSWORD_FILE missing or empty" >&2; exit 1; }
  listing=$("$(dirname "$JAVA")/keytool" -list -keystore "$CONFIDANT_TLS_TRUSTSTORE" -storetype PKCS12 \
    -storepass:file "$truststore_pass_file" 2>&1) || listing=""
  [[ $listing == *trustedCertEntry* ]] \
    || { echo "start-payara: $CONFIDANT_TLS_TRUSTSTORE cannot be opened with the password in $truststore_pass_file, or holds no CA certificate" >&2; exit 1; }
  cat >>"$state/run/system.properties" <<PROPS
javax.net.ssl.trustStore=$(cd "$(dirname "$CONFIDANT_TLS_TRUSTSTORE")" && pwd)/$(basename "$CONFIDANT_TLS_TRUSTSTORE")
javax.net.ssl.trustStoreType=PKCS12
javax.net.ssl.trustStorePassword=$(cat "$truststore_pass_file")
PROPS
fi

# Database: PostgreSQL when CONFIDANT_DB_URL is set, else the embedded H2 file database.
if [[ -n ${CONFIDANT_DB_URL:-} ]]; then
  post_boot=$here/post-boot-postgresql.asadmin
  CONFIDANT_DB_OWNER_USER=$(asadmin_escape "${CONFIDANT_DB_OWNER_USER:-${CONFIDANT_DB_USER:-confidant}}")
  CONFIDANT_DB_OWNER_PASSWORD=$(asadmin_escape "${CONFIDANT_DB_OWNER_PASSWORD-${CONFIDANT_DB_PASSWORD:-}}")
  CONFIDANT_DB_URL=$(asadmin_escape "$CONFIDANT_DB_URL")
  CONFIDANT_DB_USER=$(asadmin_escape "${CONFIDANT_DB_USER:-confidant}")
  CONFIDANT_DB_PASSWORD=$(asadmin_escape "${CONFIDANT_DB_PASSWORD:-}")
  export CONFIDANT_DB_URL CONFIDANT_DB_USER CONFIDANT_DB_PASSWORD CONFIDANT_DB_OWNER_USER CONFIDANT_DB_OWNER_PASSWORD
else
  post_boot=$here/post-boot-h2.asadmin
  [[ -f $state/db/h2.password ]] || random_secret >"$state/db/h2.password"
  export CONFIDANT_DB_PASSWORD; CONFIDANT_DB_PASSWORD=$(cat "$state/db/h2.password")
  export CONFIDANT_H2_URL; CONFIDANT_H2_URL=$(asadmin_escape "jdbc:h2:file:$state/db/confidant;MODE=LEGACY")
fi

# asadmin refuses an empty property value; "()" is its spelling of an empty password (trust authentication).
commands=$(<"$post_boot")
for var in CONFIDANT_DB_PASSWORD CONFIDANT_DB_OWNER_PASSWORD; do
  [[ -n ${!var:-} ]] || commands=${commands//"\${ENV=$var}"/"()"}
done
pool_size=${CONFIDANT_DB_POOL_SIZE:-48}
[[ $pool_size =~ ^[0-9]+$ && $pool_size -gt 32 ]] \
  || { echo "start-payara: CONFIDANT_DB_POOL_SIZE must be a number above 32 (the request workers)" >&2; exit 1; }
commands=${commands//"\${ENV=CONFIDANT_DB_POOL_SIZE}"/$pool_size}
printf '%s\n' "$commands" >"$state/run/post-boot.asadmin"
post_boot=$state/run/post-boot.asadmin

# First start only: the application writes the first administrator's one-time password here (never to the log).
export CONFIDANT_BOOTSTRAP_PASSWORD_FILE=${CONFIDANT_BOOTSTRAP_PASSWORD_FILE:-$state/bootstrap-admin.password}

# The HTTPS listener is configured here rather than with --sslport, which would open it at boot, ~20 s before the
# application is deployed (Payara's HTML 404, then empty 500s on /health/*). It stays closed until
# post-deploy.asadmin opens it: from its first connection the health endpoints are the application's JSON.
{
  cat "$here/pre-boot.asadmin"
  echo "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.port=$port"
  echo "set configs.config.server-config.network-config.protocols.protocol.https-listener.ssl.cert-nickname=confidant"
  echo "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.enabled=false"
} >"$state/run/pre-boot.asadmin"

# A fresh Payara root on each start: configuration comes from the command files, never from leftovers.
rm -rf "$state/payara"
# SunPKCS11 reads CKA_NEVER_EXTRACTABLE and CKA_LOCAL (for the key inventory) only through its own classes: open
# just those two packages to the application (crypto/OriginFlags); without this both are reported as unreadable.
pkcs11_access=(--add-opens=jdk.crypto.cryptoki/sun.security.pkcs11=ALL-UNNAMED
  --add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED)
exec "$JAVA" "${pkcs11_access[@]}" ${CONFIDANT_JAVA_OPTS:-} -Djava.io.tmpdir="$state/run" -jar "$payara" \
  --nocluster --rootdir "$state/payara" \
  --deploy "$war" --contextroot / \
  --prebootcommandfile "$state/run/pre-boot.asadmin" --postbootcommandfile "$post_boot" \
  --postdeploycommandfile "$here/post-deploy.asadmin" \
  --systemproperties "$state/run/system.properties" \
  --secretsdir "$state/secrets" "${log_options[@]}"
