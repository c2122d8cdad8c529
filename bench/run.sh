#!/usr/bin/env bash
# Side-by-side benchmark of https-wrapper and other TLS terminators, all on loopback, one run.
#
# A plain-HTTP nginx "target" serves /small (100 bytes) and /1m (1 MiB). Each peer terminates TLS in
# front of it with the same ECDSA P-256 certificate and is measured in turn:
#   direct      the target itself over plain HTTP (a ceiling, no TLS)
#   nginx haproxy hitch stunnel
#   wrapper-17  the jar on $JAVA17 (default: java on PATH)
#   wrapper-25  the jar on $JAVA25 (default: the first /usr/lib/jvm/temurin-25*; skipped if none)
#   wrapper-25-small  the same, launched for a small footprint: SMALL_OPTS (-XX:+UseSerialGC -Xms8m -Xmx64m;
#               for the idle test -Xmx grows by 32 MiB per 1,000 connections, the README's sizing rule)
# Figures per peer: keep-alive req/s and p99 (wrk, 50 connections, 100 B), full handshakes/s (ab: one
# request per connection, never resumes), resumed handshakes/s (wrk with "Connection: close": wrk
# resumes), 1 MiB downloads in MB/s (wrk, 4 connections), the peer's CPU time per request (utime+stime
# of its process tree) and its peak RSS (VmHWM summed over its processes). Then memory per idle TLS
# connection (IDLE_CONNS held open by IdleClient.java). Results: bench/results/<stamp>.{tsv,md,png}.
#
#   bash bench/run.sh                 default: ROUNDS=3, DUR=5, WARM=15, about 10 minutes
#   QUICK=1 bash bench/run.sh         smoke run: 1 round, 2 s per figure, about 2 minutes
#   PEERS="nginx wrapper-25" ROUNDS=5 bash bench/run.sh
#
# Knobs (defaults in brackets): ROUNDS [3] rounds, medians reported; DUR [5] seconds per figure;
# WARM [15] seconds of load on each JVM before measuring (the JIT needs it); CONNS [50];
# BULK_CONNS [4]; PEERS [direct nginx haproxy hitch stunnel wrapper-17 wrapper-25 wrapper-25-small];
# IDLE_CONNS [2000] (up to 10000); IDLE_PEERS [nginx wrapper-25 wrapper-25-small wrapper-17];
# SMALL_OPTS [-XX:+UseSerialGC -Xms8m -Xmx64m] JVM options of wrapper-25-small; WRAPPER_OPTS [] JVM
# options for the wrapper; JAR [cli/target/https-wrapper.jar, built if missing]; TARGET_PORT [18080].
set -uo pipefail
cd "$(dirname "$0")/.."
BENCH=$PWD/bench

if [ "${QUICK:-0}" = 1 ]; then
  ROUNDS=${ROUNDS:-1}; DUR=${DUR:-2}; WARM=${WARM:-8}; IDLE_CONNS=${IDLE_CONNS:-500}
fi
ROUNDS=${ROUNDS:-3}; DUR=${DUR:-5}; WARM=${WARM:-15}; IDLE_CONNS=${IDLE_CONNS:-2000}
CONNS=${CONNS:-50}; BULK_CONNS=${BULK_CONNS:-4}
PEERS=${PEERS:-direct nginx haproxy hitch stunnel wrapper-17 wrapper-25 wrapper-25-small}
IDLE_PEERS=${IDLE_PEERS:-nginx wrapper-25 wrapper-25-small wrapper-17}
SMALL_OPTS=${SMALL_OPTS:--XX:+UseSerialGC -Xms8m -Xmx64m}
TARGET_PORT=${TARGET_PORT:-18080}
JAR=${JAR:-cli/target/https-wrapper.jar}
JAVA17=${JAVA17:-java}
if [ -z "${JAVA25:-}" ]; then
  for d in /usr/lib/jvm/temurin-25*; do [ -x "$d/bin/java" ] && JAVA25=$d/bin/java && break; done
fi
JAVA25=${JAVA25:-}
CLK=$(getconf CLK_TCK)
NCPU=$(nproc)

for t in nginx wrk ab curl openssl ss; do
  command -v "$t" >/dev/null || { echo "missing: $t (run: bash bench/install.sh)" >&2; exit 2; }
done
[ -f "$JAR" ] || mvn -B -q -DskipTests package || exit 1
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# ---- processes: everything started here is stopped again by its PID ------------------------------
WORK=$(mktemp -d); chmod 755 "$WORK"
STARTED=()
tree_pids() {  # the process and all its descendants
  ps -e -o pid=,ppid= | awk -v r="$1" '{ parent[$1] = $2 } END {
    keep[r] = 1; do { more = 0; for (p in parent) if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; more = 1 } } while (more)
    for (p in keep) print p }'
}
stop() {  # stop PID: TERM, then KILL what is left of its tree
  local pids; pids=$(tree_pids "$1")
  kill -TERM "$1" 2>/dev/null
  for _ in $(seq 30); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  for p in $pids; do kill -KILL "$p" 2>/dev/null; done
  wait "$1" 2>/dev/null
}
cleanup() { for p in "${STARTED[@]}"; do stop "$p"; done; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
launch() {  # launch LOG CMD... -> PID
  local log=$1; shift
  "$@" >"$log" 2>&1 </dev/null &
  PID=$!; STARTED+=("$PID")
}
sum_status() {  # sum_status PID FIELD: a /proc/*/status field (kB) summed over the tree
  local t=0 v
  for p in $(tree_pids "$1"); do v=$(awk -v f="$2:" '$1 == f {print $2}' "/proc/$p/status" 2>/dev/null); t=$((t + ${v:-0})); done
  echo "$t"
}
cpu_ticks() {  # utime + stime of the tree, in clock ticks
  local t=0 v
  for p in $(tree_pids "$1"); do v=$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}'); t=$((t + ${v:-0})); done
  echo "$t"
}
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

# ---- certificate, content, target --------------------------------------------------------------------
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null || exit 1
cat "$WORK/cert.pem" "$WORK/key.pem" >"$WORK/both.pem"
chmod 644 "$WORK"/*.pem
mkdir -p "$WORK/www"
printf '%099d\n' 0 >"$WORK/www/small"
head -c 1048576 /dev/urandom >"$WORK/www/1m"
chmod -R a+rX "$WORK/www"

NEXT_PORT=$TARGET_PORT
free_port() { NEXT_PORT=$((NEXT_PORT + 1)); while [ -n "$(ss -Htln "sport = :$NEXT_PORT")" ]; do NEXT_PORT=$((NEXT_PORT + 1)); done; }
fill() {  # fill TEMPLATE PORT -> the filled file's path
  local out=$WORK/$(basename "$1").$2 user=""
  [ "$(id -u)" = 0 ] && user='user = "nobody"'   # hitch refuses to run its workers as root
  sed -e "s|@PORT@|$2|g; s|@TARGET_PORT@|$TARGET_PORT|g; s|@WORK@|$WORK|g; s|@WWW@|$WORK/www|g" \
      -e "s|@CERT@|$WORK/cert.pem|g; s|@KEY@|$WORK/key.pem|g; s|@PEM@|$WORK/both.pem|g" \
      -e "s|@NCPU@|$NCPU|g; s|@HITCH_USER@|$user|g" "$1" >"$out"
  echo "$out"
}
ready() {  # ready URL PID: both bodies come back whole
  for _ in $(seq 300); do
    kill -0 "$2" 2>/dev/null || return 1
    if [ "$(curl -sk --max-time 2 "$1/small" | wc -c)" = 100 ]; then
      [ "$(curl -sk --max-time 20 "$1/1m" | wc -c)" = 1048576 ]; return
    fi
    sleep 0.1
  done
  return 1
}
[ -z "$(ss -Htln "sport = :$TARGET_PORT")" ] || { echo "port $TARGET_PORT is busy: set TARGET_PORT" >&2; exit 1; }
launch "$WORK/target.log" nginx -p "$WORK" -c "$(fill "$BENCH/conf/target.conf" 0)" -e "$WORK/target-error.log" -g 'daemon off;'
TARGET_PID=$PID
ready "http://127.0.0.1:$TARGET_PORT" "$TARGET_PID" || { echo "the target did not start" >&2; exit 1; }

start_peer() {  # start_peer NAME [EXTRA WRAPPER OPTIONS] -> PEER_PID PEER_URL; 1 = not available
  local name=$1 java; shift
  if [ "$name" = direct ]; then PEER_PID=$TARGET_PID; PEER_URL=http://127.0.0.1:$TARGET_PORT; return 0; fi
  free_port; PEER_URL=https://127.0.0.1:$NEXT_PORT
  local log=$WORK/$name.log
  case $name in
    nginx) launch "$log" nginx -p "$WORK" -c "$(fill "$BENCH/conf/nginx.conf" "$NEXT_PORT")" -e "$WORK/nginx-error.log" -g 'daemon off;' ;;
    haproxy) command -v haproxy >/dev/null || return 1; launch "$log" haproxy -db -f "$(fill "$BENCH/conf/haproxy.cfg" "$NEXT_PORT")" ;;
    hitch) command -v hitch >/dev/null || return 1; launch "$log" hitch --config="$(fill "$BENCH/conf/hitch.conf" "$NEXT_PORT")" ;;
    stunnel) command -v stunnel >/dev/null || return 1; launch "$log" stunnel "$(fill "$BENCH/conf/stunnel.conf" "$NEXT_PORT")" ;;
    wrapper-17|wrapper-25|wrapper-25-small)
      local jvm_opts=${WRAPPER_OPTS:-}
      java=$JAVA17; [ "$name" != wrapper-17 ] && java=$JAVA25
      [ "$name" = wrapper-25-small ] && jvm_opts="$SMALL_OPTS ${SMALL_IDLE_HEAP:-} $jvm_opts"
      [ -n "$java" ] || return 1
      # shellcheck disable=SC2086
      # The access log is off, as nginx's is in conf/nginx.conf: each peer is measured without one.
      launch "$log" "$java" -Dorg.slf4j.simpleLogger.log.io.github.httpswrapper.access=off $jvm_opts -jar "$JAR" --target "127.0.0.1:$TARGET_PORT" --listen "127.0.0.1:$NEXT_PORT" \
        --cert "$WORK/cert.pem" --key "$WORK/key.pem" --state-dir "$WORK/state-$name" --policy trusted-network "$@" ;;
    *) echo "unknown peer $name" >&2; return 1 ;;
  esac
  PEER_PID=$PID
  ready "$PEER_URL" "$PEER_PID" || { echo "  $name did not start; log:"; tail -5 "$log"; stop "$PEER_PID"; return 1; }
}

# ---- load generators ----------------------------------------------------------------------------
WRK=()  # requests us bytes p99_us errors
run_wrk() {  # run_wrk URL CONNS SECONDS [close]
  local mode=(); [ -n "${4:-}" ] && mode=(-- "$4")
  WRK=($(timeout $(($3 + 30)) wrk -t2 -c"$2" -d"$3s" --timeout 10s -s "$BENCH/report.lua" "$1" "${mode[@]}" 2>&1 |
    awk '/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); printf "%s ", kv[2] } }'))
  [ ${#WRK[@]} = 5 ] || WRK=(0 1 0 0 1)
}
AB=()  # complete seconds failed
run_ab() {  # run_ab URL CONNS SECONDS: new connection and full handshake per request
  AB=($(timeout $(($3 + 30)) ab -q -r -l -s 10 -c "$2" -t "$3" -n $(($3 * 20000)) "$1" 2>&1 |
    awk '/^Complete requests:/ {c = $3} /^Time taken for tests:/ {t = $5} /^Failed requests:/ {f += $3}
         /^Non-2xx responses:/ {f += $3} END { print c + 0, t + 0, f + 0 }'))
}

# ---- one peer, one round --------------------------------------------------------------------------
TSV=$WORK/results.tsv
printf 'round\tpeer\tka_rps\tka_p99_ms\tka_cpu_us\tfull_hs_s\tfull_cpu_us\tres_hs_s\tres_cpu_us\tbulk_MBps\tbulk_cpu_us_per_MiB\terrors\tres_errors\trss_peak_MiB\n' >"$TSV"
measure() {  # measure ROUND PEER
  local peer=$2 c0 ka=(- - -) full=(- -) res=(- -) bulk=(- -) errors=0 res_errors=- u=$PEER_URL
  if [[ $peer == wrapper-* ]]; then  # JIT warm-up: keep-alive requests, then full handshakes
    run_wrk "$u/small" "$CONNS" $(((WARM + 1) / 2)); run_ab "$u/small" "$CONNS" $((WARM / 2))
  else
    run_wrk "$u/small" "$CONNS" 1
  fi
  c0=$(cpu_ticks "$PEER_PID"); run_wrk "$u/small" "$CONNS" "$DUR"
  ka=($(calc '%.0f' "${WRK[0]} * 1e6 / ${WRK[1]}") $(calc '%.2f' "${WRK[3]} / 1000")
      $(calc '%.1f' "($(cpu_ticks "$PEER_PID") - $c0) * 1e6 / $CLK / (${WRK[0]} + 1e-9)"))
  errors=$((errors + WRK[4]))
  if [ "$peer" != direct ]; then
    c0=$(cpu_ticks "$PEER_PID"); run_ab "$u/small" "$CONNS" "$DUR"
    full=($(calc '%.0f' "${AB[0]} / (${AB[1]} + 1e-9)") $(calc '%.1f' "($(cpu_ticks "$PEER_PID") - $c0) * 1e6 / $CLK / (${AB[0]} + 1e-9)"))
    errors=$((errors + AB[2]))
    c0=$(cpu_ticks "$PEER_PID"); run_wrk "$u/small" "$CONNS" "$DUR" close
    res=($(calc '%.0f' "${WRK[0]} * 1e6 / ${WRK[1]}") $(calc '%.1f' "($(cpu_ticks "$PEER_PID") - $c0) * 1e6 / $CLK / (${WRK[0]} + 1e-9)"))
    res_errors=${WRK[4]}   # kept apart: counted responses are whole, errors here are mostly how the peer closes
  fi
  c0=$(cpu_ticks "$PEER_PID"); run_wrk "$u/1m" "$BULK_CONNS" "$DUR"
  bulk=($(calc '%.0f' "${WRK[2]} / ${WRK[1]}") $(calc '%.0f' "($(cpu_ticks "$PEER_PID") - $c0) * 1e6 / $CLK / (${WRK[2]} / 1048576 + 1e-9)"))
  errors=$((errors + WRK[4]))
  local rss; rss=$(calc '%.1f' "$(sum_status "$PEER_PID" VmHWM) / 1024")
  printf '%s\t' "$1" "$peer" "${ka[@]}" "${full[@]}" "${res[@]}" "${bulk[@]}" "$errors" "$res_errors" >>"$TSV"; echo "$rss" >>"$TSV"
  printf '  %-10s ka %6s/s p99 %5s ms %6s us | full %5s/s %6s us | resumed %5s/s %6s us | 1 MiB %5s MB/s | RSS %6s MiB | errors %s, %s\n' \
    "$peer" "${ka[@]}" "${full[@]}" "${res[@]}" "${bulk[0]}" "$rss" "$errors" "$res_errors"
}

# ---- run -------------------------------------------------------------------------------------------
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
T0=$(date +%s)
echo "# https-wrapper side-by-side benchmark, $STAMP, $(uname -sr), $NCPU CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# ROUNDS=$ROUNDS DUR=${DUR}s CONNS=$CONNS BULK_CONNS=$BULK_CONNS; each wrapper gets ${WARM}s of warm-up load (JIT) before it is measured, every round"
echo "# $(nginx -v 2>&1 | sed 's/.*: //') | $(haproxy -v 2>/dev/null | awk 'NR == 1 {print "haproxy", $3}') | $(hitch --version 2>&1 | head -1) |" \
  "$(stunnel -version 2>&1 | grep -m1 -o 'stunnel [0-9.]*') | $(wrk -v 2>&1 | awk 'NR == 1 {print $1, $2}') | $(openssl version | awk '{print $1, $2}')"
echo "# wrapper-17: $("$JAVA17" -version 2>&1 | head -1) | wrapper-25: ${JAVA25:+$("$JAVA25" -version 2>&1 | head -1)} | wrapper-25-small: $SMALL_OPTS"
read -r -a LIST <<<"$PEERS"
for ((round = 1; round <= ROUNDS; round++)); do
  k=$(((round - 1) % ${#LIST[@]})); ORDER=("${LIST[@]:k}" "${LIST[@]:0:k}")   # rotate: no peer always first
  echo "## round $round/$ROUNDS"
  for peer in "${ORDER[@]}"; do
    start_peer "$peer" || { echo "  $peer: skipped"; continue; }
    measure "$round" "$peer"
    [ "$peer" != direct ] && stop "$PEER_PID"
  done
done

# ---- memory per idle TLS connection ---------------------------------------------------------------------
IDLE=$WORK/idle.tsv
printf 'peer\tconnections\topened\tfailed\trss_before_KiB\trss_after_KiB\tper_conn_KiB\n' >"$IDLE"
CLIENT_JAVA=${JAVA25:-$JAVA17}
for peer in $IDLE_PEERS; do
  # The wrapper's per-address limit (256) and request-head timeout (20 s) would close these idle connections
  # (they all come from 127.0.0.1 and never send a request): raised for this measurement only.
  # The small-footprint wrapper's heap is sized as the README says: 32 MiB more per 1,000 connections.
  SMALL_IDLE_HEAP="-Xmx$((64 + IDLE_CONNS * 32 / 1000))m"
  start_peer "$peer" --max-connections $((IDLE_CONNS + 100)) --max-connections-per-client $((IDLE_CONNS + 100)) \
    --request-head-timeout 10m || { echo "  idle $peer: skipped"; continue; }
  run_wrk "$PEER_URL/small" 4 2; run_ab "$PEER_URL/small" 4 2; sleep 1   # touch the code paths first
  before=$(sum_status "$PEER_PID" VmRSS)
  launch "$WORK/idle-client.log" "$CLIENT_JAVA" "$BENCH/IdleClient.java" "${PEER_URL##*:}" "$IDLE_CONNS" 4
  client=$PID
  for _ in $(seq 1200); do grep -q '^ready' "$WORK/idle-client.log" && break; kill -0 "$client" 2>/dev/null || break; sleep 0.25; done
  sleep 2
  after=$(sum_status "$PEER_PID" VmRSS)
  read -r _ opened failed < <(grep '^ready' "$WORK/idle-client.log" || echo "ready 0 $IDLE_CONNS")
  # Count what the server still holds, not what the client opened: a peer may have closed some already.
  held=$(ss -Htn state established "( sport = :${PEER_URL##*:} )" | wc -l)
  [ "$held" -lt "$opened" ] && echo "  idle $peer: only $held of $opened connections still open when measured" && opened=$held
  per=$(calc '%.1f' "($after - $before) / ($opened + 1e-9)")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$peer" "$IDLE_CONNS" "$opened" "$failed" "$before" "$after" "$per" >>"$IDLE"
  echo "  idle $peer: $opened TLS connections held ($failed failed): RSS $((before / 1024)) -> $((after / 1024)) MiB, $per KiB per connection"
  stop "$client"; stop "$PEER_PID"
done

# ---- tables, files, chart ----------------------------------------------------------------------------
med() {  # med PEER COLUMN: median over the rounds
  awk -F'\t' -v p="$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) ix[$i] = i; next } $2 == p && $ix[c] != "-" { print $ix[c] }' "$TSV" |
    sort -g | awk '{ a[NR] = $1 } END { if (!NR) print "-"; else print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
ratio() { if [[ $1 == - || $2 == - || $2 == 0 ]]; then echo -; else calc '%.2f' "$1 / $2"; fi; }
COLS="ka_rps ka_p99_ms ka_cpu_us full_hs_s full_cpu_us res_hs_s res_cpu_us bulk_MBps bulk_cpu_us_per_MiB rss_peak_MiB"
declare -A M
for peer in "${LIST[@]}"; do for c in $COLS; do M[$peer,$c]=$(med "$peer" "$c"); done; done
MD=$WORK/table.md
{
  echo "Median of $ROUNDS round(s), ${DUR} s per figure, $NCPU CPUs shared by load generator, target and peer; $STAMP."
  echo
  echo "| peer | keep-alive req/s | p99 ms | CPU µs/req | full handshakes/s | CPU µs/full | resumed/s | CPU µs/resumed | 1 MiB MB/s | CPU µs/MiB | peak RSS MiB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for peer in "${LIST[@]}"; do
    [ "${M[$peer,ka_rps]}" = - ] && continue
    printf '| %s |' "$peer"; for c in $COLS; do printf ' %s |' "${M[$peer,$c]}"; done; echo
  done
  echo
  echo "Ratios (higher is better, except RSS and CPU: lower is better):"
  echo
  echo "| peer | keep-alive ÷ nginx | p99 ÷ nginx | full handshakes ÷ haproxy | full ÷ nginx | resumed ÷ nginx | 1 MiB ÷ nginx | peak RSS ÷ nginx | CPU/req ÷ nginx |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for peer in "${LIST[@]}"; do
    [ "${M[$peer,ka_rps]}" = - ] && continue
    echo "| $peer | $(ratio "${M[$peer,ka_rps]}" "${M[nginx,ka_rps]:--}") | $(ratio "${M[$peer,ka_p99_ms]}" "${M[nginx,ka_p99_ms]:--}") |" \
      "$(ratio "${M[$peer,full_hs_s]}" "${M[haproxy,full_hs_s]:--}") | $(ratio "${M[$peer,full_hs_s]}" "${M[nginx,full_hs_s]:--}") |" \
      "$(ratio "${M[$peer,res_hs_s]}" "${M[nginx,res_hs_s]:--}") | $(ratio "${M[$peer,bulk_MBps]}" "${M[nginx,bulk_MBps]:--}") |" \
      "$(ratio "${M[$peer,rss_peak_MiB]}" "${M[nginx,rss_peak_MiB]:--}") | $(ratio "${M[$peer,ka_cpu_us]}" "${M[nginx,ka_cpu_us]:--}") |"
  done
  if [ -n "${M[wrapper-25,ka_rps]:-}" ] && [ -n "${M[wrapper-17,ka_rps]:-}" ]; then
    echo
    echo "JDK 25 ÷ JDK 17 (the same jar): keep-alive $(ratio "${M[wrapper-25,ka_rps]}" "${M[wrapper-17,ka_rps]}")," \
      "full handshakes $(ratio "${M[wrapper-25,full_hs_s]}" "${M[wrapper-17,full_hs_s]}")," \
      "resumed $(ratio "${M[wrapper-25,res_hs_s]}" "${M[wrapper-17,res_hs_s]}")," \
      "1 MiB $(ratio "${M[wrapper-25,bulk_MBps]}" "${M[wrapper-17,bulk_MBps]}")," \
      "peak RSS $(ratio "${M[wrapper-25,rss_peak_MiB]}" "${M[wrapper-17,rss_peak_MiB]}")."
  fi
  if [ -n "${M[wrapper-25,ka_rps]:-}" ] && [ -n "${M[wrapper-25-small,ka_rps]:-}" ]; then
    echo
    echo "wrapper-25-small ($SMALL_OPTS) ÷ wrapper-25: keep-alive $(ratio "${M[wrapper-25-small,ka_rps]}" "${M[wrapper-25,ka_rps]}")," \
      "full handshakes $(ratio "${M[wrapper-25-small,full_hs_s]}" "${M[wrapper-25,full_hs_s]}")," \
      "1 MiB $(ratio "${M[wrapper-25-small,bulk_MBps]}" "${M[wrapper-25,bulk_MBps]}")," \
      "peak RSS $(ratio "${M[wrapper-25-small,rss_peak_MiB]}" "${M[wrapper-25,rss_peak_MiB]}")."
  fi
  if [ "$(wc -l <"$IDLE")" -gt 1 ]; then
    echo
    echo "Memory per idle TLS connection (handshake done, no request; RSS after − before, ÷ connections):"
    echo
    echo "| peer | connections held | RSS before MiB | RSS after MiB | KiB per connection |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    awk -F'\t' 'NR > 1 { printf "| %s | %s of %s | %.0f | %.0f | %s |\n", $1, $3, $2, $5 / 1024, $6 / 1024, $7 }' "$IDLE"
  fi
  awk -F'\t' 'NR > 1 && $12 > 0 { printf "\nWarning: %s: %s failed requests (keep-alive, full handshakes, 1 MiB) in round %s.\n", $2, $12, $1 }
    NR > 1 && $13 > 0 { printf "\nNote: %s: wrk counted %s socket errors in the resumed test of round %s (its responses arrived whole;" \
      " wrk counts an error when the peer resets or drops the connection after a \"Connection: close\" response).\n", $2, $13, $1 }' "$TSV"
} >"$MD"
echo; cat "$MD"

OUT=$BENCH/results
mkdir -p "$OUT"
cp "$TSV" "$OUT/$STAMP.tsv"; cp "$MD" "$OUT/$STAMP.md"
[ "$(wc -l <"$IDLE")" -gt 1 ] && cp "$IDLE" "$OUT/$STAMP-idle.tsv"
bash "$BENCH/chart.sh" "$OUT/$STAMP.tsv" >/dev/null && echo "# chart: bench/results/$STAMP.png"
echo "# results: bench/results/$STAMP.tsv, $STAMP.md; took $(($(date +%s) - T0)) s"
