#!/usr/bin/env bash
# Real-server DNS test lab: a self-contained, DNSSEC-signed ".test" world on loopback.
#
#   lab.sh start DIR    build everything fresh under DIR, start the servers, write DIR/lab.json
#   lab.sh stop DIR     stop exactly what `start DIR` started, remove the loopback addresses it added
#   lab.sh status DIR   show which lab processes are alive
#   lab.sh flush DIR    empty both resolvers' caches
#
# Needs root (port 53, `ip addr add ... dev lo`). Only loopback traffic (127.53.0.0/16).
# See README.md next to this file for the map and the observed results.
set -Eeuo pipefail

PROG=lab.sh
trap '[ "$BASH_SUBSHELL" -eq 0 ] && printf "%s: ERROR: command failed (line %s): %s\n" "$PROG" "$LINENO" "$BASH_COMMAND" >&2' ERR
log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: ERROR: %s\n' "$PROG" "$*" >&2; exit 1; }

usage() {
  cat >&2 <<EOF
usage: $PROG start DIR | stop DIR | status DIR | flush DIR
  start   build the lab under DIR and start it (stops a lab already running there)
  stop    stop it and remove the loopback addresses it added
  status  list the lab's servers and whether they run
  flush   empty both resolvers' caches (to see first-query behaviour again)
EOF
  exit 2
}

# ---------------------------------------------------------------------------------------------
# The map. Addresses we listen on (and add to lo). 127.53.4.2, 127.53.5.1 and 127.53.5.2 are
# deliberately NOT here: nothing may listen there (partial.test / unreachable.test).
# ---------------------------------------------------------------------------------------------
A_ROOT=127.53.0.1
A_TLD=127.53.1.1
A_OK1=127.53.2.1        # nsd   ok.test
A_OK2=127.53.2.2        # named ok.test (same signed file, same serial)
A_LAME1=127.53.3.1      # named, view without zones -> REFUSED
A_LAME2=127.53.3.2
A_PARTIAL1=127.53.4.1   # nsd partial.test
A_PARTIAL2=127.53.4.2   # nothing
A_UNREACH1=127.53.5.1   # nothing
A_UNREACH2=127.53.5.2   # nothing
A_EXPIRED=127.53.6.1    # nsd (shared instance 127.53.6.1-4)
A_FUTURE=127.53.6.2
A_DSMISMATCH=127.53.6.3
A_UNSIGNEDS=127.53.6.4
A_SERIAL1=127.53.7.1    # nsd   serial.test 2026010101
A_SERIAL2=127.53.7.2    # named serial.test 2026010105
A_UPDATE=127.53.8.1     # named update.test (TSIG lab-key.)
A_VALIDATING=127.53.0.53
A_PLAIN=127.53.0.54

LISTEN_ADDRS=("$A_ROOT" "$A_TLD" "$A_OK1" "$A_OK2" "$A_LAME1" "$A_LAME2" "$A_PARTIAL1"
  "$A_EXPIRED" "$A_FUTURE" "$A_DSMISMATCH" "$A_UNSIGNEDS" "$A_SERIAL1" "$A_SERIAL2"
  "$A_UPDATE" "$A_VALIDATING" "$A_PLAIN")

SERIAL=2026010101
SERIAL_OTHER=2026010105
ALG=ECDSAP256SHA256
TSIG_NAME=lab-key.
TSIG_ALG=hmac-sha256

# Things `start` creates inside DIR (and the only things it ever deletes there).
OWNED=(.dnslab lab.json keys zones run knot-root knot-tld nsd-ok nsd-partial nsd-dnssec nsd-serial
  named unbound-validating unbound-plain)

# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
need_root() { [ "$(id -u)" -eq 0 ] || die "must run as root (binds port 53 and adds addresses to lo)"; }

ensure_packages() {
  local -A pkg_of=(
    [knotd]=knot [knotc]=knot [nsd]=nsd [nsd-checkconf]=nsd [named]=bind9
    [named-checkconf]=bind9-utils [dnssec-keygen]=bind9-utils [dnssec-signzone]=bind9-utils
    [dnssec-dsfromkey]=bind9-utils [dig]=bind9-dnsutils [nsupdate]=bind9-dnsutils
    [unbound]=unbound [unbound-checkconf]=unbound [unbound-control]=unbound
    [ip]=iproute2 [ss]=iproute2 [pgrep]=procps [base64]=coreutils [realpath]=coreutils
  )
  local missing=() cmd
  for cmd in "${!pkg_of[@]}"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("${pkg_of[$cmd]}")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  log "installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || die "apt-get update failed"
  apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
}

# alive PID: the process exists and is not a zombie (no init may be reaping here)
alive() {
  local st
  st=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null || true)
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# proc_is_ours PID: the process is a server of this lab (started with a configuration in DIR).
proc_is_ours() { [ "$(lab_dir_of "$1")" = "$DIR" ]; }

# lab_dir_of PID: the DIR of a server started by some lab (this one or another), else empty.
lab_dir_of() {
  local cmd
  cmd=$( { tr '\0' '\n' <"/proc/$1/cmdline"; } 2>/dev/null) || return 0
  grep -oE '^/.*/(knot-root|knot-tld|nsd-[a-z]+|named|unbound-[a-z]+)/(knot|nsd|named|unbound)\.conf$' <<<"$cmd" |
    head -1 | sed -E 's#/[^/]+/[^/]+$##' || true
}

# All (pid, local address) pairs listening on port 53, UDP and TCP.
port53_listeners() {
  { ss -H -lnup 2>/dev/null; ss -H -lntp 2>/dev/null; } |
    awk '{ print $4, $0 }' | while read -r laddr rest; do
      case "$laddr" in *:53) ;; *) continue ;; esac
      local pids
      pids=$(grep -o 'pid=[0-9]*' <<<"$rest" | cut -d= -f2 | sort -u)
      for p in $pids; do printf '%s %s\n' "$p" "${laddr%:53}"; done
    done
}

conflicting_addr() { # does a listener on ADDR:53 conflict with the lab?
  case "$1" in
    0.0.0.0 | '*' | '[::]' | '[::ffff:0.0.0.0]') return 0 ;;
    127.53.*) return 0 ;;
    *) return 1 ;;
  esac
}

# stop_daemon PID COMM WHY: stop a distribution daemon (service manager first, then the pid)
stop_daemon() {
  local pid=$1 comm=$2 unit
  case "$comm" in
    named) unit=named ;; unbound) unit=unbound ;; knotd) unit=knot ;; nsd*) unit=nsd ;;
    *) unit="" ;;
  esac
  log "stopping the distribution's $comm (pid $pid): $3"
  # With systemd, stop the unit (or it may restart the daemon). Without it, signal the pid:
  # init scripts (start-stop-daemon --retry) wait for 30 s when nothing reaps the daemon.
  if [ -n "$unit" ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl stop "$unit" >/dev/null 2>&1 || { [ "$unit" = named ] && systemctl stop bind9 >/dev/null 2>&1; } || true
  fi
  if alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  for _ in $(seq 50); do alive "$pid" || break; sleep 0.1; done
  if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  sleep 0.2 # let forked helpers (nsd's) go too
}

# Stop the distribution's own daemons if (and only if) they are running and in the way:
# anything of knotd/nsd/named/unbound on port 53 of a wildcard or 127.53.x.y address, and any
# foreign named at all (it scans interfaces and would grab the addresses we add).
stop_conflicting_daemons() {
  local round pid addr comm other found
  for round in 1 2 3 4 5 6; do
    found=0
    while read -r pid addr; do
      [ -n "$pid" ] || continue
      alive "$pid" || continue
      proc_is_ours "$pid" && continue
      conflicting_addr "$addr" || continue
      comm=$(cat "/proc/$pid/comm" 2>/dev/null || echo '?')
      other=$(lab_dir_of "$pid")
      [ -z "$other" ] || die "$addr:53 is held by pid $pid ($comm) of another lab in $other; run '$0 stop $other' first"
      case "$comm" in
        knotd | nsd* | named | unbound) ;;
        *) die "$addr:53 is held by pid $pid ($comm), which is not a DNS server this script manages; stop it first" ;;
      esac
      stop_daemon "$pid" "$comm" "it listens on $addr:53"
      found=1
      break
    done < <(port53_listeners)
    [ "$found" = 1 ] && continue
    for pid in $(pgrep -x named 2>/dev/null || true); do
      alive "$pid" || continue
      proc_is_ours "$pid" && continue
      [ -z "$(lab_dir_of "$pid")" ] || continue # another lab's named binds its own addresses only
      stop_daemon "$pid" named "it would bind the lab's loopback addresses"
      found=1
      break
    done
    [ "$found" = 1 ] || return 0
  done
  die "could not stop the DNS daemons that hold port 53"
}

check_addresses_free() {
  local pid addr
  while read -r pid addr; do
    [ -n "$pid" ] || continue
    conflicting_addr "$addr" || continue
    die "$addr:53 is already in use by pid $pid ($(cat /proc/"$pid"/comm 2>/dev/null || echo '?'): $(tr '\0' ' ' </proc/"$pid"/cmdline 2>/dev/null | cut -c1-120)). Another lab? Run '$PROG stop <its DIR>' or stop that process."
  done < <(port53_listeners)
}

# lo_has ADDR: ADDR/32 is configured on lo (no `ip | grep -q`: with pipefail, SIGPIPE lies)
lo_has() {
  local all
  all=$(ip -4 -o addr show dev lo)
  grep -qw "inet $1/32" <<<"$all"
}

add_addresses() {
  local a
  : >"$DIR/run/addrs"
  for a in "${LISTEN_ADDRS[@]}"; do
    if lo_has "$a"; then
      continue # already there (not ours): leave it alone
    fi
    ip addr add "$a/32" dev lo || die "cannot add $a/32 to lo (need root / CAP_NET_ADMIN)"
    echo "$a" >>"$DIR/run/addrs"
  done
}

remove_addresses() {
  local f="$DIR/run/addrs" a
  [ -f "$f" ] || return 0
  while read -r a; do
    [ -n "$a" ] || continue
    if lo_has "$a"; then
      ip addr del "$a/32" dev lo 2>/dev/null || log "warning: could not remove $a/32 from lo"
    fi
  done <"$f"
  rm -f "$f"
}

# sock_of NAME: control socket of a server (short: unix socket paths are limited to 107 bytes)
sock_of() {
  case "$1" in
    knot-root) echo "$DIR/run/kr.sock" ;; knot-tld) echo "$DIR/run/kt.sock" ;;
    unbound-validating) echo "$DIR/run/uv.sock" ;; unbound-plain) echo "$DIR/run/up.sock" ;;
    *) die "no control socket for $1" ;;
  esac
}

# register NAME PIDFILE LOGFILE CONF: remember a started server (one line per server).
register() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$DIR/run/servers"; }

# server_running CONF: some live process was started with this configuration file
server_running() {
  local p cmd
  for p in $(pgrep knotd || true; pgrep '^nsd' || true; pgrep named || true; pgrep unbound || true); do
    alive "$p" || continue
    cmd=$( { tr '\0' '\n' <"/proc/$p/cmdline"; } 2>/dev/null || true)
    grep -qxF -- "$1" <<<"$cmd" && return 0
  done
  return 1
}

# ---------------------------------------------------------------------------------------------
# stop
# ---------------------------------------------------------------------------------------------
do_stop() {
  local f="$DIR/run/servers" name pidfile logf pid pids=() left
  if [ -f "$f" ]; then
    while IFS=$'\t' read -r name pidfile logf _conf; do
      [ -n "$name" ] || continue
      [ -s "$pidfile" ] || continue
      pid=$(tr -dc '0-9' <"$pidfile")
      [ -n "$pid" ] || continue
      if alive "$pid" && proc_is_ours "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        pids+=("$pid")
      fi
    done <"$f"
  fi
  # wait up to 5 s, then KILL what is left
  for _ in $(seq 50); do
    left=0
    for pid in "${pids[@]}"; do alive "$pid" && proc_is_ours "$pid" && left=1; done
    [ "$left" -eq 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    if alive "$pid" && proc_is_ours "$pid"; then
      log "warning: pid $pid did not stop on TERM, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  # Forked helpers of the servers above (nsd's server/xfrd children) die with their parent;
  # make sure nothing started with this lab's configuration survived.
  for _ in $(seq 20); do
    left=""
    for p in /proc/[0-9]*; do
      pid=${p#/proc/}
      [ "$pid" = "$$" ] && continue
      # nsd renames its processes ("nsd: main", "nsd: xfrd", "nsd: server 1")
      case "$(cat "$p/comm" 2>/dev/null || true)" in knotd | nsd* | named | unbound) ;; *) continue ;; esac
      proc_is_ours "$pid" && left="$left $pid"
    done
    [ -z "$left" ] && break
    sleep 0.1
  done
  if [ -n "$left" ]; then
    log "warning: leftover lab processes$left, killing them"
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
  fi
  [ -f "$f" ] && rm -f "$f"
  rm -f "$DIR"/run/*.sock 2>/dev/null || true
  remove_addresses
}

# ---------------------------------------------------------------------------------------------
# zones and keys
# ---------------------------------------------------------------------------------------------
Z= # zones dir
K= # keys dir

soa() { # soa ZONE SERIAL [NSNAME]
  local zone=$1 serial=$2 ns=${3:-ns1.$1.}
  printf '$TTL 300\n@ IN SOA %s hostmaster.%s. %s 1800 900 604800 60\n' "$ns" "${zone%.}" "$serial"
}

# keygen ZONE KEYDIR -> creates a KSK and a ZSK, prints nothing
keygen() {
  local zone=$1 kd=$2
  mkdir -p "$kd"
  dnssec-keygen -q -K "$kd" -a "$ALG" -f KSK -L 300 -n ZONE "$zone" >/dev/null
  dnssec-keygen -q -K "$kd" -a "$ALG" -L 300 -n ZONE "$zone" >/dev/null
}

# ds_of KEYDIR -> DS record(s) (SHA-256) for the KSK(s) in KEYDIR
ds_of() {
  local kd=$1 f
  for f in "$kd"/K*.key; do
    if grep -q ' 257 ' "$f"; then dnssec-dsfromkey -2 -T 300 "$f"; fi
  done
}

# sign ZONE KEYDIR IN OUT [START END]: smart-sign with the keys in KEYDIR (NSEC, serial kept)
sign() {
  local zone=$1 kd=$2 in=$3 out=$4 start=${5:-} end=${6:-} extra=()
  # broken validity windows: explicit times, and skip the post-signing self-check (-P)
  if [ -n "$start" ]; then extra=(-s "$start" -e "$end" -P); fi
  dnssec-signzone -q -S -K "$kd" -d "$kd" -o "$zone" -N keep "${extra[@]}" \
    -f "$out" "$in" >/dev/null 2>"$kd/signzone.err" \
    || { cat "$kd/signzone.err" >&2; die "dnssec-signzone failed for $zone"; }
}

build_zones() {
  Z=$DIR/zones K=$DIR/keys
  mkdir -p "$Z" "$K"
  local n i big

  # --- ok.test: healthy, signed, two authoritatives, same serial -------------------------------
  big=""
  for i in 1 2 3 4 5 6; do
    big+="big TXT \"big-$i-$(printf 'x%.0s' $(seq 240))\""$'\n'
  done
  {
    soa ok.test $SERIAL
    cat <<EOF
@       NS    ns1.ok.test.
@       NS    ns2.ok.test.
@       MX    10 mail.ok.test.
@       TXT   "v=spf1 -all"
@       CAA   0 issue "ca.example.net"
@       CAA   0 iodef "mailto:security@ok.test"
ns1     A     $A_OK1
ns2     A     $A_OK2
www     A     192.0.2.10
www     AAAA  2001:db8::10
www     HTTPS 1 . alpn="h2,h3" ipv4hint=192.0.2.10 ipv6hint=2001:db8::10
mail    A     192.0.2.25
alias   CNAME www.ok.test.
_sip._udp SRV 10 60 5060 sip.ok.test.
sip     A     192.0.2.30
v4only  A     192.0.2.40
$big
EOF
  } >"$Z/ok.test.zone"
  keygen ok.test "$K/ok.test"
  sign ok.test "$K/ok.test" "$Z/ok.test.zone" "$Z/ok.test.signed"

  # --- partial.test, serial.test (two serials), update.test: unsigned --------------------------
  {
    soa partial.test $SERIAL
    printf '@ NS ns1.partial.test.\n@ NS ns2.partial.test.\nns1 A %s\nns2 A %s\nwww A 192.0.2.50\n' \
      "$A_PARTIAL1" "$A_PARTIAL2"
  } >"$Z/partial.test.zone"
  for n in 1 2; do
    {
      if [ "$n" = 1 ]; then soa serial.test $SERIAL; else soa serial.test $SERIAL_OTHER; fi
      printf '@ NS ns1.serial.test.\n@ NS ns2.serial.test.\nns1 A %s\nns2 A %s\nwww A 192.0.2.70\n' \
        "$A_SERIAL1" "$A_SERIAL2"
    } >"$Z/serial.test.v$n.zone"
  done
  {
    soa update.test $SERIAL
    printf '@ NS ns1.update.test.\nns1 A %s\nwww A 192.0.2.80\n' "$A_UPDATE"
  } >"$Z/update.test.zone"
  # Zones of lame.test and unreachable.test as they "should" be; no server loads them.
  {
    soa lame.test $SERIAL
    printf '@ NS ns1.lame.test.\n@ NS ns2.lame.test.\nns1 A %s\nns2 A %s\nwww A 192.0.2.30\n' "$A_LAME1" "$A_LAME2"
  } >"$Z/lame.test.zone.not-served"
  {
    soa unreachable.test $SERIAL
    printf '@ NS ns1.unreachable.test.\n@ NS ns2.unreachable.test.\nns1 A %s\nns2 A %s\nwww A 192.0.2.55\n' \
      "$A_UNREACH1" "$A_UNREACH2"
  } >"$Z/unreachable.test.zone.not-served"

  # --- broken DNSSEC zones ----------------------------------------------------------------------
  local z addr
  for z in expired future dsmismatch unsigneds; do
    case $z in
      expired) addr=$A_EXPIRED ;; future) addr=$A_FUTURE ;;
      dsmismatch) addr=$A_DSMISMATCH ;; unsigneds) addr=$A_UNSIGNEDS ;;
    esac
    {
      soa $z.test $SERIAL
      printf '@ NS ns1.%s.test.\nns1 A %s\nwww A 192.0.2.6%s\n' "$z" "$addr" \
        "$(case $z in expired) echo 1 ;; future) echo 2 ;; dsmismatch) echo 3 ;; *) echo 4 ;; esac)"
    } >"$Z/$z.test.zone"
  done
  keygen expired.test "$K/expired.test"
  sign expired.test "$K/expired.test" "$Z/expired.test.zone" "$Z/expired.test.signed" 20200101000000 20200201000000
  keygen future.test "$K/future.test"
  sign future.test "$K/future.test" "$Z/future.test.zone" "$Z/future.test.signed" 20300101000000 20300201000000
  keygen dsmismatch.test "$K/dsmismatch.test"
  sign dsmismatch.test "$K/dsmismatch.test" "$Z/dsmismatch.test.zone" "$Z/dsmismatch.test.signed"
  # the DS published in test. comes from a KSK that dsmismatch.test never publishes
  keygen dsmismatch.test "$K/dsmismatch.test.unpublished"
  # unsigneds.test: a key exists only to make a DS; the zone is served unsigned
  keygen unsigneds.test "$K/unsigneds.test.unpublished"

  # --- test. --------------------------------------------------------------------------------------
  {
    soa test. $SERIAL ns1.nic.test.
    cat <<EOF
@                   NS  ns1.nic.test.
ns1.nic             A   $A_TLD
a.root-servers      A   $A_ROOT
ok                  NS  ns1.ok.test.
ok                  NS  ns2.ok.test.
ns1.ok              A   $A_OK1
ns2.ok              A   $A_OK2
lame                NS  ns1.lame.test.
lame                NS  ns2.lame.test.
ns1.lame            A   $A_LAME1
ns2.lame            A   $A_LAME2
partial             NS  ns1.partial.test.
partial             NS  ns2.partial.test.
ns1.partial         A   $A_PARTIAL1
ns2.partial         A   $A_PARTIAL2
unreachable         NS  ns1.unreachable.test.
unreachable         NS  ns2.unreachable.test.
ns1.unreachable     A   $A_UNREACH1
ns2.unreachable     A   $A_UNREACH2
expired             NS  ns1.expired.test.
ns1.expired         A   $A_EXPIRED
future              NS  ns1.future.test.
ns1.future          A   $A_FUTURE
dsmismatch          NS  ns1.dsmismatch.test.
ns1.dsmismatch      A   $A_DSMISMATCH
unsigneds           NS  ns1.unsigneds.test.
ns1.unsigneds       A   $A_UNSIGNEDS
serial              NS  ns1.serial.test.
serial              NS  ns2.serial.test.
ns1.serial          A   $A_SERIAL1
ns2.serial          A   $A_SERIAL2
update              NS  ns1.update.test.
ns1.update          A   $A_UPDATE
EOF
    ds_of "$K/ok.test"
    ds_of "$K/expired.test"
    ds_of "$K/future.test"
    ds_of "$K/dsmismatch.test.unpublished"
    ds_of "$K/unsigneds.test.unpublished"
  } >"$Z/test.zone"
  keygen test "$K/test"
  sign test "$K/test" "$Z/test.zone" "$Z/test.signed"

  # --- root ---------------------------------------------------------------------------------------
  {
    printf '$TTL 3600\n@ IN SOA a.root-servers.test. hostmaster.nic.test. %s 1800 900 604800 60\n' $SERIAL
    cat <<EOF
@                     NS  a.root-servers.test.
test.                 NS  ns1.nic.test.
a.root-servers.test.  A   $A_ROOT
ns1.nic.test.         A   $A_TLD
EOF
    ds_of "$K/test"
  } >"$Z/root.zone"
  keygen . "$K/root"
  sign . "$K/root" "$Z/root.zone" "$Z/root.signed"
  ds_of "$K/root" >"$K/root.ds"
}

# ---------------------------------------------------------------------------------------------
# servers
# ---------------------------------------------------------------------------------------------
start_knot() { # start_knot NAME ADDR ZONE FILE
  local name=$1 addr=$2 zone=$3 file=$4 d=$DIR/$1
  mkdir -p "$d/db"
  cat >"$d/knot.conf" <<EOF
server:
    rundir: "$d"
    pidfile: "$d/knot.pid"
    user: root:root
    listen: $addr@53
    identity: "$name"
    udp-workers: 1
    tcp-workers: 1
    background-workers: 1
log:
  - target: "$d/knot.log"
    any: info
database:
    storage: "$d/db"
control:
    listen: "$(sock_of "$name")"
template:
  - id: default
    storage: "$d"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
    semantic-checks: off
zone:
  - domain: "$zone"
    file: "$file"
EOF
  knotc -c "$d/knot.conf" conf-check >/dev/null 2>"$d/conf-check.err" \
    || { cat "$d/conf-check.err" >&2; die "$name: bad knot configuration"; }
  register "$name" "$d/knot.pid" "$d/knot.log" "$d/knot.conf"
  knotd -c "$d/knot.conf" -d >>"$d/knot.log" 2>&1 || die "$name: knotd failed to start (see $d/knot.log)"
}

start_nsd() { # start_nsd NAME "ADDR..." ZONE=FILE...
  local name=$1 addrs=$2 d=$DIR/$1 a zf
  shift 2
  mkdir -p "$d"
  {
    cat <<EOF
server:
    server-count: 1
    port: 53
    do-ip6: no
    username: ""
    chroot: ""
    database: ""
    zonesdir: "$d"
    zonelistfile: "$d/zone.list"
    xfrdfile: "$d/xfrd.state"
    xfrdir: "$d"
    pidfile: "$d/nsd.pid"
    logfile: "$d/nsd.log"
    identity: "$name"
    verbosity: 1
    refuse-any: no
EOF
    for a in $addrs; do printf '    ip-address: %s\n' "$a"; done
    printf 'remote-control:\n    control-enable: no\n'
    for zf in "$@"; do
      printf 'zone:\n    name: "%s"\n    zonefile: "%s"\n' "${zf%%=*}" "${zf#*=}"
    done
  } >"$d/nsd.conf"
  nsd-checkconf "$d/nsd.conf" 2>"$d/conf-check.err" || { cat "$d/conf-check.err" >&2; die "$name: bad nsd configuration"; }
  register "$name" "$d/nsd.pid" "$d/nsd.log" "$d/nsd.conf"
  nsd -c "$d/nsd.conf" >>"$d/nsd.log" 2>&1 || { tail -5 "$d/nsd.log" >&2; die "$name: nsd failed to start (see $d/nsd.log)"; }
}

start_named() {
  local d=$DIR/named
  mkdir -p "$d"
  cp "$Z/ok.test.signed" "$d/ok.test.signed"
  cp "$Z/serial.test.v2.zone" "$d/serial.test.zone"
  cp "$Z/update.test.zone" "$d/update.test.zone"
  cat >"$d/named.conf" <<EOF
// One BIND, four roles; each view answers on its own addresses only.
options {
    directory "$d";
    pid-file "$d/named.pid";
    session-keyfile "$d/session.key";
    managed-keys-directory "$d";
    dump-file "$d/named_dump.db";
    statistics-file "$d/named.stats";
    listen-on port 53 { $A_OK2; $A_LAME1; $A_LAME2; $A_SERIAL2; $A_UPDATE; };
    listen-on-v6 { none; };
    automatic-interface-scan no;
    recursion no;
    dnssec-validation no;
    notify no;
    allow-transfer { 127.0.0.0/8; };
    version "lab";
};
controls { };
key "$TSIG_NAME" {
    algorithm $TSIG_ALG;
    secret "$TSIG_SECRET";
};
logging {
    channel lab { file "$d/named.log"; severity info; print-time yes; print-category yes; };
    category default { lab; };
    category lame-servers { null; };
};
view "ok" {
    match-destinations { $A_OK2; };
    zone "ok.test" { type primary; file "ok.test.signed"; };
};
view "lame" {
    // no zones at all: every query is answered REFUSED
    match-destinations { $A_LAME1; $A_LAME2; };
};
view "serial" {
    match-destinations { $A_SERIAL2; };
    zone "serial.test" { type primary; file "serial.test.zone"; };
};
view "update" {
    match-destinations { $A_UPDATE; };
    zone "update.test" { type primary; file "update.test.zone"; allow-update { key "$TSIG_NAME"; }; };
};
EOF
  named-checkconf "$d/named.conf" >"$d/conf-check.err" 2>&1 || { cat "$d/conf-check.err" >&2; die "named: bad configuration"; }
  register named "$d/named.pid" "$d/named.log" "$d/named.conf"
  named -c "$d/named.conf" -n 1 >>"$d/named.stderr" 2>&1 \
    || { tail -20 "$d/named.log" "$d/named.stderr" >&2 2>/dev/null; die "named failed to start (see $d/named.log)"; }
}

start_unbound() { # start_unbound NAME ADDR validating|plain
  local name=$1 addr=$2 mode=$3 d=$DIR/$1
  mkdir -p "$d"
  printf '.                     3600000 NS a.root-servers.test.\na.root-servers.test.  3600000 A  %s\n' "$A_ROOT" >"$d/root.hints"
  {
    cat <<EOF
server:
    interface: $addr
    port: 53
    do-ip6: no
    do-ip4: yes
    do-udp: yes
    do-tcp: yes
    num-threads: 1
    username: ""
    chroot: ""
    directory: "$d"
    pidfile: "$d/unbound.pid"
    use-syslog: no
    logfile: "$d/unbound.log"
    verbosity: ${LAB_UNBOUND_VERBOSITY:-1}
    log-servfail: yes
    access-control: 127.0.0.0/8 allow
    do-not-query-localhost: no
    root-hints: "$d/root.hints"
    local-zone: "test." nodefault
    qname-minimisation: no
    infra-cache-max-rtt: 1000
    # Debian's 1.17.1-2+deb12u4 drops the reply to any query that needed > 1.9 s of recursion
    # (discard-timeout: 1900). The lab disables that by default so that the first query for a
    # partly/fully unreachable delegation gets its NOERROR/SERVFAIL; LAB_DISCARD_TIMEOUT=1900
    # reproduces the stock behaviour (no reply at all on the first try).
    discard-timeout: ${LAB_DISCARD_TIMEOUT:-0}
    ede: yes
    val-log-level: 2
EOF
    if [ "$mode" = validating ]; then
      cp "$K/root.ds" "$d/root.ds"
      printf '    module-config: "validator iterator"\n    trust-anchor-file: "%s/root.ds"\n' "$d"
    else
      printf '    module-config: "iterator"\n'
    fi
    printf 'remote-control:\n    control-enable: yes\n    control-interface: "%s"\n    control-use-cert: no\n' \
      "$(sock_of "$name")"
  } >"$d/unbound.conf"
  unbound-checkconf "$d/unbound.conf" >"$d/conf-check.err" 2>&1 || { cat "$d/conf-check.err" >&2; die "$name: bad unbound configuration"; }
  register "$name" "$d/unbound.pid" "$d/unbound.log" "$d/unbound.conf"
  unbound -c "$d/unbound.conf" >>"$d/unbound.stderr" 2>&1 \
    || { tail -5 "$d/unbound.log" "$d/unbound.stderr" >&2 2>/dev/null; die "$name: unbound failed to start (see $d/unbound.log)"; }
}

DEADLINE=0
# wait_answer ADDR QNAME SERVER: until ADDR answers (any RCODE) or the shared ~10 s deadline passes;
# fails at once if SERVER's process has died.
wait_answer() {
  local addr=$1 q=$2 server=$3 out logf conf t_seen_dead=0
  logf=$(awk -F'\t' -v n="$server" '$1 == n { print $3 }' "$DIR/run/servers")
  conf=$(awk -F'\t' -v n="$server" '$1 == n { print $4 }' "$DIR/run/servers")
  while :; do
    out=$(dig +tries=1 +time=1 +norec @"$addr" "$q" SOA 2>&1 || true)
    if grep -q 'status: ' <<<"$out"; then return 0; fi
    if ! server_running "$conf"; then
      # knotd -d returns before it has finished starting; give a dying server a moment to be seen
      t_seen_dead=$((t_seen_dead + 1))
    else
      t_seen_dead=0
    fi
    if [ "$t_seen_dead" -ge 5 ] || [ "$(date +%s%N)" -ge "$DEADLINE" ]; then
      if [ "$t_seen_dead" -ge 5 ]; then
        log "$server ($addr) is not running"
      else
        log "no answer from $addr for '$q SOA' within 10 s; last dig output:"
        printf '%s\n' "$out" | tail -3 >&2
      fi
      [ -f "$logf" ] && { log "tail of $logf:"; tail -10 "$logf" >&2; }
      die "$server at $addr did not come up"
    fi
    sleep 0.05
  done
}

json_escape() { sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' <<<"$1"; }

write_json() {
  local jdir
  jdir=$(json_escape "$DIR")
  cat >"$DIR/lab.json.tmp" <<EOF
{
  "dir": "$jdir",
  "root": ["$A_ROOT"],
  "tld": {"name": "test", "servers": ["$A_TLD"], "signed": true, "software": "knot"},
  "resolvers": {"validating": "$A_VALIDATING", "plain": "$A_PLAIN",
    "software": "unbound", "infraCacheMaxRttMs": 1000, "discardTimeoutMs": ${LAB_DISCARD_TIMEOUT:-0},
    "flush": "lab.sh flush $jdir"},
  "tsig": {"name": "$TSIG_NAME", "algorithm": "$TSIG_ALG", "secret": "$TSIG_SECRET"},
  "trustAnchor": "$(tr -s ' \t' ' ' <"$K/root.ds" | head -1)",
  "zones": {
    "ok.test": {"servers": ["$A_OK1", "$A_OK2"], "signed": true, "software": ["nsd", "bind"], "serial": $SERIAL,
      "demonstrates": "healthy signed zone, two authoritatives with the same serial; A/AAAA/MX/TXT/CNAME/SRV/CAA/HTTPS, NODATA (v4only AAAA), NXDOMAIN (nope), truncation (big TXT > 1232 bytes)"},
    "lame.test": {"servers": ["$A_LAME1", "$A_LAME2"], "signed": false, "software": ["bind"],
      "demonstrates": "lame delegation: both NS answer REFUSED for the zone; resolver SERVFAIL"},
    "partial.test": {"servers": ["$A_PARTIAL1", "$A_PARTIAL2"], "signed": false, "software": ["nsd", "none"],
      "goodServers": ["$A_PARTIAL1"], "deadServers": ["$A_PARTIAL2"],
      "demonstrates": "one NS answers, the other has nothing listening (connection refused); resolution works"},
    "unreachable.test": {"servers": ["$A_UNREACH1", "$A_UNREACH2"], "signed": false, "software": ["none", "none"],
      "deadServers": ["$A_UNREACH1", "$A_UNREACH2"],
      "demonstrates": "no NS answers (nothing listening); resolver SERVFAIL"},
    "expired.test": {"servers": ["$A_EXPIRED"], "signed": true, "software": ["nsd"],
      "signatureInception": "20200101000000", "signatureExpiration": "20200201000000",
      "demonstrates": "all RRSIGs expired; validating resolver SERVFAIL (EDE 7), +cd NOERROR"},
    "future.test": {"servers": ["$A_FUTURE"], "signed": true, "software": ["nsd"],
      "signatureInception": "20300101000000", "signatureExpiration": "20300201000000",
      "demonstrates": "RRSIGs not yet valid; validating resolver SERVFAIL (EDE 8), +cd NOERROR"},
    "dsmismatch.test": {"servers": ["$A_DSMISMATCH"], "signed": true, "software": ["nsd"],
      "demonstrates": "DS in test. matches no DNSKEY of the child; validating resolver SERVFAIL (EDE 9), +cd NOERROR"},
    "unsigneds.test": {"servers": ["$A_UNSIGNEDS"], "signed": false, "dsInParent": true, "software": ["nsd"],
      "demonstrates": "zone served unsigned although test. has a DS for it; validating resolver SERVFAIL, +cd NOERROR"},
    "serial.test": {"servers": ["$A_SERIAL1", "$A_SERIAL2"], "signed": false, "software": ["nsd", "bind"],
      "serials": {"$A_SERIAL1": $SERIAL, "$A_SERIAL2": $SERIAL_OTHER},
      "demonstrates": "the two authoritatives serve different SOA serials; resolution works"},
    "update.test": {"servers": ["$A_UPDATE"], "signed": false, "software": ["bind"],
      "demonstrates": "dynamic UPDATE allowed with TSIG lab-key. (hmac-sha256); wrong secret -> NOTAUTH/BADSIG, unknown key -> NOTAUTH/BADKEY, unsigned -> REFUSED"}
  },
  "names": {
    "ok": "www.ok.test",
    "nodata": "v4only.ok.test AAAA",
    "nxdomain": "nope.ok.test",
    "truncated": "big.ok.test TXT",
    "cname": "alias.ok.test",
    "mx": "ok.test MX",
    "srv": "_sip._udp.ok.test SRV",
    "caa": "ok.test CAA",
    "https": "www.ok.test HTTPS",
    "lame": "www.lame.test",
    "partial": "www.partial.test",
    "unreachable": "www.unreachable.test",
    "expired": "www.expired.test",
    "future": "www.future.test",
    "dsmismatch": "www.dsmismatch.test",
    "unsignedWithDs": "www.unsigneds.test",
    "serial": "www.serial.test",
    "update": "www.update.test"
  }
}
EOF
  mv "$DIR/lab.json.tmp" "$DIR/lab.json"
}

do_start() {
  local t0 name
  t0=$(date +%s%N)
  need_root
  ensure_packages
  # knotd and unbound need control sockets under DIR/run; AF_UNIX paths are limited to 107 bytes
  [[ "${LAB_DISCARD_TIMEOUT:-0}" =~ ^[0-9]+$ ]] || die "LAB_DISCARD_TIMEOUT must be a number of milliseconds"
  [ "${#DIR}" -le 90 ] || die "DIR is too long (${#DIR} > 90 characters; control sockets live in DIR/run)"
  mkdir -p "$DIR"
  if [ -e "$DIR/.dnslab" ] || [ -f "$DIR/run/servers" ]; then
    do_stop
  fi
  for name in "${OWNED[@]}"; do rm -rf "${DIR:?}/$name"; done
  mkdir -p "$DIR/run"
  echo "dns lab; managed by $(readlink -f "$0")" >"$DIR/.dnslab"
  : >"$DIR/run/servers"

  STARTING=1
  stop_conflicting_daemons
  check_addresses_free
  add_addresses

  TSIG_SECRET=$(head -c 32 /dev/urandom | base64)
  build_zones

  DEADLINE=$(($(date +%s%N) + 10 * 1000000000))
  start_knot knot-root "$A_ROOT" . "$Z/root.signed"
  start_knot knot-tld "$A_TLD" test. "$Z/test.signed"
  start_nsd nsd-ok "$A_OK1" "ok.test=$Z/ok.test.signed"
  start_nsd nsd-partial "$A_PARTIAL1" "partial.test=$Z/partial.test.zone"
  start_nsd nsd-dnssec "$A_EXPIRED $A_FUTURE $A_DSMISMATCH $A_UNSIGNEDS" \
    "expired.test=$Z/expired.test.signed" "future.test=$Z/future.test.signed" \
    "dsmismatch.test=$Z/dsmismatch.test.signed" "unsigneds.test=$Z/unsigneds.test.zone"
  start_nsd nsd-serial "$A_SERIAL1" "serial.test=$Z/serial.test.v1.zone"
  start_named

  wait_answer "$A_ROOT" . knot-root
  wait_answer "$A_TLD" test. knot-tld
  wait_answer "$A_OK1" ok.test. nsd-ok
  wait_answer "$A_OK2" ok.test. named
  wait_answer "$A_LAME1" lame.test. named
  wait_answer "$A_LAME2" lame.test. named
  wait_answer "$A_PARTIAL1" partial.test. nsd-partial
  wait_answer "$A_EXPIRED" expired.test. nsd-dnssec
  wait_answer "$A_FUTURE" future.test. nsd-dnssec
  wait_answer "$A_DSMISMATCH" dsmismatch.test. nsd-dnssec
  wait_answer "$A_UNSIGNEDS" unsigneds.test. nsd-dnssec
  wait_answer "$A_SERIAL1" serial.test. nsd-serial
  wait_answer "$A_SERIAL2" serial.test. named
  wait_answer "$A_UPDATE" update.test. named

  # resolvers last, so that their first queries find the authoritatives up
  start_unbound unbound-validating "$A_VALIDATING" validating
  start_unbound unbound-plain "$A_PLAIN" plain
  wait_answer "$A_VALIDATING" . unbound-validating
  wait_answer "$A_PLAIN" . unbound-plain

  write_json
  STARTING=0
  log "lab up in $((($(date +%s%N) - t0) / 1000000)) ms: $DIR/lab.json (validating resolver $A_VALIDATING, plain $A_PLAIN)"
}

# Empty the resolvers' caches (answers, keys, bogus and negative entries, server RTT/lameness).
do_flush() {
  local name
  [ -f "$DIR/run/servers" ] || die "no lab running in $DIR"
  for name in unbound-validating unbound-plain; do
    for cmd in "flush_zone ." flush_bogus flush_negative "flush_infra all" flush_requestlist; do
      # shellcheck disable=SC2086
      unbound-control -c "$DIR/$name/unbound.conf" $cmd >/dev/null || die "$name: unbound-control $cmd failed"
    done
  done
}

do_status() {
  local f="$DIR/run/servers" name pidfile logf pid rc=0
  [ -f "$f" ] || { echo "no lab running in $DIR"; return 1; }
  while IFS=$'\t' read -r name pidfile logf _conf; do
    pid=$(tr -dc '0-9' <"$pidfile" 2>/dev/null || true)
    if [ -n "$pid" ] && alive "$pid" && proc_is_ours "$pid"; then
      printf '%-20s pid %-8s running\n' "$name" "$pid"
    else
      printf '%-20s %-12s NOT running (log: %s)\n' "$name" "" "$logf"; rc=1
    fi
  done <"$f"
  return $rc
}

on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ "${STARTING:-0}" = 1 ]; then
    log "start failed; stopping whatever was started (logs stay in $DIR)"
    STARTING=0
    do_stop || true
  fi
  exit "$rc"
}

# ---------------------------------------------------------------------------------------------
[ $# -eq 2 ] || usage
CMD=$1
[ -n "$2" ] || usage
DIR=$(realpath -m -- "$2")
[ "$DIR" != / ] || die "refusing to use / as the lab directory"
export PATH="$PATH:/usr/sbin:/sbin"
STARTING=0
trap on_exit EXIT

case "$CMD" in
  start) do_start ;;
  stop)
    need_root
    [ -d "$DIR" ] || exit 0
    do_stop
    rm -f "$DIR/lab.json"
    ;;
  status) do_status || exit $? ;;
  flush) need_root; do_flush ;;
  *) usage ;;
esac
