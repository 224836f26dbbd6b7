#!/usr/bin/env bash
# Our DNS client against dnsperf, side by side on the same local servers and queries, and the cost of asking
# several resolvers at once (issue 3). Loopback only; needs
# root (the lab) and dnsperf (installed when missing). Usage: bench/dns-load.sh [seconds] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
rounds="${2:-3}"
command -v dnsperf >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dnsperf >/dev/null; }
lab="$(mktemp -d /tmp/botlab-load-XXXX)"
trap 'bash tests/lab/lab.sh stop "$lab" >/dev/null 2>&1 || true; rm -rf "$lab"' EXIT
bash tests/lab/lab.sh start "$lab" >/dev/null
dotnet build -c Release bench/Bot.DnsLoad -v q >/dev/null
load=bench/Bot.DnsLoad/bin/Release/net10.0/Bot.DnsLoad.dll

run() { # server name type
  echo "$2 $3" > "$lab/perf.txt"
  dig +short @"$1" "$2" "$3" >/dev/null   # warm the cache
  for r in $(seq "$rounds"); do
    p=$(dnsperf -s "$1" -d "$lab/perf.txt" -c 1 -q 64 -l "$seconds" 2>&1 | awk '/Queries per second/ {printf "%.0f", $4}')
    o=$(dotnet "$load" "$1" "$2" "$3" 64 "$seconds" | sed -E 's/.*: ([0-9]+) queries.*/\1/')
    echo "$1 $2 $3 round $r: dnsperf $p/s, ours (64 in flight) $o/s, ratio $(python3 -c "print(f'{$o/$p:.2f}')")"
  done
  dotnet "$load" "$1" "$2" "$3" 1 "$seconds" | sed "s/^/$1 $2 $3 one in flight: /"
}

run 127.53.0.53 www.ok.test A     # unbound, answered from cache
run 127.53.1.1 test SOA           # knot, authoritative

# The resolver comparison of a live check: three resolvers at once (one direct, two behind 25 and 50 ms delays)
# against the slowest alone (issue 3: ≤ 1.1 × the slowest single query + 5 ms).
dotnet "$load" multi 127.53.0.54 www.ok.test A 50 30
