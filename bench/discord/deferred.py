"""Time from request to the DEFERRED response for signed /dig interactions (one connection, sequential)."""
import http.client, statistics, sys, time
out, port = sys.argv[1], int(sys.argv[2])
lines = [l.rstrip("\n").split("\t", 2) for l in open(f"{out}/dig.txt")]
conn = http.client.HTTPConnection("127.0.0.1", port)
times = []
for i, (ts, sig, body) in enumerate(lines):
    t0 = time.perf_counter()
    conn.request("POST", "/discord/interactions", body=body.encode(), headers={
        "Content-Type": "application/json", "X-Signature-Timestamp": ts, "X-Signature-Ed25519": sig})
    r = conn.getresponse()
    data = r.read()
    elapsed = (time.perf_counter() - t0) * 1000
    if r.status != 200 or not data.startswith(b'{"type":5'):
        sys.exit(f"unexpected response {r.status} {data[:80]!r}")
    if i >= 50:  # the first ones warm up
        times.append(elapsed)
    time.sleep(0.01)  # one request at a time, like a person; rate limits apply to the check, after the defer
times.sort()
print(f"n={len(times)} median={statistics.median(times):.2f} ms p99={times[int(len(times)*0.99)-1]:.2f} ms max={times[-1]:.2f} ms")
