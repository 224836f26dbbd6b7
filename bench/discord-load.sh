#!/usr/bin/env bash
# Load on the Discord interactions endpoint, loopback only: signed `/rcode 2` interactions with wrk (every request
# a distinct interaction id, freshly signed with a key pair made for the run), and the time from request to
# DEFERRED for `/dig`. Usage: bench/discord-load.sh [seconds] [connections] [bot|bare]   (figures: docs/performance.md)
# `bare` measures the issue's scale reference on this machine instead: Kestrel that only checks the signature with
# libsodium and echoes the body (bench/Bot.DiscordBare), under the same load.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"
connections="${2:-64}"
target="${3:-bot}"
port=5191
out="$(mktemp -d)"
trap 'kill "$host" 2>/dev/null || true; rm -rf "$out"' EXIT

project=bot/Bot.Host
if [ "$target" = bare ]; then project=bench/Bot.DiscordBare; fi
dotnet publish "$project" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/app" -v q >/dev/null

# Requests signed in advance: enough distinct interaction ids for the whole run at well over the target rate.
count=$(( seconds * 40000 ))
python3 bench/discord/sign.py "$out" "$count"
public_key="$(cat "$out/public.hex")"

if [ "$target" = bare ]; then
  dotnet "$out/app/Bot.DiscordBare.dll" "$public_key" --urls "http://127.0.0.1:$port" >"$out/host.log" 2>&1 &
  host=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.1; done
else
  # A resolver nobody answers on: /dig is only deferred here, never waited for.
  Discord__PublicKey="$public_key" Discord__ApplicationId=123456789012345678 Discord__ApiBaseUrl=http://127.0.0.1:9/api/v10 \
    Dns__Resolvers__0=127.0.0.1:9 Dns__RootHints__0=127.0.0.1:9 Dns__AllowTargets__0=127.0.0.0/8 Logging__LogLevel__Default=Warning \
    dotnet "$out/app/Bot.Host.dll" --urls "http://127.0.0.1:$port" >"$out/host.log" 2>&1 &
  host=$!
  until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.1; done
fi

# Warm up (JIT, caches) on a separate set of ids, then measure. One wrk thread: on two cores a second one competes
# with the server for a core and its own scheduling delays show up as a ~70 ms p99 even on /healthz.
REQUESTS="$out/warm.txt" THREADS=1 wrk -t1 -c"$connections" -d5s -s bench/discord/signed.lua "http://127.0.0.1:$port" >/dev/null
echo "== signed /rcode 2, $connections connections, ${seconds}s =="
REQUESTS="$out/requests.txt" THREADS=1 wrk -t1 -c"$connections" -d"${seconds}s" --latency -s bench/discord/signed.lua "http://127.0.0.1:$port"

if [ "$target" = bare ]; then exit 0; fi
echo "== /dig: request to DEFERRED (sequential, one connection) =="
python3 bench/discord/deferred.py "$out" "$port"
