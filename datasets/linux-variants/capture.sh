#!/bin/bash
# Real Linux SYN and SYN+ACK packets, one capture per TCP sysctl or MTU variant:
# evidence for the Linux lines of config/passivetcp.fp and input of LinuxVariantsTest.
#
#   sudo datasets/linux-variants/capture.sh
#
# Two network namespaces joined by a veth pair (documentation addresses only: 192.0.2.0/24,
# 2001:db8::/32; nothing leaves the machine). For each variant both namespaces get the same
# sysctl and MTU, the client opens one IPv4 and one IPv6 connection to the server, and tcpdump
# on the server side keeps only SYN and SYN+ACK packets. Writes <variant>.pcap next to this
# script and kernel.txt (the kernel that made them). Needs root, iproute2, tcpdump, python3.
set -euo pipefail
cd "$(dirname "$0")"
C=ptv_c; S=ptv_s
V4C=192.0.2.10; V4S=192.0.2.20; V6C=2001:db8:7::10; V6S=2001:db8:7::20

down() { ip netns del $C 2>/dev/null || true; ip netns del $S 2>/dev/null || true; }
trap down EXIT

# variant name, then "sysctl=value" settings (relative to net.ipv4.) or mtu=N
VARIANTS=(
  "default"
  "wscale-off tcp_window_scaling=0"
  "timestamps-off tcp_timestamps=0"
  "sack-off tcp_sack=0"
  "ecn-on tcp_ecn=1"
  "mtu-1280 mtu=1280"
  "mtu-1492 mtu=1492"
  "mtu-9000 mtu=9000"
)

setup() {
  local mtu=$1
  down
  ip netns add $C; ip netns add $S
  ip link add c0 netns $C type veth peer name s0 netns $S
  for n in $C $S; do ip -n $n link set lo up; done
  ip -n $C link set c0 mtu "$mtu" up; ip -n $S link set s0 mtu "$mtu" up
  ip -n $C addr add $V4C/24 dev c0; ip -n $C addr add $V6C/64 dev c0 nodad
  ip -n $S addr add $V4S/24 dev s0; ip -n $S addr add $V6S/64 dev s0 nodad
}

# a listener that accepts and closes; the client connects once per address family
SERVER='import socket,sys
ls=[]
for fam,addr in ((socket.AF_INET,sys.argv[1]),(socket.AF_INET6,sys.argv[2])):
    s=socket.socket(fam); s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1); s.bind((addr,8080)); s.listen(); ls.append(s)
for s in ls:
    c,_=s.accept(); c.close()'
CLIENT='import socket,sys,time
for fam,addr in ((socket.AF_INET,sys.argv[1]),(socket.AF_INET6,sys.argv[2])):
    c=socket.create_connection((addr,8080),timeout=5); time.sleep(0.2); c.close()'

for v in "${VARIANTS[@]}"; do
  read -r name settings <<<"$v"
  mtu=1500
  sysctls=()
  for kv in $settings; do
    case $kv in
      mtu=*) mtu=${kv#mtu=} ;;
      *) sysctls+=("net.ipv4.$kv") ;;
    esac
  done
  setup "$mtu"
  for n in $C $S; do
    for s in "${sysctls[@]}"; do ip netns exec $n sysctl -qw "$s"; done
  done
  ip netns exec $S python3 -c "$SERVER" $V4S $V6S & srv=$!
  ip netns exec $S tcpdump -i s0 -s 128 -U -w "$name.pcap" 'tcp[tcpflags] & tcp-syn != 0 or (ip6 and ip6[6] == 6 and ip6[53] & 2 != 0)' \
    2>/dev/null & cap=$!
  sleep 1
  ip netns exec $C python3 -c "$CLIENT" $V4S $V6S
  wait $srv
  sleep 0.5
  kill -INT $cap; wait $cap || true
  echo "$name: $(tcpdump -r "$name.pcap" 2>/dev/null | wc -l) packets"
done
uname -r > kernel.txt
