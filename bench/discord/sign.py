"""Writes signed Discord interactions for bench/discord-load.sh: OUT/public.hex, OUT/requests.txt (N x /rcode 2),
OUT/warm.txt (warm-up set), OUT/dig.txt (/dig). One line per request: timestamp TAB signature TAB body."""
import json, sys, time, uuid
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

out, count = sys.argv[1], int(sys.argv[2])
key = Ed25519PrivateKey.generate()
public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
open(f"{out}/public.hex", "w").write(public.hex())

# Interaction ids are snowflakes, as Discord sends them: milliseconds since 2015 shifted left 22 bits, plus a sequence.
epoch_ms = int(time.time() * 1000) - 1420070400000
sequence = 0

def snowflake():
    global sequence
    sequence += 1
    return str((epoch_ms << 22) + sequence)

def interaction(name, options):
    return json.dumps({"id": snowflake(), "application_id": "123456789012345678", "type": 2, "token": "tok-" + uuid.uuid4().hex,
                       "version": 1, "locale": "en-US", "member": {"user": {"id": "42"}},
                       "data": {"id": "1", "name": name, "type": 1, "options": options}}, separators=(",", ":"))

def write(path, n, name, options):
    ts = str(int(time.time()))
    with open(path, "w") as f:
        for _ in range(n):
            body = interaction(name, options)
            f.write(f"{ts}\t{key.sign((ts + body).encode()).hex()}\t{body}\n")

rcode = [{"name": "code", "type": 3, "value": "2"}]
write(f"{out}/requests.txt", count, "rcode", rcode)
write(f"{out}/warm.txt", 100000, "rcode", rcode)
write(f"{out}/dig.txt", 500, "dig", [{"name": "name", "type": 3, "value": "example.com"}])
