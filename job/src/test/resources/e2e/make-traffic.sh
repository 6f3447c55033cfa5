#!/bin/bash
# Makes a small capture of real Linux TCP/HTTP traffic for LiveTrafficEndToEndITCase.
#
#   make-traffic.sh OUT.pcap [LIVE COMMAND...]
#
# Builds three private network namespaces, client <-> router <-> server, joined by veth pairs,
# with documentation addresses only (192.0.2.0/24, 198.51.100.0/24, 2001:db8::/32). The client
# link has MTU 1492 (DSL-like), the router adds one hop. A tiny Python HTTP server (with a Server
# and a Date header) listens dual-stack in the server namespace; tcpdump captures on the server's
# interface while curl, Python urllib and wget (when present) fetch pages over IPv4 and IPv6 for
# a few seconds. No traffic leaves the namespaces. Everything created here (namespaces, links,
# processes inside them) is removed on exit, also on failure. Needs root, iproute2, tcpdump,
# python3 and curl.
#
# With a LIVE COMMAND (LiveCaptureEndToEndITCase: passivetcp), it also runs in the server namespace,
# with '-i s0' appended, beside tcpdump; the traffic starts once it prints 'Capturing on s0', and
# at the end it gets SIGTERM (as Ctrl-C) and must exit 0. Its output goes to OUT.pcap.live.txt.
set -euo pipefail

die() { echo "make-traffic.sh: $*" >&2; exit 2; }

[ $# -ge 1 ] || die "usage: make-traffic.sh OUT.pcap [LIVE COMMAND...]"
OUT=$1
shift
LIVE=("$@")
[ "$EUID" -eq 0 ] || die "must run as root (creates network namespaces)"
export PATH="$PATH:/usr/sbin:/sbin"
for tool in ip tcpdump python3 curl; do
    command -v "$tool" >/dev/null 2>&1 || die "required tool missing: $tool"
done
OUT_DIR=$(cd "$(dirname "$OUT")" && pwd) || die "output folder missing: $(dirname "$OUT")"
OUT="$OUT_DIR/$(basename "$OUT")"

ID=$$
C=ptf_c_$ID; R=ptf_r_$ID; S=ptf_s_$ID
WORK=$(mktemp -d /tmp/ptf-traffic.XXXXXX)
CAP_PID=""; SRV_PID=""; LIVE_PID=""; STAMP_PID=""

# stop PID SIGNAL: sends SIGNAL, waits up to 5 s, then SIGKILL
stop() {
    kill -"$2" "$1" 2>/dev/null || return 0
    for _ in $(seq 50); do
        kill -0 "$1" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null
}

cleanup() {
    local rc=$?
    set +e
    trap - EXIT INT TERM HUP
    [ -z "$CAP_PID" ] || stop "$CAP_PID" INT
    [ -z "$LIVE_PID" ] || stop "$LIVE_PID" KILL
    [ -z "$SRV_PID" ] || stop "$SRV_PID" TERM
    [ -z "$STAMP_PID" ] || stop "$STAMP_PID" TERM
    for ns in $C $R $S; do
        if [ -e "/run/netns/$ns" ]; then
            # a process left inside would keep the namespace alive after 'ip netns del'
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
            ip netns del "$ns" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

inc() { ip netns exec "$C" "$@"; }
ins() { ip netns exec "$S" "$@"; }

# --- test bed -------------------------------------------------------------------------------
for ns in $C $R $S; do
    ip netns add "$ns"
    ip -n "$ns" link set lo up
done
ip link add c0 netns "$C" type veth peer name rc0 netns "$R"
ip link add s0 netns "$S" type veth peer name rs0 netns "$R"
ip -n "$C" link set c0 mtu 1492 up
ip -n "$R" link set rc0 mtu 1492 up
ip -n "$R" link set rs0 up
ip -n "$S" link set s0 up
ip -n "$C" addr add 192.0.2.10/24 dev c0
ip -n "$C" addr add 2001:db8:1::10/64 dev c0 nodad
ip -n "$R" addr add 192.0.2.1/24 dev rc0
ip -n "$R" addr add 2001:db8:1::1/64 dev rc0 nodad
ip -n "$R" addr add 198.51.100.1/24 dev rs0
ip -n "$R" addr add 2001:db8:2::1/64 dev rs0 nodad
ip -n "$S" addr add 198.51.100.20/24 dev s0
ip -n "$S" addr add 2001:db8:2::20/64 dev s0 nodad
ip -n "$C" route add default via 192.0.2.1
ip -n "$C" -6 route add default via 2001:db8:1::1
ip -n "$S" route add default via 198.51.100.1
ip -n "$S" -6 route add default via 2001:db8:2::1
ip netns exec "$R" sysctl -qw net.ipv4.ip_forward=1
ip netns exec "$R" sysctl -qw net.ipv6.conf.all.forwarding=1
V4=198.51.100.20; V6=2001:db8:2::20

# --- HTTP server ----------------------------------------------------------------------------
cat > "$WORK/httpd.py" <<'PY'
import socket, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BODY = b"<html><body>passivetcp e2e</body></html>\n"

class Handler(BaseHTTPRequestHandler):
    # the Server header; its header order is not Apache's, so p0f says "nginx 1.x", params=dishonest
    server_version = "Apache/2.4.57"
    sys_version = "(Debian)"
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        time.sleep(0.1)  # lets the server's TCP timestamp clock move for p0f's uptime check
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(BODY)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(BODY)
        self.close_connection = True

    def log_message(self, *args):
        pass

class DualStack(ThreadingHTTPServer):
    address_family = socket.AF_INET6
    daemon_threads = True
    def server_bind(self):
        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        super().server_bind()

srv = DualStack(("::", int(sys.argv[1])), Handler)
print("ready", flush=True)
srv.serve_forever()
PY
ip netns exec "$S" python3 "$WORK/httpd.py" 80 > "$WORK/httpd.out" 2>&1 &
SRV_PID=$!

# --- capture --------------------------------------------------------------------------------
# tcpdump's capture and a LIVE COMMAND's must read the same time for each packet. The kernel stamps a packet once,
# for every capture socket, only while some socket asks for receive timestamps (SO_TIMESTAMP, a switch for the whole
# kernel); otherwise each capture socket reads the clock itself when the packet reaches it, and under load the two
# readings were a millisecond apart: enough to change the raw_freq of an uptime line. This process (in the server
# namespace, so that cleanup ends it) asks for them until the end.
ip netns exec "$S" python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_TIMESTAMP", 29), 1)  # 29: Linux SO_TIMESTAMP
print("timestamping", flush=True)
time.sleep(86400)' > "$WORK/stamp.out" 2>&1 &
STAMP_PID=$!
# ip netns exec execs tcpdump, so $! is tcpdump itself. -Z root: write OUT as root, whatever the folder's
# owner. --immediate-mode: without it packets wait in the kernel's ring buffer for up to a second, and the
# ones still there when tcpdump is stopped are lost (counted as "received by filter", not "captured").
ip netns exec "$S" tcpdump -i s0 -s 0 -U -n -Z root --immediate-mode -w "$OUT" > "$WORK/tcpdump.out" 2>&1 &
CAP_PID=$!

if [ ${#LIVE[@]} -gt 0 ]; then
    ip netns exec "$S" "${LIVE[@]}" -i s0 > "$OUT.live.txt" 2>&1 &
    LIVE_PID=$!
fi

wait_for() { # FILE PATTERN WHAT [TENTHS OF A SECOND [PID THAT MUST STAY ALIVE]]
    for _ in $(seq "${4:-100}"); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        [ -z "${5:-}" ] || kill -0 "$5" 2>/dev/null || break
        sleep 0.1
    done
    cat "$1" >&2 || true
    die "$3 did not start"
}
wait_for "$WORK/httpd.out" ready "HTTP server"
wait_for "$WORK/tcpdump.out" "listening on" tcpdump
wait_for "$WORK/stamp.out" timestamping "the timestamp request" 100 "$STAMP_PID"
# a JVM and its embedded Flink take a while to start on a busy machine
[ -z "$LIVE_PID" ] || wait_for "$OUT.live.txt" "Capturing on s0" "the live capture" 1800 "$LIVE_PID"
sleep 0.3

# --- clients --------------------------------------------------------------------------------
CURL=(curl -s -S -o /dev/null --max-time 10 --noproxy '*')
PYGET='import sys, urllib.request
req = urllib.request.Request(sys.argv[1], headers={"Accept-Language": sys.argv[2]})
urllib.request.build_opener(urllib.request.ProxyHandler({})).open(req, timeout=10).read()'

inc "${CURL[@]}" "http://$V4/"
sleep 0.5
inc "${CURL[@]}" -A "Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0" \
    -H "Accept-Language: fr-FR,fr;q=0.9,en;q=0.5" "http://$V4/index.html"
sleep 0.5
inc python3 -c "$PYGET" "http://$V4/py" "de-DE,de;q=0.8"
if command -v wget >/dev/null 2>&1; then
    inc wget -q -O /dev/null --no-proxy --timeout=10 --tries=1 "http://$V4/wget"
fi
sleep 0.5
inc "${CURL[@]}" "http://[$V6]/"
sleep 0.5
inc "${CURL[@]}" -A "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36" \
    -H "Accept-Language: es-ES,es;q=0.9" "http://[$V6]/chrome"
inc python3 -c "$PYGET" "http://[$V6]/py6" "en-US,en;q=0.7"
# Linux timestamps without per-connection offsets: SYN-to-SYN uptime becomes measurable
inc sysctl -qw net.ipv4.tcp_timestamps=2
ins sysctl -qw net.ipv4.tcp_timestamps=2
inc "${CURL[@]}" "http://$V4/ts1"
sleep 1
inc "${CURL[@]}" -H "Accept-Language: ja" "http://$V4/ts2"
# the same client address now with another TTL and no timestamps: another host behind it?
inc sysctl -qw net.ipv4.tcp_timestamps=0
inc sysctl -qw net.ipv4.ip_default_ttl=128
inc "${CURL[@]}" "http://$V4/ttl128"
inc python3 -c "$PYGET" "http://$V4/ttl128py" "pl"

sleep 1
# SIGINT makes tcpdump flush and close the file; a non-zero status means it did not stop cleanly
stop "$CAP_PID" INT || die "tcpdump did not stop cleanly: $(cat "$WORK/tcpdump.out")"
CAP_PID=""
if [ -n "$LIVE_PID" ]; then
    # SIGTERM ends the live capture as Ctrl-C does (a script's background jobs ignore SIGINT); the job then
    # flushes its events and exits 0
    kill -TERM "$LIVE_PID"
    for _ in $(seq 1200); do
        kill -0 "$LIVE_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$LIVE_PID" 2>/dev/null || true
    live_rc=0
    wait "$LIVE_PID" || live_rc=$?
    LIVE_PID=""
    [ "$live_rc" -eq 0 ] || die "the live capture exited with status $live_rc: $(tail -20 "$OUT.live.txt")"
fi
grep -E "packets (captured|received|dropped)" "$WORK/tcpdump.out" >&2 || true
captured=$(sed -n 's/^\([0-9]*\) packets\? captured.*/\1/p' "$WORK/tcpdump.out")
received=$(sed -n 's/^\([0-9]*\) packets\? received by filter.*/\1/p' "$WORK/tcpdump.out")
if [ "$captured" != "$received" ]; then
    echo "make-traffic.sh: warning: tcpdump captured $captured of $received packets" >&2
fi
[ -s "$OUT" ] || die "no capture written to $OUT"
echo "make-traffic.sh: wrote $OUT" >&2
