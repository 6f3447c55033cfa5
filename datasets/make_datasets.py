#!/usr/bin/env python3
"""Generate the project's own demo and test captures (pure standard library).

    python3 datasets/make_datasets.py

writes, next to this script:

  sample.pcap                 Ethernet demo capture (~2 min, 8 clients, 3 servers,
                              IPv4 + IPv6, HTTP, TLS, a refused connection, a lost
                              SYN+ACK with SYN retransmission, a host that changes OS)
  variants/*                  the same IP packets in other link layers / file formats
  bad/*                       malformed files that readers must survive

Everything is synthetic: addresses come from the documentation ranges
(192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32), host names
from example.com/.net/.org.  The output is deterministic (fixed random seed,
no wall-clock input): running the script twice gives byte-identical files.
"""
import calendar
import gzip
import os
import random
import struct
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 0x70F3D5
T0 = calendar.timegm((2024, 5, 14, 9, 30, 0))  # capture start, UTC

rng = random.Random(SEED)

# ---------------------------------------------------------------------------
# Low-level builders
# ---------------------------------------------------------------------------


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def ip4b(s):
    return bytes(int(x) for x in s.split("."))


def ip6b(s):
    # minimal RFC 4291 text -> bytes (supports one "::")
    if "::" in s:
        head, tail = s.split("::")
        h = [x for x in head.split(":") if x]
        t = [x for x in tail.split(":") if x]
        groups = h + ["0"] * (8 - len(h) - len(t)) + t
    else:
        groups = s.split(":")
    assert len(groups) == 8
    return b"".join(struct.pack("!H", int(g, 16)) for g in groups)


def mac(s):
    return bytes(int(x, 16) for x in s.split(":"))


def tcp_opts(items):
    """items: list of (kind, value). Returns option bytes padded to 4."""
    out = b""
    for kind, val in items:
        if kind == "mss":
            out += struct.pack("!BBH", 2, 4, val)
        elif kind == "nop":
            out += b"\x01"
        elif kind == "ws":
            out += struct.pack("!BBB", 3, 3, val)
        elif kind == "sok":
            out += b"\x04\x02"
        elif kind == "ts":
            out += struct.pack("!BBII", 8, 10, val[0], val[1])
        elif kind == "eol":
            out += b"\x00" * (1 + val)
        else:
            raise ValueError(kind)
    assert len(out) % 4 == 0, (items, len(out))
    return out


FIN, SYN, RST, PSH, ACK = 0x01, 0x02, 0x04, 0x08, 0x10


def tcp_seg(src, dst, v6, sport, dport, seq, ack, flags, win, opts=b"", payload=b""):
    doff = (20 + len(opts)) // 4
    hdr = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF,
                      doff << 4, flags, win, 0, 0) + opts
    seg = hdr + payload
    if v6:
        pseudo = src + dst + struct.pack("!IxxxB", len(seg), 6)
    else:
        pseudo = src + dst + struct.pack("!xBH", 6, len(seg))
    c = csum(pseudo + seg)
    return seg[:16] + struct.pack("!H", c) + seg[18:]


def ipv4_pkt(src, dst, ttl, ident, df, payload, proto=6):
    tot = 20 + len(payload)
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, tot, ident & 0xFFFF,
                      0x4000 if df else 0, ttl, proto, 0, src, dst)
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + payload


def ipv6_pkt(src, dst, hlim, flow, payload, nh=6):
    return struct.pack("!IHBB16s16s", (6 << 28) | (flow & 0xFFFFF), len(payload), nh, hlim,
                       src, dst) + payload


# ---------------------------------------------------------------------------
# Hosts and OS behaviour
# ---------------------------------------------------------------------------

# TCP SYN profiles, picked from the stock p0f 3.09b database (p0f.fp) text:
#  linux311 : s:unix:Linux:3.11 and newer   *:64:0:*:mss*20,7:mss,sok,ts,nop,ws:df,id+:0
#  linux31  : s:unix:Linux:3.1-3.10         *:64:0:*:mss*10,7:mss,sok,ts,nop,ws:df,id+:0
#  win7     : s:win:Windows:7 or 8          *:128:0:*:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0
#  winxp    : s:win:Windows:XP              *:128:0:*:65535,0:mss,nop,nop,sok:df,id+:0
#  macosx   : s:unix:Mac OS X:10.x          *:64:0:*:65535,3:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0
#  freebsd9 : s:unix:FreeBSD:9.x or newer   *:64:0:*:65535,6:mss,nop,ws,sok,ts:df,id+:0
SYN_PROFILES = {
    "linux311": dict(win=lambda mss: 20 * mss, ws=7,
                     layout=["mss", "sok", "ts", "nop", "ws"], est_win=229),
    "linux31": dict(win=lambda mss: 10 * mss, ws=7,
                    layout=["mss", "sok", "ts", "nop", "ws"], est_win=115),
    "win7": dict(win=lambda mss: 8192, ws=8,
                 layout=["mss", "nop", "ws", "nop", "nop", "sok"], est_win=256),
    "winxp": dict(win=lambda mss: 65535, ws=None,
                  layout=["mss", "nop", "nop", "sok"], est_win=65535),
    "macosx": dict(win=lambda mss: 65535, ws=3,
                   layout=["mss", "nop", "ws", "nop", "nop", "ts", "sok", "eol"], est_win=8235),
    "freebsd9": dict(win=lambda mss: 65535, ws=6,
                     layout=["mss", "nop", "ws", "sok", "ts"], est_win=1040),
}


class Host:
    def __init__(self, name, addr, v6, ittl, hops, macaddr, mss=1460, hz=0,
                 uptime_s=0, ts_random=False, ipid="global", ports=(32768, 60999),
                 port_mode="seq", flow_label=False):
        self.name, self.v6 = name, v6
        self.addr = ip6b(addr) if v6 else ip4b(addr)
        self.addr_text = addr
        self.ttl = ittl - hops
        self.mac = mac(macaddr)
        self.mss, self.hz, self.uptime_us = mss, hz, uptime_s * 1000000
        self.ts_random, self.ipid_mode = ts_random, ipid
        self.ipid = rng.randrange(1, 65535)
        self.ports, self.port_mode = ports, port_mode
        self.next_port = rng.randrange(ports[0], ports[0] + (ports[1] - ports[0]) // 2)
        self.flow_label = flow_label
        self.profile = None

    def new_port(self):
        if self.port_mode == "random":
            return rng.randrange(self.ports[0], self.ports[1])
        self.next_port += rng.randrange(1, 7)
        if self.next_port > self.ports[1]:
            self.next_port = self.ports[0]
        return self.next_port

    def tsval(self, t_us, offset=0):
        return (offset + (self.uptime_us + t_us) * self.hz // 1000000) & 0xFFFFFFFF

    def next_ipid(self):
        if self.ipid_mode == "random":
            return rng.randrange(1, 65536)
        self.ipid = (self.ipid + 1) & 0xFFFF or 1
        return self.ipid


GW_MAC = "02:00:5e:10:00:01"   # upstream router as seen by the capture point

# clients (TTL = initial TTL - hops to the capture point)
C1 = Host("C1-linux-dsl", "192.0.2.10", False, 64, 3, GW_MAC, mss=1452, hz=1000,
          uptime_s=3 * 86400 + 5 * 3600 + 17 * 60 + 9, ipid="flow")
C1.profile = "linux311"
C2 = Host("C2-win7", "192.0.2.23", False, 128, 6, GW_MAC, mss=1460, ports=(49152, 65535))
C2.profile = "win7"
C3 = Host("C3-winxp", "203.0.113.45", False, 128, 11, GW_MAC, mss=1460, ports=(1025, 5000))
C3.profile = "winxp"
C4 = Host("C4-macosx-vpn", "203.0.113.7", False, 64, 8, GW_MAC, mss=1400, hz=1000,
          uptime_s=11 * 86400 + 2 * 3600 + 41 * 60, ipid="random", ports=(49152, 65535))
C4.profile = "macosx"
C5 = Host("C5-freebsd", "192.0.2.88", False, 64, 4, GW_MAC, mss=1460, hz=1000,
          uptime_s=27 * 86400 + 13 * 3600 + 2 * 60, ports=(10000, 65535), port_mode="random")
C5.profile = "freebsd9"
C6 = Host("C6-dualboot", "192.0.2.50", False, 128, 2, GW_MAC, mss=1460, ports=(49152, 65535))
C6.profile = "win7"      # switches to linux31 (TTL 64, 100 Hz clock) mid-capture
C7 = Host("C7-linux-v6", "2001:db8:10::25", True, 64, 5, GW_MAC, mss=1432, hz=1000,
          uptime_s=0, ts_random=True, flow_label=True)
C7.profile = "linux311"
C8 = Host("C8-win-v6", "2001:db8:20::b", True, 128, 7, GW_MAC, mss=1440, ports=(49152, 65535))
C8.profile = "win7"

# servers (all Linux)
S1 = Host("S1-nginx", "198.51.100.10", False, 64, 1, "02:00:5e:10:01:0a", mss=1460, hz=1000,
          uptime_s=41 * 86400 + 7 * 3600 + 3 * 60)
S2 = Host("S2-apache", "198.51.100.20", False, 64, 2, "02:00:5e:10:01:14", mss=1460, hz=250,
          uptime_s=96 * 86400 + 22 * 3600 + 48 * 60)
S3 = Host("S3-nginx", "198.51.100.30", False, 64, 1, "02:00:5e:10:01:1e", mss=1460, hz=1000,
          uptime_s=9 * 86400 + 3600 + 12 * 60)
S3v6 = Host("S3-nginx-v6", "2001:db8:100::30", True, 64, 1, "02:00:5e:10:01:1e", mss=1440,
            hz=1000, uptime_s=9 * 86400 + 3600 + 12 * 60)
SERVER_KIND = {id(S1): "linux3", id(S2): "linux26", id(S3): "linux3", id(S3v6): "linux3"}
SERVER_NAME = {id(S1): "www.example.com", id(S2): "www.example.net",
               id(S3): "www.example.org", id(S3v6): "www.example.org"}
ROUTER_MAC = mac("02:00:5e:10:00:fe")   # capture point's own interface (dst of client frames)


def synack_profile(kind, mss, cli_layout, cli_ws):
    """Linux SYN+ACK layout/window, matching [tcp:response] in p0f.fp:
    linux3  -> s:unix:Linux:3.x    (window mss*10)
    linux26 -> s:unix:Linux:2.6.x / 2.4-2.6 (window mss*4)"""
    ts = "ts" in cli_layout
    mult = 10 if kind == "linux3" else 4
    win = mult * (mss - 12 if ts else mss)
    if ts:
        layout = ["mss", "sok", "ts"] + (["nop", "ws"] if cli_ws is not None else [])
    else:
        layout = ["mss", "nop", "nop", "sok"] + (["nop", "ws"] if cli_ws is not None else [])
    ws = (7 if kind == "linux3" else 6) if cli_ws is not None else None
    return win, ws, layout


# ---------------------------------------------------------------------------
# Packet list
# ---------------------------------------------------------------------------


class Pkt:
    __slots__ = ("t_us", "order", "v6", "ip", "src_mac", "dst_mac", "to_server", "conn")

    def __init__(self, t_us, order, v6, ip, src_mac, dst_mac, to_server, conn):
        self.t_us, self.order, self.v6, self.ip = t_us, order, v6, ip
        self.src_mac, self.dst_mac, self.to_server = src_mac, dst_mac, to_server
        self.conn = conn


PACKETS = []
_order = [0]


class Conn:
    count = 0

    def __init__(self, cli, srv, dport):
        self.idx = Conn.count
        Conn.count += 1
        self.cli, self.srv, self.dport = cli, srv, dport
        self.v6 = cli.v6
        assert cli.v6 == srv.v6
        self.sport = cli.new_port()
        self.cseq = rng.randrange(1, 1 << 32)
        self.sseq = rng.randrange(1, 1 << 32)
        self.c_isn, self.s_isn = self.cseq, self.sseq
        self.prof = SYN_PROFILES[cli.profile]
        self.use_ts = "ts" in self.prof["layout"]
        self.use_ws = self.prof["ws"] is not None
        self.c_tsoff = rng.randrange(1 << 32) if cli.ts_random else 0
        self.c_last_ts = 0
        self.s_last_ts = 0
        self.flow = rng.randrange(1, 1 << 20) if cli.flow_label else 0
        self.sflow = 0
        self.c_ipid = rng.randrange(1, 65535)
        self.s_ipid = rng.randrange(1, 65535)
        self.owd = 0  # one-way delay client -> capture point (us), used for TS values

    # -- raw emit -----------------------------------------------------------
    def _emit(self, t_us, from_client, flags, seq, ack, win, opts=b"", payload=b"", ipid=None):
        h, peer = (self.cli, self.srv) if from_client else (self.srv, self.cli)
        seg = tcp_seg(h.addr, peer.addr, self.v6, self.sport if from_client else self.dport,
                      self.dport if from_client else self.sport, seq, ack, flags, win, opts,
                      payload)
        if self.v6:
            ip = ipv6_pkt(h.addr, peer.addr, h.ttl, self.flow if from_client else self.sflow, seg)
        else:
            if ipid is None:
                if from_client:
                    if h.ipid_mode == "flow":
                        self.c_ipid = (self.c_ipid + 1) & 0xFFFF or 1
                        ipid = self.c_ipid
                    else:
                        ipid = h.next_ipid()
                else:
                    self.s_ipid = (self.s_ipid + 1) & 0xFFFF or 1
                    ipid = self.s_ipid
            ip = ipv4_pkt(h.addr, peer.addr, h.ttl, ipid, True, seg)
        _order[0] += 1
        PACKETS.append(Pkt(t_us, _order[0], self.v6, ip, h.mac, ROUTER_MAC, from_client,
                           self.idx))

    def _ts(self, t_us, from_client):
        if from_client:
            v = self.cli.tsval(t_us - self.owd, self.c_tsoff)
            self.c_last_ts = v
            return (v, self.s_last_ts)
        v = self.srv.tsval(t_us)
        self.s_last_ts = v
        return (v, self.c_last_ts)

    # -- TCP steps ----------------------------------------------------------
    def syn(self, t_us):
        p, cli = self.prof, self.cli
        items = []
        tsv = self._ts(t_us, True) if self.use_ts else None
        for k in p["layout"]:
            if k == "mss":
                items.append(("mss", cli.mss))
            elif k == "ws":
                items.append(("ws", p["ws"]))
            elif k == "ts":
                items.append(("ts", (tsv[0], 0)))
            elif k == "eol":
                items.append(("eol", 1))
            else:
                items.append((k, None))
        self._emit(t_us, True, SYN, self.c_isn, 0, p["win"](cli.mss), tcp_opts(items))

    def synack(self, t_us):
        kind = SERVER_KIND[id(self.srv)]
        win, ws, layout = synack_profile(kind, self.srv.mss, self.prof["layout"], self.prof["ws"])
        items = []
        for k in layout:
            if k == "mss":
                items.append(("mss", self.srv.mss))
            elif k == "ws":
                items.append(("ws", ws))
            elif k == "ts":
                items.append(("ts", self._ts(t_us, False)))
            else:
                items.append((k, None))
        # Linux sends SYN+ACKs with IP ID 0 (p0f quirk "df" without "id+")
        self._emit(t_us, False, SYN | ACK, self.s_isn, self.c_isn + 1, win, tcp_opts(items),
                   ipid=0)
        self.cseq = self.c_isn + 1
        self.sseq = self.s_isn + 1

    def _est_opts(self, t_us, from_client):
        if not self.use_ts:
            return b""
        return tcp_opts([("nop", None), ("nop", None), ("ts", self._ts(t_us, from_client))])

    def cli_send(self, t_us, flags, payload=b""):
        win = self.prof["est_win"]
        self._emit(t_us, True, flags, self.cseq, self.sseq, win,
                   self._est_opts(t_us, True), payload)
        self.cseq += len(payload) + (1 if flags & FIN else 0)

    def srv_send(self, t_us, flags, payload=b""):
        win = (227 if self.srv.hz == 1000 else 91) if self.use_ws else 14600
        self._emit(t_us, False, flags, self.sseq, self.cseq, win,
                   self._est_opts(t_us, False), payload)
        self.sseq += len(payload) + (1 if flags & FIN else 0)

    def rst_refuse(self, t_us):
        self._emit(t_us, False, RST | ACK, 0, self.c_isn + 1, 0, ipid=0)


# ---------------------------------------------------------------------------
# HTTP / TLS payloads
# ---------------------------------------------------------------------------

def http_req(path, host, headers):
    lines = ["GET %s HTTP/1.1" % path]
    for n, v in headers:
        lines.append("%s: %s" % (n, v.replace("{host}", host)))
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


FF_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

AGENTS = {
    # Firefox 10.x or newer (stock sig) - Linux, French
    "firefox_linux_fr": [
        ("Host", "{host}"),
        ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:52.0) Gecko/20100101 Firefox/52.0"),
        ("Accept", FF_ACCEPT),
        ("Accept-Language", "fr-FR,fr;q=0.8,en-US;q=0.5,en;q=0.3"),
        ("Accept-Encoding", "gzip, deflate"),
        ("Connection", "keep-alive"),
        ("Upgrade-Insecure-Requests", "1")],
    # Firefox on Windows 7, German, DNT
    "firefox_win_de": [
        ("Host", "{host}"),
        ("User-Agent", "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:45.0) Gecko/20100101 Firefox/45.0"),
        ("Accept", FF_ACCEPT),
        ("Accept-Language", "de,en-US;q=0.7,en;q=0.3"),
        ("Accept-Encoding", "gzip, deflate"),
        ("DNT", "1"),
        ("Connection", "keep-alive")],
    "firefox_win_en": [
        ("Host", "{host}"),
        ("User-Agent", "Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:47.0) Gecko/20100101 Firefox/47.0"),
        ("Accept", FF_ACCEPT),
        ("Accept-Language", "en-US,en;q=0.5"),
        ("Accept-Encoding", "gzip, deflate"),
        ("Connection", "keep-alive")],
    # MSIE 8 on XP (stock sig "MSIE:8 or newer")
    "ie8": [
        ("Accept", "image/gif, image/jpeg, image/pjpeg, application/x-ms-application, "
                   "application/xaml+xml, application/x-ms-xbap, */*"),
        ("Accept-Language", "en-us"),
        ("User-Agent", "Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0; "
                       ".NET CLR 2.0.50727; .NET CLR 3.0.4506.2152)"),
        ("Accept-Encoding", "gzip, deflate"),
        ("Host", "{host}"),
        ("Connection", "Keep-Alive")],
    # Safari 6 on OS X 10.8 (stock sig "Safari:5.1-6")
    "safari6": [
        ("Host", "{host}"),
        ("User-Agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_8_5) AppleWebKit/536.30.1 "
                       "(KHTML, like Gecko) Version/6.0.5 Safari/536.30.1"),
        ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        ("Accept-Language", "en-us"),
        ("Accept-Encoding", "gzip, deflate"),
        ("Connection", "keep-alive")],
    # Chrome 55 on Windows 10 (stock sig "Chrome:51.x or newer"), Spanish
    "chrome55_es": [
        ("Host", "{host}"),
        ("Connection", "keep-alive"),
        ("Upgrade-Insecure-Requests", "1"),
        ("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                       "(KHTML, like Gecko) Chrome/55.0.2883.87 Safari/537.36"),
        ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,*/*;q=0.8"),
        ("Accept-Encoding", "gzip, deflate, sdch"),
        ("Accept-Language", "es-ES,es;q=0.8,en;q=0.6")],
    # FreeBSD fetch(1) (stock sig "libfetch")
    "fetch": [
        ("Host", "{host}"),
        ("User-Agent", "fetch libfetch/2.0"),
        ("Connection", "close")],
    # wget 1.13 (stock sig "wget")
    "wget": [
        ("User-Agent", "Wget/1.13.4 (linux-gnu)"),
        ("Accept", "*/*"),
        ("Host", "{host}"),
        ("Connection", "Keep-Alive")],
    # old curl, User-Agent first (stock sig "curl")
    "curl_old": [
        ("User-Agent", "curl/7.26.0 (x86_64-pc-linux-gnu) libcurl/7.26.0 OpenSSL/1.0.1e "
                       "zlib/1.2.7 libidn/1.25 libssh2/1.4.2 librtmp/2.3"),
        ("Host", "{host}"),
        ("Accept", "*/*")],
    # modern curl, Host first: not matched by the 2014 database
    "curl_new": [
        ("Host", "{host}"),
        ("User-Agent", "curl/7.88.1"),
        ("Accept", "*/*")],
    # Python 2.7 urllib2 (stock sig "Python:urllib")
    "python_urllib": [
        ("Accept-Encoding", "identity"),
        ("Host", "{host}"),
        ("Connection", "close"),
        ("User-Agent", "Python-urllib/2.7")],
}


def http_date(t_us):
    return formatdate_utc(T0 + t_us // 1000000)


_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_MONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def formatdate_utc(secs):
    tm = time.gmtime(secs)
    return "%s, %02d %s %04d %02d:%02d:%02d GMT" % (_DAYS[tm.tm_wday], tm.tm_mday,
                                                   _MONS[tm.tm_mon - 1], tm.tm_year,
                                                   tm.tm_hour, tm.tm_min, tm.tm_sec)


def html_body(title):
    return ("<!DOCTYPE html>\n<html><head><title>%s</title></head>\n"
            "<body><h1>%s</h1><p>Synthetic page for passivetcp-flink.</p></body></html>\n"
            % (title, title)).encode()


def http_resp(server_kind, t_us, path, keepalive):
    body = html_body(path)
    lm = "Tue, 07 May 2024 18:21:04 GMT"
    if server_kind == "nginx":
        h = [("Server", "nginx/1.10.3"), ("Date", http_date(t_us)),
             ("Content-Type", "text/html"), ("Content-Length", str(len(body))),
             ("Last-Modified", lm)]
        if keepalive:
            h += [("Connection", "keep-alive"), ("Keep-Alive", "timeout=5"),
                  ("ETag", '"663a7200-%x"' % len(body)), ("Accept-Ranges", "bytes")]
        else:
            h += [("Connection", "close"), ("ETag", '"663a7200-%x"' % len(body))]
    else:  # apache
        h = [("Date", http_date(t_us)), ("Server", "Apache/2.2.22 (Debian)"),
             ("Last-Modified", lm), ("ETag", '"2a0c3-%x-5e0c2b6a0d5c0"' % len(body)),
             ("Accept-Ranges", "bytes"), ("Content-Length", str(len(body))),
             ("Vary", "Accept-Encoding")]
        if keepalive:
            h += [("Keep-Alive", "timeout=5, max=100"), ("Connection", "Keep-Alive")]
        else:
            h += [("Connection", "close")]
        h += [("Content-Type", "text/html")]
    head = "HTTP/1.1 200 OK\r\n" + "".join("%s: %s\r\n" % kv for kv in h) + "\r\n"
    return head.encode() + body


def _rand(n):
    return bytes(rng.randrange(256) for _ in range(n))


def _ext(etype, data):
    return struct.pack("!HH", etype, len(data)) + data


def _hs(htype, body):
    return bytes([htype]) + struct.pack("!I", len(body))[1:] + body


def _record(ctype, body, ver=0x0303):
    return struct.pack("!BHH", ctype, ver, len(body)) + body


def tls_client_hello(sni):
    """A well-formed TLS 1.3 ClientHello (random values from the seeded generator)."""
    name = sni.encode()
    suites = [0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030]
    exts = (_ext(0x0000, struct.pack("!HBH", len(name) + 3, 0, len(name)) + name) +
            _ext(0x000A, struct.pack("!HHH", 4, 0x001D, 0x0017)) +
            _ext(0x000D, struct.pack("!HHHH", 6, 0x0403, 0x0804, 0x0401)) +
            _ext(0x002B, bytes([4]) + struct.pack("!HH", 0x0304, 0x0303)) +
            _ext(0x0033, struct.pack("!HHH", 36, 0x001D, 32) + _rand(32)))
    body = (struct.pack("!H", 0x0303) + _rand(32) + bytes([32]) + _rand(32) +
            struct.pack("!H", 2 * len(suites)) + b"".join(struct.pack("!H", c) for c in suites) +
            b"\x01\x00" + struct.pack("!H", len(exts)) + exts)
    return _record(0x16, _hs(1, body), ver=0x0301)


def tls_server_flight(client_hello):
    """ServerHello + ChangeCipherSpec + one encrypted record (opaque random bytes)."""
    sid = client_hello[5 + 4 + 2 + 32 + 1:5 + 4 + 2 + 32 + 1 + 32]
    exts = (_ext(0x002B, struct.pack("!H", 0x0304)) +
            _ext(0x0033, struct.pack("!HH", 0x001D, 32) + _rand(32)))
    body = (struct.pack("!H", 0x0303) + _rand(32) + bytes([32]) + sid +
            struct.pack("!HB", 0x1301, 0) + struct.pack("!H", len(exts)) + exts)
    return (_record(0x16, _hs(2, body)) + _record(0x14, b"\x01") +
            _record(0x17, _rand(rng.randrange(900, 1200))))


def tls_client_finished():
    return _record(0x14, b"\x01") + _record(0x17, _rand(53))


# ---------------------------------------------------------------------------
# Scenario
# ---------------------------------------------------------------------------

RTT_MS = {id(C1): 38, id(C2): 22, id(C3): 71, id(C4): 54, id(C5): 29, id(C6): 17,
          id(C7): 46, id(C8): 33}


def us(ms):
    return int(round(ms * 1000))


def jitter(ms_lo, ms_hi):
    return rng.randrange(us(ms_lo), us(ms_hi) + 1)


def http_conn(t, cli, srv, dport, agent, path="/", keepalive=True, lost_synack=False,
              extra_request=None):
    c = Conn(cli, srv, dport)
    rtt = us(RTT_MS[id(cli)]) + jitter(0, 2)
    c.owd = rtt // 2
    c.syn(t)
    t_syn = t
    t += jitter(0.05, 0.25)
    c.synack(t)
    if lost_synack:
        # SYN+ACK lost downstream: after its initial RTO (3 s on Windows 7) the client
        # retransmits the SYN (same ISN); the server answers with a second SYN+ACK
        t = t_syn + 3000000 + jitter(0, 15)
        c.syn(t)   # retransmission: same ISN
        t += jitter(0.05, 0.25)
        c.synack(t)
    t += rtt
    c.cli_send(t, ACK)
    t += jitter(0.02, 0.12)
    req = http_req(path, SERVER_NAME[id(srv)], AGENTS[agent])
    c.cli_send(t, PSH | ACK, req)
    server_kind = "apache" if srv is S2 else "nginx"
    conn_close = ("Connection", "close") in AGENTS[agent]
    ka = keepalive and not conn_close
    t += jitter(0.4, 3.5)
    c.srv_send(t, PSH | ACK, http_resp(server_kind, t, path, ka))
    t += rtt
    c.cli_send(t, ACK)
    if extra_request:
        t += jitter(150, 400)
        c.cli_send(t, PSH | ACK, http_req(extra_request, SERVER_NAME[id(srv)], AGENTS[agent]))
        t += jitter(0.4, 2.5)
        c.srv_send(t, PSH | ACK, http_resp(server_kind, t, extra_request, ka))
        t += rtt
        c.cli_send(t, ACK)
    if ka:
        # server's keep-alive timeout (5 s) expires first
        t += 5000000 + jitter(0, 40)
        c.srv_send(t, FIN | ACK)
        t += rtt
        c.cli_send(t, FIN | ACK)
        t += jitter(0.05, 0.3)
        c.srv_send(t, ACK)
    else:
        t += jitter(0.01, 0.05)
        c.srv_send(t, FIN | ACK)
        t += rtt
        c.cli_send(t, FIN | ACK)
        t += jitter(0.05, 0.3)
        c.srv_send(t, ACK)
    return c


def tls_conn(t, cli, srv):
    c = Conn(cli, srv, 443)
    rtt = us(RTT_MS[id(cli)]) + jitter(0, 2)
    c.owd = rtt // 2
    c.syn(t)
    t += jitter(0.05, 0.25)
    c.synack(t)
    t += rtt
    c.cli_send(t, ACK)
    t += jitter(0.1, 0.5)
    hello = tls_client_hello(SERVER_NAME[id(srv)])
    c.cli_send(t, PSH | ACK, hello)
    t += jitter(0.3, 1.5)
    c.srv_send(t, PSH | ACK, tls_server_flight(hello))
    t += rtt
    c.cli_send(t, PSH | ACK, tls_client_finished())
    t += jitter(20, 60)
    c.srv_send(t, ACK)
    t += jitter(2000, 6000)   # (encrypted traffic omitted) client closes
    c.cli_send(t, FIN | ACK)
    t += jitter(0.05, 0.3)
    c.srv_send(t, FIN | ACK)
    t += rtt
    c.cli_send(t, ACK)
    return c


def refused_conn(t, cli, srv, dport):
    c = Conn(cli, srv, dport)
    c.owd = us(RTT_MS[id(cli)]) // 2
    c.syn(t)
    c.rst_refuse(t + jitter(0.03, 0.1))
    return c


def build_scenario():
    S = lambda sec: int(sec * 1000000) + jitter(0, 400)  # noqa: E731
    http_conn(S(0.35), C1, S1, 80, "firefox_linux_fr", "/", extra_request="/style.css")
    http_conn(S(0.52), C1, S1, 80, "firefox_linux_fr", "/favicon.ico")
    http_conn(S(1.90), C2, S2, 80, "firefox_win_de", "/", lost_synack=True)
    http_conn(S(4.20), C3, S1, 80, "ie8", "/")
    http_conn(S(6.80), C4, S3, 80, "safari6", "/")
    http_conn(S(7.50), C5, S2, 80, "fetch", "/pub/README")
    http_conn(S(8.00), C6, S1, 80, "firefox_win_en", "/")
    http_conn(S(10.3), C7, S3v6, 80, "curl_new", "/")
    http_conn(S(11.0), C8, S3v6, 80, "chrome55_es", "/")
    tls_conn(S(13.5), C1, S3)
    http_conn(S(15.0), C2, S2, 80, "firefox_win_de", "/news/")
    refused_conn(S(17.2), C5, S2, 8443)
    http_conn(S(19.9), C6, S2, 80, "firefox_win_en", "/")
    http_conn(S(22.4), C4, S3, 80, "safari6", "/about.html")
    http_conn(S(24.0), C3, S1, 80, "ie8", "/news/")
    http_conn(S(26.7), C1, S1, 80, "wget", "/robots.txt")
    http_conn(S(29.1), C7, S3v6, 80, "curl_new", "/status")
    tls_conn(S(31.5), C8, S3v6)
    http_conn(S(33.0), C5, S1, 80, "fetch", "/pub/CHECKSUM")
    http_conn(S(36.2), C2, S1, 80, "firefox_win_de", "/")
    http_conn(S(39.8), C4, S2, 80, "safari6", "/")
    http_conn(S(42.3), C1, S2, 80, "python_urllib", "/api/status")
    http_conn(S(45.0), C3, S2, 80, "ie8", "/")
    http_conn(S(48.6), C8, S3v6, 80, "chrome55_es", "/news/")
    http_conn(S(51.1), C5, S3, 80, "fetch", "/")
    http_conn(S(55.4), C7, S3v6, 80, "curl_new", "/")
    http_conn(S(58.9), C2, S3, 80, "firefox_win_de", "/")
    tls_conn(S(62.0), C4, S3)
    # C6 reboots into Linux: new TTL, TCP options and a 100 Hz timestamp clock
    C6.profile, C6.ttl, C6.hz = "linux31", 64 - 2, 100
    C6.uptime_us = 0 * 86400 + 4 * 60 * 1000000   # booted ~4 minutes before capture start
    C6.ipid_mode, C6.ports, C6.next_port = "flow", (32768, 61000), 35612
    http_conn(S(66.5), C6, S1, 80, "curl_old", "/")
    http_conn(S(67.1), C1, S1, 80, "firefox_linux_fr", "/news/")
    http_conn(S(70.3), C3, S1, 80, "ie8", "/about.html")
    http_conn(S(74.8), C6, S2, 80, "wget", "/")
    http_conn(S(78.2), C5, S2, 80, "fetch", "/pub/")
    http_conn(S(82.5), C8, S3v6, 80, "chrome55_es", "/")
    http_conn(S(86.9), C6, S3, 80, "curl_old", "/")
    http_conn(S(90.4), C2, S2, 80, "firefox_win_de", "/about.html")
    http_conn(S(95.0), C4, S3, 80, "safari6", "/news/")
    http_conn(S(99.7), C7, S3v6, 80, "curl_new", "/news/")
    http_conn(S(104.1), C1, S1, 80, "firefox_linux_fr", "/about.html")
    http_conn(S(108.8), C6, S1, 80, "curl_old", "/news/")
    http_conn(S(113.5), C3, S2, 80, "ie8", "/news/")
    http_conn(S(118.2), C5, S1, 80, "fetch", "/pub/README")
    PACKETS.sort(key=lambda p: (p.t_us, p.order))


# ---------------------------------------------------------------------------
# Window-multiplier sanity check for IPv6 (p0f spec section 2.3, rule 7)
# ---------------------------------------------------------------------------

def win_multiplier(win, mss, ts1, tot_hdr, v6, syn_mss=0):
    if win == 0 or mss < 100:
        return None
    cands = [(mss, "mss")]
    if ts1:
        cands.append((mss - 12, "mss"))
    cands += [(1460, "mss"), (1448, "mss")]
    if v6:
        cands += [(1440, "mss"), (1428, "mss")]
    cands += [(mss + 40, "mtu"), (mss + tot_hdr, "mtu")]
    if v6:
        cands.append((mss + 60, "mtu"))
    cands.append((1500, "mtu"))
    if syn_mss:
        cands += [(syn_mss, "mss"), (syn_mss - 12, "mss")]
    for d, kind in cands:
        if d and win % d == 0:
            return (win // d, kind)
    return None


def parse_syn_fields(ip):
    """(win, mss, ts1, doff, flags) of an IPv6 TCP packet without extension headers."""
    tcp = ip[40:]
    flags = tcp[13]
    doff = (tcp[12] >> 4) * 4
    win = struct.unpack("!H", tcp[14:16])[0]
    mss = ts1 = 0
    o = tcp[20:doff]
    i = 0
    while i < len(o):
        k = o[i]
        if k == 0:
            break
        if k == 1:
            i += 1
            continue
        ln = o[i + 1]
        if k == 2:
            mss = struct.unpack("!H", o[i + 2:i + 4])[0]
        if k == 8:
            ts1 = struct.unpack("!I", o[i + 2:i + 6])[0]
        i += ln
    return win, mss, ts1, doff, flags


# ---------------------------------------------------------------------------
# IPv6 extension headers
# ---------------------------------------------------------------------------

EXT_LEN = 8 + 24 + 8 + 8   # hop-by-hop, routing, fragment, destination options


def add_ipv6_exthdrs(ip, frag_id):
    """Insert HBH(8) / Routing type 4 (SRH), segments left 0 (24) / atomic Fragment (8) /
    Destination Options (8) between the IPv6 header and TCP (RFC 8200 order)."""
    hdr, tcp = ip[:40], ip[40:]
    hbh = bytes([43, 0]) + b"\x01\x04\x00\x00\x00\x00"           # NH=Routing, PadN(4)
    # Segment Routing Header (type 4), segments left 0, one segment = final destination
    rth = bytes([44, 2, 4, 0, 0, 0, 0, 0]) + hdr[24:40]           # NH=Fragment
    frag = bytes([60, 0]) + struct.pack("!HI", 0, frag_id)       # NH=DstOpts, off 0, M=0
    dst = bytes([6, 0]) + b"\x01\x04\x00\x00\x00\x00"            # NH=TCP, PadN(4)
    ext = hbh + rth + frag + dst
    assert len(ext) == EXT_LEN
    word0, plen, nh, hlim = struct.unpack("!IHBB", hdr[:8])
    assert nh == 6
    return struct.pack("!IHBB", word0, plen + len(ext), 0, hlim) + hdr[8:] + ext + tcp


def strip_ipv6_exthdrs(ip):
    """Walk the extension header chain and rebuild a plain IPv6+TCP packet."""
    word0, plen, nh, hlim = struct.unpack("!IHBB", ip[:8])
    off = 40
    while nh != 6:
        if nh == 44:   # fragment: fixed 8 bytes
            nxt, ln = ip[off], 8
        else:
            nxt, ln = ip[off], (ip[off + 1] + 1) * 8
        nh, off = nxt, off + ln
    tcp = ip[off:]
    return struct.pack("!IHBB", word0, len(tcp), 6, hlim) + ip[8:40] + tcp


# ---------------------------------------------------------------------------
# Link layers and file formats
# ---------------------------------------------------------------------------

LT_NULL, LT_EN10MB, LT_PPP_HDLC, LT_RAW, LT_CHDLC = 0, 1, 50, 101, 104
LT_LOOP, LT_SLL, LT_SLL2 = 108, 113, 276


def ethertype(p):
    return 0x86DD if p.v6 else 0x0800


def pad60(frame):
    # frames on the wire are at least 60 bytes (without FCS); pad as a receiving NIC shows
    return frame + b"\0" * (60 - len(frame)) if len(frame) < 60 else frame


def l2_ether(p, ip=None):
    ip = p.ip if ip is None else ip
    return pad60(p.dst_mac + p.src_mac + struct.pack("!H", ethertype(p)) + ip)


def l2_vlan(p):
    return pad60(p.dst_mac + p.src_mac + struct.pack("!HHH", 0x8100, 0x0064, ethertype(p)) + p.ip)


def l2_qinq(p):
    return pad60(p.dst_mac + p.src_mac +
                 struct.pack("!HHHHH", 0x88A8, 0x00C8, 0x8100, 0x0064, ethertype(p)) + p.ip)


def l2_pppoe(p):
    proto = 0x0057 if p.v6 else 0x0021
    return pad60(p.dst_mac + p.src_mac + struct.pack("!H", 0x8864) +
                 struct.pack("!BBHH", 0x11, 0x00, 0x2A17, len(p.ip) + 2) +
                 struct.pack("!H", proto) + p.ip)


def l2_loop(p):      # OpenBSD DLT_LOOP: 4-byte AF in network order (AF_INET6 = 24)
    return struct.pack(">I", 24 if p.v6 else 2) + p.ip


def l2_null(p):      # DLT_NULL: 4-byte AF in the file's (little-endian) byte order,
    return struct.pack("<I", 30 if p.v6 else 2) + p.ip   # AF_INET6 = 30 (Darwin)


def l2_sll(p):
    ptype = 0 if p.to_server else 4      # PACKET_HOST / PACKET_OUTGOING
    return (struct.pack("!HHH", ptype, 1, 6) + p.src_mac + b"\0\0" +
            struct.pack("!H", ethertype(p)) + p.ip)


def l2_sll2(p):
    ptype = 0 if p.to_server else 4
    return (struct.pack("!HHIHBB", ethertype(p), 0, 2, 1, ptype, 6) + p.src_mac + b"\0\0" +
            p.ip)


def l2_raw(p):
    return p.ip


def l2_ppp_hdlc(p):
    return b"\xff\x03" + struct.pack("!H", 0x0057 if p.v6 else 0x0021) + p.ip


def l2_chdlc(p):
    return b"\x0f\x00" + struct.pack("!H", ethertype(p)) + p.ip


def pcap_bytes(linktype, recs, endian="<", nano=False, snaplen=262144):
    """recs: list of (t_us, sub_us_ns, frame)."""
    magic = 0xA1B23C4D if nano else 0xA1B2C3D4
    out = [struct.pack(endian + "IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype)]
    for t_us, sub_ns, frame in recs:
        sec = T0 + t_us // 1000000
        frac = (t_us % 1000000) * 1000 + sub_ns if nano else t_us % 1000000
        out.append(struct.pack(endian + "IIII", sec, frac, len(frame), len(frame)))
        out.append(frame)
    return b"".join(out)


def pcapng_block(btype, body):
    body += b"\0" * (-len(body) % 4)
    ln = 12 + len(body)
    return struct.pack("<II", btype, ln) + body + struct.pack("<I", ln)


def pcapng_opt(code, val):
    return struct.pack("<HH", code, len(val)) + val + b"\0" * (-len(val) % 4)


def pcapng_shb():
    opts = (pcapng_opt(4, b"passivetcp-flink datasets/make_datasets.py") +
            pcapng_opt(0, b""))
    return pcapng_block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1) + opts)


def pcapng_idb(linktype, name, tsresol):
    opts = pcapng_opt(2, name) + pcapng_opt(9, bytes([tsresol])) + pcapng_opt(0, b"")
    return pcapng_block(1, struct.pack("<HHI", linktype, 0, 262144) + opts)


def pcapng_epb(ifid, ts_units, frame):
    return pcapng_block(6, struct.pack("<IIIII", ifid, ts_units >> 32, ts_units & 0xFFFFFFFF,
                                       len(frame), len(frame)) + frame)


def write(rel, data):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def gzip_bytes(data):
    # mtime=0 and no file name -> deterministic output
    import io
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as g:
        g.write(data)
    return buf.getvalue()


def main():
    build_scenario()
    pk = PACKETS
    # sub-microsecond digits for the nanosecond files (truncated away by a us reader)
    sub_ns = [rng.randrange(1000) for _ in pk]

    # IPv6 window check: the multiplier must not depend on header length (rule 7)
    for p in pk:
        if not p.v6:
            continue
        win, mss, ts1, doff, flags = parse_syn_fields(p.ip)
        if flags & SYN:
            a = win_multiplier(win, mss, ts1, 40 + doff, True)
            b = win_multiplier(win, mss, ts1, 40 + EXT_LEN + doff, True)
            assert a == b, ("IPv6 window multiplier depends on header length", win, mss, a, b)

    def recs(fn):
        return [(p.t_us, 0, fn(p)) for p in pk]

    sample = pcap_bytes(LT_EN10MB, recs(l2_ether))
    write("sample.pcap", sample)

    simple = {
        "vlan.pcap": (LT_EN10MB, l2_vlan),
        "qinq.pcap": (LT_EN10MB, l2_qinq),
        "pppoe.pcap": (LT_EN10MB, l2_pppoe),
        "loop.pcap": (LT_LOOP, l2_loop),
        "null.pcap": (LT_NULL, l2_null),
        "sll.pcap": (LT_SLL, l2_sll),
        "sll2.pcap": (LT_SLL2, l2_sll2),
        "raw.pcap": (LT_RAW, l2_raw),
        "ppp_hdlc.pcap": (LT_PPP_HDLC, l2_ppp_hdlc),
        "chdlc.pcap": (LT_CHDLC, l2_chdlc),
    }
    for name, (lt, fn) in simple.items():
        write("variants/" + name, pcap_bytes(lt, recs(fn)))

    write("variants/nanosecond.pcap",
          pcap_bytes(LT_EN10MB, [(p.t_us, s, l2_ether(p)) for p, s in zip(pk, sub_ns)],
                     nano=True))
    write("variants/bigendian.pcap", pcap_bytes(LT_EN10MB, recs(l2_ether), endian=">"))
    gz = gzip_bytes(sample)
    write("variants/sample.pcap.gz", gz)
    write("variants/sample-gz-without-suffix.bin", gz)

    # pcapng: if0 Ethernet (us), if1 RAW (ns); connections alternate between interfaces;
    # a custom block (type 0x40000BAD, PEN 32473) that readers must skip.
    blocks = [pcapng_shb(), pcapng_idb(LT_EN10MB, b"eth0", 6), pcapng_idb(LT_RAW, b"tun0", 9)]
    custom_at = len(pk) // 3
    for i, (p, s) in enumerate(zip(pk, sub_ns)):
        if i == custom_at:
            blocks.append(pcapng_block(0x40000BAD, struct.pack("<I", 32473) +
                                       b"opaque vendor data, skip me\x00"))
        abs_us = (T0 * 1000000) + p.t_us
        if p.conn % 2 == 0:
            blocks.append(pcapng_epb(0, abs_us, l2_ether(p)))
        else:
            blocks.append(pcapng_epb(1, abs_us * 1000 + s, p.ip))
    write("variants/mixed-linktypes.pcapng", b"".join(blocks))

    # IPv6 extension headers (IPv4 packets unchanged)
    ext_ips = []
    frag_id = 0x5EED0000
    for p in pk:
        if p.v6:
            frag_id += 1
            ext_ips.append(add_ipv6_exthdrs(p.ip, frag_id))
        else:
            ext_ips.append(p.ip)
    write("variants/ipv6-exthdr.pcap",
          pcap_bytes(LT_EN10MB, [(p.t_us, 0, l2_ether(p, ip)) for p, ip in zip(pk, ext_ips)]))
    plain = pcap_bytes(LT_EN10MB, [(p.t_us, 0, l2_ether(p, strip_ipv6_exthdrs(ip) if p.v6 else ip))
                                   for p, ip in zip(pk, ext_ips)])
    assert plain == sample, "stripping the extension headers must give sample.pcap back"
    write("variants/ipv6-exthdr.plain.pcap", plain)

    # ---- bad files ---------------------------------------------------------
    # truncated: cut in the middle of the data of record #40
    off = 24
    for i in range(39):
        off += 16 + struct.unpack("<I", sample[off + 8:off + 12])[0]
    caplen = struct.unpack("<I", sample[off + 8:off + 12])[0]
    write("bad/truncated-record.pcap", sample[:off + 16 + caplen // 2])

    # bogus caplen: 12 good records, then a header claiming caplen/len 0x7fffff00
    off = 24
    for i in range(12):
        off += 16 + struct.unpack("<I", sample[off + 8:off + 12])[0]
    bogus = struct.pack("<IIII", T0 + 5, 0, 0x7FFFFF00, 0x7FFFFF00)
    write("bad/bogus-caplen.pcap", sample[:off] + bogus + bytes(rng.randrange(256)
                                                               for _ in range(200)))

    # pcapng with broken blocks: 10 good EPBs, an EPB whose trailing length differs from
    # its leading length, then a block whose total length (0x3e) is not a multiple of 4
    blk = [pcapng_shb(), pcapng_idb(LT_EN10MB, b"eth0", 6)]
    for p in pk[:10]:
        blk.append(pcapng_epb(0, T0 * 1000000 + p.t_us, l2_ether(p)))
    good = pcapng_epb(0, T0 * 1000000 + pk[10].t_us, l2_ether(pk[10]))
    blk.append(good[:-4] + struct.pack("<I", len(good) + 8))          # trailer mismatch
    odd = pcapng_epb(0, T0 * 1000000 + pk[11].t_us, l2_ether(pk[11]))
    blk.append(odd[:4] + struct.pack("<I", 0x3E) + odd[8:])            # not a multiple of 4
    for p in pk[12:16]:
        blk.append(pcapng_epb(0, T0 * 1000000 + p.t_us, l2_ether(p)))
    write("bad/bad-pcapng-block.pcapng", b"".join(blk))

    garbage = bytes(rng.randrange(256) for _ in range(4096))
    assert garbage[:2] != b"\x1f\x8b" and garbage[:4] not in (
        b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\xc3\xd4", b"\x4d\x3c\xb2\xa1", b"\xa1\xb2\x3c\x4d",
        b"\x0a\x0d\x0d\x0a")
    write("bad/garbage.pcap", garbage)
    write("bad/empty.pcap", b"")
    write("bad/header-only.pcap", pcap_bytes(LT_EN10MB, []))

    n4 = sum(1 for p in pk if not p.v6)
    print("sample.pcap: %d packets (%d IPv4, %d IPv6), %d connections, %.1f s"
          % (len(pk), n4, len(pk) - n4, Conn.count, (pk[-1].t_us - pk[0].t_us) / 1e6))


if __name__ == "__main__":
    main()
