# CONFIDANT_LOG_FORMAT=json (start-payara.sh): everything the launcher and the JVM write goes through here. Payara's
# JSON lines pass unchanged; any other line (the launcher's own, the token set-up's, the few that Payara prints
# outside its log system, e.g. at shutdown) becomes a JSON object of the same shape with LoggerName "console".
# One write per line (fflush): no delay, and lines of different sources never mix.
/^\{"Timestamp":/ { print; fflush(); next }
{
  gsub(/\\/, "&&"); gsub(/"/, "\\\""); gsub(/\t/, " "); gsub(/[[:cntrl:]]/, "")
  clock = "date -u +%Y-%m-%dT%H:%M:%S.%3N+0000"; clock | getline now; close(clock)
  printf "{\"Timestamp\":\"%s\",\"Level\":\"INFO\",\"LoggerName\":\"console\",\"LogMessage\":\"%s\"}\n", now, $0
  fflush()
}
