#!/usr/bin/env bash
# Measures (1) host ready: from process start to the first 200 from /healthz, and (2) `ask "/rcode 2"` as a whole
# process (hyperfine). Loopback only. Usage: bench/startup.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# The production build: ReadyToRun (precompiled) framework-dependent publish.
dotnet publish bot/Bot.Host -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/app" -v q >/dev/null

# Poll from one Python process (forking curl every few ms would compete for the 2 cores with the host).
python3 - "$out/app/Bot.Host.dll" "$runs" <<'PY'
import http.client, statistics, subprocess, sys, time
app, runs, port = sys.argv[1], int(sys.argv[2]), 5181
ready = []
for _ in range(runs):
    t0 = time.perf_counter()
    p = subprocess.Popen(["dotnet", app, "--urls", f"http://127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                break
        except OSError:
            pass
        time.sleep(0.002)
    ready.append((time.perf_counter() - t0) * 1000)
    p.terminate(); p.wait()
ready.sort()
print(f"host ready (process start to first /healthz 200), {runs} runs: min {ready[0]:.0f} ms, median {statistics.median(ready):.0f} ms, max {ready[-1]:.0f} ms")
PY

if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$runs" "dotnet $out/app/Bot.Host.dll ask \"/rcode 2\""
fi
