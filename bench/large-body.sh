#!/usr/bin/env bash
# Throughput of one large download, direct from a plain-HTTP target and through https-wrapper, side by side in
# one run, on every JDK given. Loopback only; bounded (ROUNDS x SIZE per JDK).
#
#   bash bench/large-body.sh                       # 1 GiB, 3 rounds, JDK 17 (java on PATH) and JDK 25 if present
#   SIZE=268435456 ROUNDS=5 bash bench/large-body.sh
#   JDKS="/usr/lib/jvm/java-17-openjdk-amd64" bash bench/large-body.sh
#
# Prints one line per round and a median per JDK: MB/s direct, MB/s through the wrapper, and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1073741824}
ROUNDS=${ROUNDS:-3}
TARGET_PORT=${TARGET_PORT:-18080}
WRAPPER_PORT=${WRAPPER_PORT:-18444}
JAR=cli/target/https-wrapper.jar
if [ -z "${JDKS:-}" ]; then
  JDKS="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  for j in /usr/lib/jvm/temurin-25*; do [ -d "$j" ] && JDKS="$JDKS $j"; done
fi

[ -f "$JAR" ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

wait_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "nothing listens on port $1" >&2
  return 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
mbps() { awk -v b="$1" 'BEGIN {printf "%.0f", b / 1000000}'; }

java bench/BlastTarget.java "$TARGET_PORT" >/dev/null &
pids+=($!)
wait_port "$TARGET_PORT"

echo "size $SIZE bytes, $ROUNDS rounds, MB/s (10^6 bytes/s), curl as the client"
for jdk in $JDKS; do
  "$jdk/bin/java" -jar "$JAR" --target "127.0.0.1:$TARGET_PORT" --listen "127.0.0.1:$WRAPPER_PORT" \
    --state-dir "$work/state" >/dev/null 2>"$work/wrapper.log" &
  wrapper=$!
  pids+=("$wrapper")
  wait_port "$WRAPPER_PORT"
  cacert="$work/state/self-signed/certificate.pem"
  for _ in $(seq 1 50); do [ -s "$cacert" ] && break; sleep 0.1; done
  # Warm-up: let the JIT compile the relay before measuring.
  for _ in 1 2 3; do
    curl -sS --cacert "$cacert" -o /dev/null "https://127.0.0.1:$WRAPPER_PORT/bytes/$((SIZE / 4))"
  done
  : >"$work/direct"; : >"$work/wrapped"
  for r in $(seq 1 "$ROUNDS"); do
    d=$(curl -sS -o /dev/null -w '%{speed_download}' "http://127.0.0.1:$TARGET_PORT/bytes/$SIZE")
    w=$(curl -sS --cacert "$cacert" -o /dev/null -w '%{speed_download}' \
      "https://127.0.0.1:$WRAPPER_PORT/bytes/$SIZE")
    echo "$d" >>"$work/direct"; echo "$w" >>"$work/wrapped"
    echo "  $(basename "$jdk") round $r: direct $(mbps "$d") MB/s, through the wrapper $(mbps "$w") MB/s"
  done
  d=$(median <"$work/direct"); w=$(median <"$work/wrapped")
  echo "$(basename "$jdk") median: direct $(mbps "$d") MB/s, wrapped $(mbps "$w") MB/s, ratio $(awk -v a="$w" -v b="$d" 'BEGIN {printf "%.2f", a / b}')"
  kill "$wrapper"; wait "$wrapper" 2>/dev/null || true
done
