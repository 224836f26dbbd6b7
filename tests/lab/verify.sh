#!/usr/bin/env bash
# Checks every scenario of a running lab (see lab.sh and README.md) with dig/nsupdate.
#   verify.sh DIR      (DIR as given to `lab.sh start DIR`; needs root only for `lab.sh flush`)
# Prints one line per check and exits non-zero if any check fails. It flushes the resolvers'
# caches first so that "first query" results (EDE 7/8/9) are what a fresh resolver returns.
# Expects the default LAB_DISCARD_TIMEOUT (0): with 1900 the first partial/unreachable query gets no reply.
set -uo pipefail

DIR=${1:?usage: verify.sh DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -f "$DIR/lab.json" ] || { echo "verify.sh: no $DIR/lab.json; is the lab started?" >&2; exit 2; }
SECRET=$(grep -o '"secret": "[^"]*"' "$DIR/lab.json" | cut -d'"' -f4)
VAL=127.53.0.53
PLAIN=127.53.0.54

FAILS=0
pass() { printf 'ok    %s\n' "$*"; }
fail() { printf 'FAIL  %s\n' "$*"; FAILS=$((FAILS + 1)); }

# q ARGS...: run dig, set STATUS FLAGS EDE ANS (answer section lines) OUT (all) MS (elapsed)
q() {
  local t0
  t0=$(date +%s%N)
  OUT=$(dig +tries=1 +time=8 "$@" 2>&1)
  MS=$((($(date +%s%N) - t0) / 1000000))
  STATUS=$(grep -oP 'status: \K[A-Z]+' <<<"$OUT" | tail -1)
  [ -n "$STATUS" ] || STATUS=$(grep -q 'connection refused' <<<"$OUT" && echo CONNREFUSED || echo NOREPLY)
  FLAGS=" $(grep -oP ';; flags: \K[a-z ]+' <<<"$OUT" | tail -1) "
  EDE=$(grep -oP '^; EDE: \K[0-9]+' <<<"$OUT" | head -1)
  ANS=$(awk '/^;; ANSWER SECTION:/ { a = 1; next } /^$/ { a = 0 } a' <<<"$OUT")
}

# expect DESC STATUS [flag...] [-flag...] [ede=N|ede=] [ans=REGEX]
expect() {
  local desc=$1 want=$2 ok=1 why="" c
  shift 2
  [ "$STATUS" = "$want" ] || { ok=0; why+=" status=$STATUS(want $want)"; }
  for c in "$@"; do
    case "$c" in
      ede=) [ -z "$EDE" ] || { ok=0; why+=" ede=$EDE(want none)"; } ;;
      ede=*) [ "$EDE" = "${c#ede=}" ] || { ok=0; why+=" ede=${EDE:-none}(want ${c#ede=})"; } ;;
      ans=*) grep -qE -- "${c#ans=}" <<<"$ANS" || { ok=0; why+=" answer lacks /${c#ans=}/"; } ;;
      noans) [ -z "$ANS" ] || { ok=0; why+=" unexpected answer"; } ;;
      -*) [[ "$FLAGS" != *" ${c#-} "* ]] || { ok=0; why+=" flag ${c#-} set"; } ;;
      *) [[ "$FLAGS" == *" $c "* ]] || { ok=0; why+=" flag $c missing"; } ;;
    esac
  done
  local summary="$STATUS flags:[$(xargs <<<"$FLAGS")]${EDE:+ EDE $EDE} ${MS}ms"
  if [ "$ok" = 1 ]; then pass "$desc -> $summary"; else fail "$desc -> $summary:$why"; fi
}

serial_of() { dig +norec +short +tries=1 +time=2 @"$1" "$2" SOA | awk '{ print $3 }'; }

echo "== authoritative servers"
q +norec @127.53.0.1 . SOA; expect "root 127.53.0.1 . SOA" NOERROR aa
q +norec +dnssec @127.53.0.1 . DNSKEY; expect "root . DNSKEY signed" NOERROR aa "ans=RRSIG"
q +norec +dnssec @127.53.0.1 www.ok.test; expect "root refers www.ok.test to test." NOERROR -aa noans
grep -q 'test\..*DS' <<<"$OUT" && pass "root has DS for test." || fail "root has no DS for test."
q +norec @127.53.1.1 test. SOA; expect "test. 127.53.1.1 SOA" NOERROR aa
for z in ok expired future dsmismatch unsigneds; do
  q +norec @127.53.1.1 $z.test DS; expect "test. has DS for $z.test" NOERROR aa "ans=DS"
done
for z in lame partial unreachable serial update; do
  q +norec @127.53.1.1 $z.test DS; expect "test. has no DS for $z.test (insecure delegation)" NOERROR aa noans
done

for s in 127.53.2.1 127.53.2.2; do
  q +norec @$s www.ok.test A; expect "ok.test @$s www A" NOERROR aa "ans=192\.0\.2\.10"
  q +norec @$s www.ok.test AAAA; expect "ok.test @$s www AAAA" NOERROR aa "ans=2001:db8::10"
  q +norec @$s www.ok.test HTTPS; expect "ok.test @$s www HTTPS" NOERROR aa "ans=HTTPS"
  q +norec @$s ok.test MX; expect "ok.test @$s MX" NOERROR aa "ans=MX.*mail\.ok\.test"
  q +norec @$s ok.test TXT; expect "ok.test @$s TXT" NOERROR aa "ans=v=spf1 -all"
  q +norec @$s ok.test CAA; expect "ok.test @$s CAA" NOERROR aa "ans=CAA"
  q +norec @$s _sip._udp.ok.test SRV; expect "ok.test @$s SRV" NOERROR aa "ans=SRV"
  q +norec @$s alias.ok.test A; expect "ok.test @$s alias CNAME" NOERROR aa "ans=CNAME"
  q +norec @$s v4only.ok.test AAAA; expect "ok.test @$s v4only AAAA (NODATA)" NOERROR aa noans
  q +norec @$s nope.ok.test A; expect "ok.test @$s nope (NXDOMAIN)" NXDOMAIN aa
  q +norec +ignore @$s big.ok.test TXT; expect "ok.test @$s big TXT over UDP/1232 truncated" NOERROR aa tc
  q +norec +tcp @$s big.ok.test TXT; expect "ok.test @$s big TXT over TCP" NOERROR aa "ans=big-6"
done
a=$(serial_of 127.53.2.1 ok.test) b=$(serial_of 127.53.2.2 ok.test)
[ -n "$a" ] && [ "$a" = "$b" ] && pass "ok.test serials equal ($a = $b)" || fail "ok.test serials differ ($a vs $b)"

for s in 127.53.3.1 127.53.3.2; do
  q +norec @$s lame.test SOA; expect "lame.test @$s answers REFUSED" REFUSED -aa
done
q +norec @127.53.4.1 www.partial.test; expect "partial.test @127.53.4.1 serves" NOERROR aa "ans=192\.0\.2\.50"
for s in 127.53.4.2 127.53.5.1 127.53.5.2; do
  q +norec @$s partial.test SOA; expect "$s: nothing listens" CONNREFUSED
done
q +norec +dnssec @127.53.6.1 expired.test DNSKEY
expect "expired.test DNSKEY signed until 2020" NOERROR aa "ans=RRSIG.*DNSKEY 13 2 300 20200201000000 20200101000000"
q +norec +dnssec @127.53.6.2 future.test DNSKEY
expect "future.test DNSKEY signed from 2030" NOERROR aa "ans=RRSIG.*DNSKEY 13 2 300 20300201000000 20300101000000"
q +norec +dnssec @127.53.6.3 dsmismatch.test DNSKEY; expect "dsmismatch.test DNSKEY" NOERROR aa "ans=DNSKEY"
ds_tag=$(dig +norec +short @127.53.1.1 dsmismatch.test DS | awk '{ print $1 }')
if dig +norec +multi @127.53.6.3 dsmismatch.test DNSKEY | grep -q "key id = $ds_tag\b"; then
  fail "dsmismatch.test publishes the key of its DS ($ds_tag)"
else pass "dsmismatch.test has no DNSKEY with the DS key tag $ds_tag"; fi
q +norec +dnssec @127.53.6.4 unsigneds.test DNSKEY; expect "unsigneds.test has no DNSKEY" NOERROR aa noans
q +norec +dnssec @127.53.6.4 www.unsigneds.test A
grep -q RRSIG <<<"$OUT" && fail "unsigneds.test answer carries RRSIGs" || pass "unsigneds.test answers without RRSIG"
a=$(serial_of 127.53.7.1 serial.test) b=$(serial_of 127.53.7.2 serial.test)
[ "$a" = 2026010101 ] && [ "$b" = 2026010105 ] && pass "serial.test serials differ ($a vs $b)" || fail "serial.test serials: $a vs $b"

upd() { # upd KEYSPEC RR -> prints "STATUS TSIGERROR"
  local out
  out=$(printf 'server 127.53.8.1\nzone update.test\nupdate %s\nsend\n' "$2" | nsupdate -d ${1:+-y "$1"} 2>&1)
  printf '%s %s\n' "$(grep -oP 'status: \K[A-Z]+' <<<"$out" | tail -1)" \
    "$(grep -A1 'TSIG PSEUDOSECTION' <<<"$out" | tail -1 | awk '{ print $(NF - 1) }')"
}
r=$(upd "hmac-sha256:lab-key.:$SECRET" "add verify.update.test. 60 A 192.0.2.99")
[ "${r%% *}" = NOERROR ] && pass "UPDATE with lab-key. -> $r" || fail "UPDATE with lab-key. -> $r"
q +norec @127.53.8.1 verify.update.test; expect "update.test has the added record" NOERROR aa "ans=192\.0\.2\.99"
upd "hmac-sha256:lab-key.:$SECRET" "delete verify.update.test. A" >/dev/null
r=$(upd "hmac-sha256:lab-key.:$(printf 'wrong-secret-wrong-secret-123456' | base64)" "add x.update.test. 60 A 192.0.2.98")
[ "$r" = "NOTAUTH BADSIG" ] && pass "UPDATE with wrong secret -> $r" || fail "UPDATE with wrong secret -> $r"
r=$(upd "hmac-sha256:other-key.:$SECRET" "add x.update.test. 60 A 192.0.2.98")
[ "$r" = "NOTAUTH BADKEY" ] && pass "UPDATE with unknown key -> $r" || fail "UPDATE with unknown key -> $r"
r=$(upd "" "add x.update.test. 60 A 192.0.2.98")
[ "${r%% *}" = REFUSED ] && pass "UPDATE without TSIG -> $r" || fail "UPDATE without TSIG -> $r"

echo "== resolvers (caches flushed first)"
"$HERE/lab.sh" flush "$DIR" || fail "lab.sh flush failed"
# name type | validating 1st | validating 2nd | +cd | plain
while read -r name type v1 v2 cd plain; do
  [ -n "$name" ] || continue
  for pass_no in 1 2; do
    spec=$([ $pass_no = 1 ] && echo "$v1" || echo "$v2")
    q @$VAL "$name" "$type"
    st=${spec%%/*}
    args=()
    case "$spec" in */ad*) args+=(ad) ;; *) args+=(-ad) ;; esac
    case "$spec" in */ede*) args+=("ede=${spec##*ede}") ;; *) args+=("ede=") ;; esac
    expect "validating #$pass_no $name $type" "$st" "${args[@]}"
  done
  q @$VAL +cd "$name" "$type"; expect "validating +cd $name $type" "$cd"
  q @$PLAIN "$name" "$type"; expect "plain $name $type" "$plain" -ad
done <<'EOF'
www.ok.test          A     NOERROR/ad         NOERROR/ad         NOERROR  NOERROR
v4only.ok.test       AAAA  NOERROR/ad         NOERROR/ad         NOERROR  NOERROR
nope.ok.test         A     NXDOMAIN/ad        NXDOMAIN/ad        NXDOMAIN NXDOMAIN
big.ok.test          TXT   NOERROR/ad         NOERROR/ad         NOERROR  NOERROR
www.lame.test        A     SERVFAIL           SERVFAIL           SERVFAIL SERVFAIL
www.partial.test     A     NOERROR            NOERROR            NOERROR  NOERROR
www.unreachable.test A     SERVFAIL           SERVFAIL           SERVFAIL SERVFAIL
www.expired.test     A     SERVFAIL/ede7      SERVFAIL/ede6      NOERROR  NOERROR
www.future.test      A     SERVFAIL/ede8      SERVFAIL/ede6      NOERROR  NOERROR
www.dsmismatch.test  A     SERVFAIL/ede9      SERVFAIL/ede6      NOERROR  NOERROR
www.unsigneds.test   A     SERVFAIL/ede9      SERVFAIL/ede6      NOERROR  NOERROR
www.serial.test      A     NOERROR            NOERROR            NOERROR  NOERROR
www.update.test      A     NOERROR            NOERROR            NOERROR  NOERROR
EOF
q +ignore @$VAL big.ok.test TXT; expect "validating big TXT over UDP truncated" NOERROR tc

echo
if [ "$FAILS" -eq 0 ]; then echo "all checks passed"; else echo "$FAILS check(s) FAILED"; exit 1; fi
