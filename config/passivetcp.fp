; passivetcp-flink: the default signature database (--db passivetcp)
; =====================================================================
;
; What this file is
;   p0f 3.09b's signature lines, in p0f's order, followed in each TCP and
;   HTTP section by lines for current stacks (Linux 4.19 and newer, Android,
;   Windows 10 and 11, current macOS and iOS) and HTTP software (Chrome,
;   curl, wget, python-requests, Go, Java, nginx, Caddy). It is p0f v3
;   syntax, read with p0f 3.09b's rules (io.passivetcp.signature.
;   SignatureDatabase), and p0f itself loads it. config/p0f.fp is the same
;   without the additions.
;
; Where the entries come from
;   Up to each "passivetcp additions" banner, every classes/label/sys/ua_os/
;   sig line and section header is carried over unchanged from the database
;   that ships with p0f 3.09b (p0f by Michal Zalewski, GNU LGPL 2.1; see
;   NOTICE-p0f.md beside this file). After a banner the lines are ours, and
;   each sig line has its evidence in the comment above it: the source and
;   how many packets showed it. The comments and the layout are ours.
;   Tests check that p0f's lines are all here in p0f's order, that every
;   added sig names its evidence, and that each capture in
;   datasets/linux-variants/ and datasets/http-tools/ gets the label
;   claimed for it here.
;
; Why the additions come last
;   Matching takes the first specific signature that fits exactly, else the
;   first generic one, else the first fuzzy one (spec section 4.3). Lines
;   placed after p0f's can therefore never take a packet from one of p0f's
;   specific signatures: they only turn p0f's generic, fuzzy or unknown
;   answers into specific ones.
;
; Format
;   See the project README ("Signature databases") and the p0f 3.09b
;   behavioural specification: section 2 (TCP signature fields and quirks),
;   3 (file grammar, label/sys/ua_os, duplicate detection), 4 (TCP
;   matching), 5 (MTU) and 7.5-7.6 (HTTP header signatures). In short:
;     - LF line endings only; a CR makes the line invalid.
;     - ';' starts a comment only at the beginning of a line.
;     - Nothing is trimmed at the end of a line: a trailing blank after a
;       TCP signature is an error, after a label it becomes part of the name.
;     - Any error stops loading and names the line.
;     - A signature that an earlier specific signature of the same section
;       already matches is rejected when the file is loaded (p0f aborts).
;
; Adding signatures
;   Append them to the additions of their section, each with a comment
;   naming its evidence (a capture, a public collection, a count). Check
;   that p0f still loads the file:
;     p0f -f config/passivetcp.fp -r datasets/sample.pcap -o /tmp/x.log

; ---------------------------------------------------------------------------
; OS classes. A label names one of these (or '!' for a user application), and
; 'sys' lines refer to them as @class. Must come before the first section.
; ---------------------------------------------------------------------------
classes = win,unix,other

; ===========================================================================
; [mtu] - link types by MTU
;
; The MTU is derived from a SYN's or SYN+ACK's MSS option: MSS + 40 for IPv4,
; MSS + 60 for IPv6, whatever options the packet carries. 'label' is the link
; type printed in the mtu event, each 'sig' one MTU value. The first label
; that lists a value is the one reported.
; ===========================================================================

[mtu]

label = Ethernet or modem
sig   = 576
sig   = 1500

label = DSL
sig   = 1452
sig   = 1454
sig   = 1492

label = GIF
sig   = 1240
sig   = 1280

label = generic tunnel or VPN
sig   = 1300
sig   = 1400
sig   = 1420
sig   = 1440
sig   = 1450
sig   = 1460

label = IPSec or GRE
sig   = 1476

label = IPIP or SIT
sig   = 1480

label = PPTP
sig   = 1490

label = AX.25 radio modem
sig   = 256

label = SLIP
sig   = 552

label = Google
sig   = 1470

label = VLAN
sig   = 1496

label = Ericsson HIS modem
sig   = 1656

label = jumbo Ethernet
sig   = 9000

label = loopback
sig   = 3924
sig   = 16384
sig   = 16436

; ===========================================================================
; [tcp:request] - client operating systems and tools, from SYN packets
;
; sig = ver:ittl:olen:mss:wsize,scale:olayout:quirks:pclass
; label = s|g:class|!:name:flavor ('g' = generic catch-all, tried only when
; no specific signature matches; '!' = a user-space tool, which must be
; followed by a 'sys' line listing the systems it is expected on).
; Groups below follow the order in which p0f lists them; that order matters.
; ===========================================================================

[tcp:request]

; --- Linux ---
label = s:unix:Linux:3.11 and newer
sig   = *:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*20,7:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:3.1-3.10
sig   = *:64:0:*:mss*10,4:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*10,5:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*10,6:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*10,7:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:2.6.x
sig   = *:64:0:*:mss*4,6:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*4,7:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*4,8:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:2.4.x
sig   = *:64:0:*:mss*4,0:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*4,1:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*4,2:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:2.2.x
sig   = *:64:0:*:mss*11,0:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*20,0:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*22,0:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:2.0
sig   = *:64:0:*:mss*12,0:mss::0
sig   = *:64:0:*:16384,0:mss::0

label = s:unix:Linux:3.x (loopback)
sig   = *:64:0:16396:mss*2,4:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:16376:mss*2,4:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:2.6.x (loopback)
sig   = *:64:0:16396:mss*2,2:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:16376:mss*2,2:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:2.4.x (loopback)
sig   = *:64:0:16396:mss*2,0:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:2.2.x (loopback)
sig   = *:64:0:3884:mss*8,0:mss,sok,ts,nop,ws:df,id+:0

label = s:unix:Linux:2.6.x (Google crawler)
sig   = 4:64:0:1430:mss*4,6:mss,sok,ts,nop,ws::0

label = s:unix:Linux:(Android)
sig   = *:64:0:*:mss*44,1:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*44,3:mss,sok,ts,nop,ws:df,id+:0

label = g:unix:Linux:3.x
sig   = *:64:0:*:mss*10,*:mss,sok,ts,nop,ws:df,id+:0

label = g:unix:Linux:2.4.x-2.6.x
sig   = *:64:0:*:mss*4,*:mss,sok,ts,nop,ws:df,id+:0

label = g:unix:Linux:2.2.x-3.x
sig   = *:64:0:*:*,*:mss,sok,ts,nop,ws:df,id+:0

label = g:unix:Linux:2.2.x-3.x (no timestamps)
sig   = *:64:0:*:*,*:mss,nop,nop,sok,nop,ws:df,id+:0

label = g:unix:Linux:2.2.x-3.x (barebone)
sig   = *:64:0:*:*,0:mss:df,id+:0

; --- Windows ---
label = s:win:Windows:XP
sig   = *:128:0:*:16384,0:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,0:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,0:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,1:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,2:mss,nop,ws,nop,nop,sok:df,id+:0

label = s:win:Windows:7 or 8
sig   = *:128:0:*:8192,0:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:8192,2:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:8192,2:mss,nop,ws,sok,ts:df,id+:0

label = s:win:Windows:7 (Websense crawler)
sig   = *:64:0:1380:mss*4,6:mss,nop,nop,ts,nop,ws:df,id+:0
sig   = *:64:0:1380:mss*4,7:mss,nop,nop,ts,nop,ws:df,id+:0

label = g:win:Windows:NT kernel 5.x
sig   = *:128:0:*:16384,*:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,*:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:16384,*:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,*:mss,nop,ws,nop,nop,sok:df,id+:0

label = g:win:Windows:NT kernel 6.x
sig   = *:128:0:*:8192,*:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:8192,*:mss,nop,ws,nop,nop,sok:df,id+:0

label = g:win:Windows:NT kernel
sig   = *:128:0:*:*,*:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:*,*:mss,nop,ws,nop,nop,sok:df,id+:0

; --- Mac OS X ---
label = s:unix:Mac OS X:10.x
sig   = *:64:0:*:65535,1:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0
sig   = *:64:0:*:65535,3:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

; --- MacOS X ---
label = s:unix:MacOS X:10.9 or newer (sometimes iPhone or iPad)
sig   = *:64:0:*:65535,4:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

; --- iOS ---
label = s:unix:iOS:iPhone or iPad
sig   = *:64:0:*:65535,2:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

; --- Mac OS X ---
label = g:unix:Mac OS X:
sig   = *:64:0:*:65535,*:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

; --- FreeBSD ---
label = s:unix:FreeBSD:9.x or newer
sig   = *:64:0:*:65535,6:mss,nop,ws,sok,ts:df,id+:0

label = s:unix:FreeBSD:8.x
sig   = *:64:0:*:65535,3:mss,nop,ws,sok,ts:df,id+:0

label = g:unix:FreeBSD:
sig   = *:64:0:*:65535,*:mss,nop,ws,sok,ts:df,id+:0

; --- OpenBSD ---
label = s:unix:OpenBSD:3.x
sig   = *:64:0:*:16384,0:mss,nop,nop,sok,nop,ws,nop,nop,ts:df,id+:0

label = s:unix:OpenBSD:4.x-5.x
sig   = *:64:0:*:16384,3:mss,nop,nop,sok,nop,ws,nop,nop,ts:df,id+:0

; --- Solaris ---
label = s:unix:Solaris:8
sig   = *:64:0:*:32850,1:nop,ws,nop,nop,ts,nop,nop,sok,mss:df,id+:0

label = s:unix:Solaris:10
sig   = *:64:0:*:mss*34,0:mss,nop,ws,nop,nop,sok:df,id+:0

; --- OpenVMS ---
label = s:unix:OpenVMS:8.x
sig   = 4:128:0:1460:mtu*2,0:mss,nop,ws::0

label = s:unix:OpenVMS:7.x
sig   = 4:64:0:1460:61440,0:mss,nop,ws::0

; --- NeXTSTEP ---
label = s:other:NeXTSTEP:
sig   = 4:64:0:1024:mss*4,0:mss::0

; --- Tru64 ---
label = s:unix:Tru64:4.x
sig   = 4:64:0:1460:32768,0:mss,nop,ws:df,id+:0

; --- NMap ---
label = s:!:NMap:SYN scan
sys   = @unix,@win
sig   = *:64-:0:1460:1024,0:mss::0
sig   = *:64-:0:1460:2048,0:mss::0
sig   = *:64-:0:1460:3072,0:mss::0
sig   = *:64-:0:1460:4096,0:mss::0

label = s:!:NMap:OS detection
sys   = @unix,@win
sig   = *:64-:0:265:512,0:mss,sok,ts:ack+:0
sig   = *:64-:0:0:4,10:sok,ts,ws,eol+0:ack+:0
sig   = *:64-:0:1460:1,10:ws,nop,mss,ts,sok:ack+:0
sig   = *:64-:0:536:16,10:mss,sok,ts,ws,eol+0:ack+:0
sig   = *:64-:0:640:4,5:ts,nop,nop,ws,nop,mss:ack+:0
sig   = *:64-:0:1400:63,0:mss,ws,sok,ts,eol+0:ack+:0
sig   = *:64-:0:265:31337,10:ws,nop,mss,ts,sok:ack+:0
sig   = *:64-:0:1460:3,10:ws,nop,mss,sok,nop,nop:ecn,uptr+:0

; --- p0f ---
label = s:unix:p0f:sendsyn utility
sig   = *:192:0:1331:1337,0:mss,nop,eol+18::0
sig   = *:192:0:1331:1337,0:mss,ts,nop,eol+8::0
sig   = *:192:0:1331:1337,5:mss,ws,nop,eol+15::0
sig   = *:192:0:1331:1337,0:mss,sok,nop,eol+16::0
sig   = *:192:0:1331:1337,5:mss,ws,ts,nop,eol+5::0
sig   = *:192:0:1331:1337,0:mss,sok,ts,nop,eol+6::0
sig   = *:192:0:1331:1337,5:mss,ws,sok,nop,eol+13::0
sig   = *:192:0:1331:1337,5:mss,ws,sok,ts,nop,eol+3::0

; --- Blackberry ---
label = s:other:Blackberry:
sig   = *:128:0:1452:65535,0:mss,nop,nop,sok,nop,nop,ts::0

; --- Nintendo ---
label = s:other:Nintendo:3DS
sig   = *:64:0:1360:32768,0:mss,nop,nop,sok:df,id+:0

label = s:other:Nintendo:Wii
sig   = 4:64:0:1460:32768,0:mss,nop,nop,sok:df,id+:0

; --- BaiduSpider ---
label = s:unix:BaiduSpider:
sig   = *:64:0:1460:mss*4,7:mss,sok,nop,nop,nop,nop,nop,nop,nop,nop,nop,nop,nop,ws:df,id+:0
sig   = *:64:0:1460:mss*4,2:mss,sok,nop,nop,nop,nop,nop,nop,nop,nop,nop,nop,nop,ws:df,id+:0

; ###########################################################################
; passivetcp additions to [tcp:request]
;
; Everything from here to the end of the section is ours, appended after
; p0f's lines on purpose: a packet that one of p0f's specific signatures
; matches exactly is decided before matching gets here, so these lines only
; label what p0f left generic, fuzzy or unknown. Evidence names are short:
;   own      datasets/linux-variants/*.pcap, made by capture.sh there with
;            this machine's kernel (Linux 6.18) in network namespaces; one
;            IPv4 and one IPv6 connection per variant
;   corpus   ../shared/corpus/dev p0f logs: how many SYNs carry this raw_sig,
;            and the OS the same host's HTTP User-Agent names where it sent one
;   pm       peace-maker/p0f3-database p0f.fp (LGPL-2.1)
;   huginn   biandratti/huginn-net huginn-net-db/config/p0f.fp
;   satori   xnih/satori fingerprints/tcp.xml (observed values only)
; ###########################################################################

; --- Linux 4.19 and newer ---
; Since 4.19 the initial receive window is the largest multiple of the MSS
; below 64 KiB (44 x 1460 = 64240, 45 x 1440 = 64800), where 3.x-4.18 sent
; 20 x MSS. The scale follows tcp_rmem's maximum, not the version (7 on
; small machines, 10 here), so it is left open. Sources disagree on the
; version: pm says "4.x and newer"; satori shows Ubuntu 18.04 (4.15) still
; at 29200 and Ubuntu 20.04/22.04 and Debian 12 at 64240 W7, so we say 4.19.
label = s:unix:Linux:4.19 and newer
; own default: 1 SYN; corpus 109 SYNs (84 at scale 7, 21 at 10), 1 host
; with a Linux User-Agent; pm (scale 7); satori Ubuntu 20/22, Debian 12 (64240 W7)
sig   = *:64:0:*:mss*44,*:mss,sok,ts,nop,ws:df,id+:0
; own ecn-on (tcp_ecn=1): 1 SYN
sig   = *:64:0:*:mss*44,*:mss,sok,ts,nop,ws:df,id+,ecn:0
; own mtu-1492 (MSS 1452): 1 SYN; the same multiple for MSS 1440
sig   = *:64:0:*:mss*45,*:mss,sok,ts,nop,ws:df,id+:0
; own mtu-1280 (MSS 1240): 1 SYN
sig   = *:64:0:*:mss*52,*:mss,sok,ts,nop,ws:df,id+:0
; own mtu-9000 (MSS 8960): 1 SYN; corpus 7 SYNs
sig   = *:64:0:*:mss*7,*:mss,sok,ts,nop,ws:df,id+:0
; own timestamps-off (tcp_timestamps=0): 1 SYN
sig   = *:64:0:*:mss*44,*:mss,nop,nop,sok,nop,ws:df,id+:0
; own sack-off (tcp_sack=0): 1 SYN
sig   = *:64:0:*:mss*44,*:mss,nop,nop,ts,nop,ws:df,id+:0
; own wscale-off (tcp_window_scaling=0): 1 SYN
sig   = *:64:0:*:mss*44,0:mss,sok,ts:df,id+:0
; IPv6: no IP ID, and Linux sets a flow label, which p0f's '*' lines never
; accept (stock p0f leaves every Linux IPv6 SYN unknown).
; own default and mtu-1492 (MSS 1440, 1432): 2 SYNs; corpus 98 SYNs (82 at
; scale 7, 16 at 10)
sig   = 6:64:0:*:mss*45,*:mss,sok,ts,nop,ws:flow:0
; own ecn-on: 1 SYN
sig   = 6:64:0:*:mss*45,*:mss,sok,ts,nop,ws:ecn,flow:0
; own mtu-1280 (MSS 1220): 1 SYN
sig   = 6:64:0:*:mss*53,*:mss,sok,ts,nop,ws:flow:0
; own mtu-9000 (MSS 8940): 1 SYN
sig   = 6:64:0:*:mss*7,*:mss,sok,ts,nop,ws:flow:0
; own timestamps-off: 1 SYN
sig   = 6:64:0:*:mss*45,*:mss,nop,nop,sok,nop,ws:flow:0
; own sack-off: 1 SYN
sig   = 6:64:0:*:mss*45,*:mss,nop,nop,ts,nop,ws:flow:0
; own wscale-off: 1 SYN
sig   = 6:64:0:*:mss*45,0:mss,sok,ts:flow:0

; --- Android ---
; Android sets its own tcp_rmem per network type, and its SYNs announce a
; flat 65535 window (no MSS multiple) with a large scale.
label = s:unix:Linux:Android 9 or newer
; corpus 167 SYNs (User-Agents of 3 of those hosts: Android 9, Android 5,
; Linux); huginn (Android); satori Android 9.x and 10.x (65535 W8); pm has it
; only with MSS 1250, satori and the corpus show MSS 1460: we leave MSS open
sig   = *:64:0:*:65535,8:mss,sok,ts,nop,ws:df,id+:0
; corpus 12 SYNs (User-Agent of 1 host: Android 10); satori Android 10.x (W9)
sig   = *:64:0:*:65535,9:mss,sok,ts,nop,ws:df,id+:0
label = s:unix:Linux:Android
; corpus 3 SYNs; huginn (Android); satori Amazon Echo Show 5 (Fire OS,
; Android-based, 65535 W6). No version evidence, hence no version.
sig   = *:64:0:*:65535,6:mss,sok,ts,nop,ws:df,id+:0

; --- Windows 10 and 11 ---
; Windows 11 kept Windows 10's stack: nothing in a SYN tells them apart
; (satori lists no Windows 11 SYN of its own). huginn calls these "10", pm
; "10 or 11"; we follow pm for that reason.
label = s:win:Windows:10 or 11
; corpus 53 SYNs, labelled only "NT kernel" by
; stock; User-Agent of 1 host: Windows NT 10.0; satori Windows 10 1703-1909
; (64240 W8, also with MSS 1380 and 1360, so the window is a literal 64240,
; not 44 x MSS as in pm and huginn)
sig   = *:128:0:*:64240,8:mss,nop,ws,nop,nop,sok:df,id+:0
; corpus 11 SYNs, which stock calls "NT kernel 5.x" (an XP-era label);
; huginn (Windows 10); satori Windows 10 1703 and 1803 (65535 W8)
sig   = *:128:0:*:65535,8:mss,nop,ws,nop,nop,sok:df,id+:0
; huginn (Windows 10); satori Windows 10 1607 and 1703 (65535 W3)
sig   = *:128:0:*:65535,3:mss,nop,ws,nop,nop,sok:df,id+:0
; satori Windows 10 1703-1909 with RFC 1323 timestamps enabled (64240 W8, ts)
sig   = *:128:0:*:64240,8:mss,nop,ws,sok,ts:df,id+:0
; corpus 9 SYNs (User-Agent of 1 host: Windows NT 5.1, against satori);
; satori Windows 10 and 1909 (64240, no window scaling). We follow satori:
; XP never sent 64240, its windows were 65535, 64512 or 16384.
sig   = *:128:0:*:64240,0:mss,nop,nop,sok:df,id+:0

; --- Apple: macOS and iOS/iPadOS ---
; Apple's layout ends in eol+1. Current systems send IP ID 0 with DF set
; (quirk df without id+), which stock p0f's lines (df,id+) accept only as a
; fuzzy generic "Mac OS X". macOS 11 and later still say "Mac OS X 10_15_7"
; in Safari's and Chrome's User-Agent, and iOS shares the stack, so the
; evidence cannot separate 10.15 from 11-15 or from iOS 13-18.
label = s:unix:Mac OS X:10.15 or newer (or iOS/iPadOS)
; corpus 70 SYNs (62 MSS 1460, 8 loopback MSS 16344)
sig   = *:64:0:*:65535,5:mss,nop,ws,nop,nop,ts,sok,eol+1:df:0
; corpus 39 SYNs (15 MSS 1460, 24 loopback MSS 16344; User-Agent of the
; loopback host: Mac OS X 10_15); satori Mac OS X 10.15.x (65535 W6)
sig   = *:64:0:*:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:df:0
; corpus 8 SYNs: the same with ECN requested (Apple enables ECN by default)
sig   = *:64:0:*:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:df,ecn:0
; corpus 16 SYNs, ECN requested
sig   = *:64:0:*:65535,7:mss,nop,ws,nop,nop,ts,sok,eol+1:df,ecn:0
; IPv6: corpus 9 SYNs (8 loopback MSS 16324; flow label set)
sig   = 6:64:0:*:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:flow:0
label = s:unix:Mac OS X:10.10 or newer
; The same stack before IP ID 0. Stock's "10.9 or newer" (W4) stays first.
; corpus 46 SYNs (User-Agents of 4 hosts: Mac OS X 10_10 once, 10_12 three
; times); huginn (under "10.x"); satori Mac OS X 10.14.x (65535 W5)
sig   = *:64:0:*:65535,5:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0
; huginn (under "10.x"); satori Mac OS X 10.14.x and 10.15.x (65535 W6)
sig   = *:64:0:*:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

; Not added, for want of evidence that separates them on the wire:
; FreeBSD 12-14 (stock's "FreeBSD 9.x or newer", 65535 W6, still fits),
; ChromeOS (a Linux kernel; its SYNs fall to the Linux lines above).

; ===========================================================================
; [tcp:response] - server operating systems, from SYN+ACK packets
;
; Same syntax as [tcp:request]. A SYN+ACK window is also tried as a multiple
; of the client's MSS. Servers answering p0f-sendsyn probes echo MSS 1331,
; which raw_sig shows as '*'.
; ===========================================================================

[tcp:response]

; --- Linux ---
label = s:unix:Linux:3.x
sig   = *:64:0:*:mss*10,0:mss:df:0
sig   = *:64:0:*:mss*10,0:mss,sok,ts:df:0
sig   = *:64:0:*:mss*10,0:mss,nop,nop,ts:df:0
sig   = *:64:0:*:mss*10,0:mss,nop,nop,sok:df:0
sig   = *:64:0:*:mss*10,*:mss,nop,ws:df:0
sig   = *:64:0:*:mss*10,*:mss,sok,ts,nop,ws:df:0
sig   = *:64:0:*:mss*10,*:mss,nop,nop,ts,nop,ws:df:0
sig   = *:64:0:*:mss*10,*:mss,nop,nop,sok,nop,ws:df:0

label = s:unix:Linux:2.4-2.6
sig   = *:64:0:*:mss*4,0:mss:df:0
sig   = *:64:0:*:mss*4,0:mss,sok,ts:df:0
sig   = *:64:0:*:mss*4,0:mss,nop,nop,ts:df:0
sig   = *:64:0:*:mss*4,0:mss,nop,nop,sok:df:0

label = s:unix:Linux:2.4.x
sig   = *:64:0:*:mss*4,0:mss,nop,ws:df:0
sig   = *:64:0:*:mss*4,0:mss,sok,ts,nop,ws:df:0
sig   = *:64:0:*:mss*4,0:mss,nop,nop,ts,nop,ws:df:0
sig   = *:64:0:*:mss*4,0:mss,nop,nop,sok,nop,ws:df:0

label = s:unix:Linux:2.6.x
sig   = *:64:0:*:mss*4,*:mss,nop,ws:df:0
sig   = *:64:0:*:mss*4,*:mss,sok,ts,nop,ws:df:0
sig   = *:64:0:*:mss*4,*:mss,nop,nop,ts,nop,ws:df:0
sig   = *:64:0:*:mss*4,*:mss,nop,nop,sok,nop,ws:df:0

; --- Windows ---
label = s:win:Windows:XP
sig   = *:128:0:*:65535,0:mss:df,id+:0
sig   = *:128:0:*:65535,0:mss,nop,ws:df,id+:0
sig   = *:128:0:*:65535,0:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,0:mss,nop,nop,ts:df,id+,ts1-:0
sig   = *:128:0:*:65535,0:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:65535,0:mss,nop,ws,nop,nop,ts:df,id+,ts1-:0
sig   = *:128:0:*:65535,0:mss,nop,nop,ts,nop,nop,sok:df,id+,ts1-:0
sig   = *:128:0:*:65535,0:mss,nop,ws,nop,nop,ts,nop,nop,sok:df,id+,ts1-:0
sig   = *:128:0:*:16384,0:mss:df,id+:0
sig   = *:128:0:*:16384,0:mss,nop,ws:df,id+:0
sig   = *:128:0:*:16384,0:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:16384,0:mss,nop,nop,ts:df,id+,ts1-:0
sig   = *:128:0:*:16384,0:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:128:0:*:16384,0:mss,nop,ws,nop,nop,ts:df,id+,ts1-:0
sig   = *:128:0:*:16384,0:mss,nop,nop,ts,nop,nop,sok:df,id+,ts1-:0
sig   = *:128:0:*:16384,0:mss,nop,ws,nop,nop,ts,nop,nop,sok:df,id+,ts1-:0

label = s:win:Windows:7 or 8
sig   = *:128:0:*:8192,0:mss:df,id+:0
sig   = *:128:0:*:8192,0:mss,sok,ts:df,id+:0
sig   = *:128:0:*:8192,8:mss,nop,ws:df,id+:0
sig   = *:128:0:*:8192,0:mss,nop,nop,ts:df,id+:0
sig   = *:128:0:*:8192,0:mss,nop,nop,sok:df,id+:0
sig   = *:128:0:*:8192,8:mss,nop,ws,sok,ts:df,id+:0
sig   = *:128:0:*:8192,8:mss,nop,ws,nop,nop,ts:df,id+:0
sig   = *:128:0:*:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0

; --- FreeBSD ---
label = s:unix:FreeBSD:9.x
sig   = *:64:0:*:65535,6:mss,nop,ws:df,id+:0
sig   = *:64:0:*:65535,6:mss,nop,ws,sok,ts:df,id+:0
sig   = *:64:0:*:65535,6:mss,nop,ws,sok,eol+1:df,id+:0
sig   = *:64:0:*:65535,6:mss,nop,ws,nop,nop,ts:df,id+:0

label = s:unix:FreeBSD:8.x
sig   = *:64:0:*:65535,3:mss,nop,ws:df,id+:0
sig   = *:64:0:*:65535,3:mss,nop,ws,sok,ts:df,id+:0
sig   = *:64:0:*:65535,3:mss,nop,ws,sok,eol+1:df,id+:0
sig   = *:64:0:*:65535,3:mss,nop,ws,nop,nop,ts:df,id+:0

label = s:unix:FreeBSD:8.x-9.x
sig   = *:64:0:*:65535,0:mss,sok,ts:df,id+:0
sig   = *:64:0:*:65535,0:mss,sok,eol+1:df,id+:0
sig   = *:64:0:*:65535,0:mss,nop,nop,ts:df,id+:0

; --- OpenBSD ---
label = s:unix:OpenBSD:5.x
sig   = *:64:0:1460:16384,0:mss,nop,nop,sok:df,id+:0
sig   = *:64:0:1460:16384,3:mss,nop,ws:df,id+:0
sig   = *:64:0:1460:16384,3:mss,nop,nop,sok,nop,ws:df,id+:0
sig   = *:64:0:1460:16384,0:mss,nop,nop,ts:df,id+:0
sig   = *:64:0:1460:16384,0:mss,nop,nop,sok,nop,nop,ts:df,id+:0
sig   = *:64:0:1460:16384,3:mss,nop,ws,nop,nop,ts:df,id+:0
sig   = *:64:0:1460:16384,3:mss,nop,nop,sok,nop,ws,nop,nop,ts:df,id+:0

; --- Mac OS X ---
label = s:unix:Mac OS X:10.x
sig   = *:64:0:*:65535,0:mss,nop,ws:df,id+:0
sig   = *:64:0:*:65535,0:mss,sok,eol+1:df,id+:0
sig   = *:64:0:*:65535,0:mss,nop,nop,ts:df,id+:0
sig   = *:64:0:*:65535,0:mss,nop,ws,sok,eol+1:df,id+:0
sig   = *:64:0:*:65535,0:mss,nop,ws,nop,nop,ts:df,id+:0
sig   = *:64:0:*:65535,0:mss,nop,nop,ts,sok,eol+1:df,id+:0
sig   = *:64:0:*:65535,0:mss,nop,ws,nop,nop,ts,sok,eol+1:df,id+:0

; --- Solaris ---
label = s:unix:Solaris:6
sig   = 4:255:0:*:mss*7,0:mss:df,id+:0
sig   = 4:255:0:*:mss*7,0:nop,ws,mss:df,id+:0
sig   = 4:255:0:*:mss*7,0:nop,nop,ts,mss:df,id+:0
sig   = 4:255:0:*:mss*7,0:nop,nop,ts,nop,ws,mss:df,id+:0

label = s:unix:Solaris:8
sig   = *:64:0:*:mss*19,0:mss:df,id+:0
sig   = *:64:0:*:mss*19,0:nop,ws,mss:df,id+:0
sig   = *:64:0:*:mss*19,0:nop,nop,ts,mss:df,id+:0
sig   = *:64:0:*:mss*19,0:nop,nop,sok,mss:df,id+:0
sig   = *:64:0:*:mss*19,0:nop,nop,ts,nop,ws,mss:df,id+:0
sig   = *:64:0:*:mss*19,0:nop,ws,nop,nop,sok,mss:df,id+:0
sig   = *:64:0:*:mss*19,0:nop,nop,ts,nop,nop,sok,mss:df,id+:0
sig   = *:64:0:*:mss*19,0:nop,nop,ts,nop,ws,nop,nop,sok,mss:df,id+:0

label = s:unix:Solaris:10
sig   = *:64:0:*:mss*37,0:mss:df,id+:0
sig   = *:64:0:*:mss*37,0:mss,nop,ws:df,id+:0
sig   = *:64:0:*:mss*37,0:nop,nop,ts,mss:df,id+:0
sig   = *:64:0:*:mss*37,0:mss,nop,nop,sok:df,id+:0
sig   = *:64:0:*:mss*37,0:nop,nop,ts,mss,nop,ws:df,id+:0
sig   = *:64:0:*:mss*37,0:mss,nop,ws,nop,nop,sok:df,id+:0
sig   = *:64:0:*:mss*37,0:nop,nop,ts,mss,nop,nop,sok:df,id+:0
sig   = *:64:0:*:mss*37,0:nop,nop,ts,mss,nop,ws,nop,nop,sok:df,id+:0

; --- HP-UX ---
label = s:unix:HP-UX:11.x
sig   = *:64:0:*:32768,0:mss:df,id+:0
sig   = *:64:0:*:32768,0:mss,ws,nop:df,id+:0
sig   = *:64:0:*:32768,0:mss,nop,nop,ts:df,id+:0
sig   = *:64:0:*:32768,0:mss,nop,nop,sok:df,id+:0
sig   = *:64:0:*:32768,0:mss,ws,nop,nop,nop,ts:df,id+:0
sig   = *:64:0:*:32768,0:mss,nop,nop,sok,ws,nop:df,id+:0
sig   = *:64:0:*:32768,0:mss,nop,nop,sok,nop,nop,ts:df,id+:0
sig   = *:64:0:*:32768,0:mss,nop,nop,sok,ws,nop,nop,nop,ts:df,id+:0

; --- OpenVMS ---
label = s:other:OpenVMS:7.x
sig   = 4:64:0:1460:3993,0:mss::0
sig   = 4:64:0:1460:3993,0:mss,nop,ws::0

; --- Tru64 ---
label = s:unix:Tru64:4.x
sig   = 4:64:0:1460:mss*25,0:mss,nop,ws:df,id+:0
sig   = 4:64:0:1460:mss*25,0:mss:df,id+:0

; ###########################################################################
; passivetcp additions to [tcp:response]
;
; Ours, appended after p0f's lines for the reason given in [tcp:request];
; the evidence names are the same. A server's SYN+ACK echoes only the
; options the client offered, so one stack shows several layouts.
; ###########################################################################

; --- Linux 4.19 and newer ---
; The window is the largest multiple of the MSS below 64 KiB, counted on
; MSS - 12 when timestamps are on (45 x 1448 = 65160). pm calls these
; "Linux 5.x"; our 6.18 kernel sends the same, and the window rule dates
; from 4.19 (see [tcp:request]), so we keep one label for both directions.
label = s:unix:Linux:4.19 and newer
; own default: 1 SYN+ACK; corpus 87 SYN+ACKs; pm
sig   = *:64:0:*:mss*45,*:mss,sok,ts,nop,ws:df:0
; own ecn-on: 1 SYN+ACK; corpus 9 SYN+ACKs
sig   = *:64:0:*:mss*45,*:mss,sok,ts,nop,ws:df,ecn:0
; own mtu-1280 (MSS 1240): 1 SYN+ACK
sig   = *:64:0:*:mss*53,*:mss,sok,ts,nop,ws:df:0
; own mtu-9000 (MSS 8960): 1 SYN+ACK; corpus 3 SYN+ACKs
sig   = *:64:0:*:mss*7,*:mss,sok,ts,nop,ws:df:0
; own timestamps-off: 1 SYN+ACK; corpus 28 SYN+ACKs; pm
sig   = *:64:0:*:mss*44,*:mss,nop,nop,sok,nop,ws:df:0
; own sack-off: 1 SYN+ACK; pm
sig   = *:64:0:*:mss*45,*:mss,nop,nop,ts,nop,ws:df:0
; own wscale-off: 1 SYN+ACK; corpus 1 SYN+ACK; pm
sig   = *:64:0:*:mss*45,0:mss,sok,ts:df:0
; pm (answers to clients that offer no options, or SACK only, or no
; timestamps nor SACK); corpus 2 SYN+ACKs for the first
sig   = *:64:0:*:mss*44,0:mss:df:0
sig   = *:64:0:*:mss*44,0:mss,nop,nop,sok:df:0
sig   = *:64:0:*:mss*44,*:mss,nop,ws:df:0
sig   = *:64:0:*:mss*45,0:mss,nop,nop,ts:df:0
; IPv6, flow label set: own default and mtu-1492 (MSS 1440): 2 SYN+ACKs;
; corpus 17 SYN+ACKs
sig   = 6:64:0:*:mss*45,*:mss,sok,ts,nop,ws:flow:0
; own ecn-on: 1 SYN+ACK
sig   = 6:64:0:*:mss*45,*:mss,sok,ts,nop,ws:ecn,flow:0
; own mtu-1280 (MSS 1220): 1 SYN+ACK
sig   = 6:64:0:*:mss*54,*:mss,sok,ts,nop,ws:flow:0
; own mtu-1492 (MSS 1432): 1 SYN+ACK
sig   = 6:64:0:*:mss*46,*:mss,sok,ts,nop,ws:flow:0
; own mtu-9000 (MSS 8940): 1 SYN+ACK
sig   = 6:64:0:*:mss*7,*:mss,sok,ts,nop,ws:flow:0
; own timestamps-off, sack-off, wscale-off: 1 SYN+ACK each
sig   = 6:64:0:*:mss*45,*:mss,nop,nop,sok,nop,ws:flow:0
sig   = 6:64:0:*:mss*45,*:mss,nop,nop,ts,nop,ws:flow:0
sig   = 6:64:0:*:mss*45,0:mss,sok,ts:flow:0

; --- Linux 3.11 to 4.18 ---
; 29200 (20 x 1460; 20 x 1448 = 28960 with timestamps) is the receive
; window of those kernels, the one stock p0f labels "Linux 3.11 and newer"
; in SYNs, where its SYN+ACK lines know only 3.x's 10 x MSS.
label = s:unix:Linux:3.11-4.18
; corpus 53 SYN+ACKs with initial TTL 64
sig   = *:64:0:*:mss*20,*:mss,sok,ts,nop,ws:df:0
; corpus 25 SYN+ACKs with initial TTL 64, to clients without timestamps
sig   = *:64:0:*:mss*20,*:mss,nop,nop,sok,nop,ws:df:0

; --- Windows 10, 11 and Server 2016-2022 ---
label = s:win:Windows:10, 11 or Server 2016-2022
; corpus 38 SYN+ACKs with initial TTL 128; satori Windows 10 1703 and 1709,
; Windows Server 2019 (65535 W8)
sig   = *:128:0:*:65535,8:mss,nop,ws,nop,nop,sok:df,id+:0

; --- Apple: macOS and iOS/iPadOS ---
; The SYN+ACK twin of the [tcp:request] Apple lines (IP ID 0, eol+1).
label = s:unix:Mac OS X:10.15 or newer (or iOS/iPadOS)
; corpus 25 SYN+ACKs
sig   = *:64:0:*:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:df:0
; corpus 8 SYN+ACKs
sig   = *:64:0:*:65535,5:mss,nop,ws,nop,nop,ts,sok,eol+1:df:0
; corpus 7 SYN+ACKs (IPv6)
sig   = 6:64:0:*:65535,6:mss,nop,ws,nop,nop,ts,sok,eol+1:flow:0

; ===========================================================================
; [http:request] - HTTP clients, from the first request of a connection
;
; sig = ver:horder:habsent:expsw
;   ver      0 (HTTP/1.0), 1 (HTTP/1.1) or *
;   horder   headers in the order they must appear; ?Name = may be missing,
;            Name=[text] = value must contain text. Names are case-sensitive.
;   habsent  headers that must not appear
;   expsw    text expected in User-Agent; only decides 'dishonest'
; ua_os maps User-Agent substrings to the OS they claim, and may only appear
; here, before the first label.
; ===========================================================================

[http:request]
ua_os = Linux,Windows,iOS=[iPad],iOS=[iPhone],Mac OS X,FreeBSD,OpenBSD,NetBSD,Solaris=[SunOS]

label = s:!:Firefox:2.x
sys   = Windows,@unix
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language,Accept-Encoding=[gzip,deflate],Accept-Charset=[utf-8;q=0.7,*;q=0.7],Keep-Alive=[300],Connection=[keep-alive]::Firefox/

label = s:!:Firefox:3.x
sys   = Windows,@unix
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language,Accept-Encoding=[gzip,deflate],Accept-Charset=[utf-8;q=0.7,*;q=0.7],Keep-Alive=[115],Connection=[keep-alive],?Referer::Firefox/

label = s:!:Firefox:4.x
sys   = Windows,@unix
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language,Accept-Encoding=[gzip, deflate],Accept-Charset=[utf-8;q=0.7,*;q=0.7],Keep-Alive=[115],Connection=[keep-alive],?Referer::Firefox/

label = s:!:Firefox:5.x-9.x
sys   = Windows,@unix
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language,Accept-Encoding=[gzip, deflate],Accept-Charset=[utf-8;q=0.7,*;q=0.7],?DNT=[1],Connection=[keep-alive],?Referer:Keep-Alive:Firefox/
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language,Accept-Encoding=[gzip, deflate],Accept-Charset=[UTF-8,*],?DNT=[1],Connection=[keep-alive],?Referer:Keep-Alive:Firefox/
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language,Accept-Encoding=[gzip, deflate],Accept-Charset=[UTF-8,*],?DNT=[1],?Referer,Connection=[keep-alive]:Keep-Alive:Firefox/
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language,Accept-Encoding=[gzip, deflate],Accept-Charset=[utf-8;q=0.7,*;q=0.7],?DNT=[1],?Referer,Connection=[keep-alive]:Keep-Alive:Firefox/
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language,Accept-Encoding=[gzip, deflate],Accept-Charset=[utf-8;q=0.7,*;q=0.7],?Referer,?DNT=[1],Connection=[keep-alive]:Keep-Alive:Firefox/

label = s:!:Firefox:10.x or newer
sys   = Windows,@unix
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language=[;q=],Accept-Encoding=[gzip, deflate],?DNT=[1],Connection=[keep-alive],?Referer:Accept-Charset,Keep-Alive:Firefox/
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language=[;q=],Accept-Encoding=[gzip, deflate],?DNT=[1],?Referer,Connection=[keep-alive]:Accept-Charset,Keep-Alive:Firefox/

label = s:!:Firefox:10.x or Safari 5.x
sys   = Windows,@unix
sig   = *:Host,User-Agent,Accept=[xml;q=0.9,*/*;q=0.8],Accept-Language,Accept-Encoding=[gzip, deflate],Connection=[keep-alive]:Keep-Alive,Accept-Charset,DNT,Referer:Gecko

label = s:!:MSIE:8 or newer
sys   = Windows
sig   = 1:Accept=[*/*],?Referer,?Accept-Language,User-Agent,Accept-Encoding=[gzip, deflate],Host,Connection=[Keep-Alive]:Keep-Alive,Accept-Charset,UA-CPU:Trident/
sig   = 1:Accept=[*/*],?Referer,?Accept-Language,Accept-Encoding=[gzip, deflate],User-Agent,Host,Connection=[Keep-Alive]:Keep-Alive,Accept-Charset:(compatible; MSIE

label = s:!:MSIE:7
sys   = Windows
sig   = 1:Accept=[*/*],?Referer,?Accept-Language,UA-CPU,User-Agent,Accept-Encoding=[gzip, deflate],Host,Connection=[Keep-Alive]:Keep-Alive,Accept-Charset:(compatible; MSIE

label = s:!:MSIE:6
sys   = Windows
sig   = 0:Accept=[*/*],?Referer,User-Agent,Host:Keep-Alive,Connection,Accept-Encoding,Accept-Language,Accept-Charset:(compatible; MSIE
sig   = 1:Accept=[*/*],Connection=[Keep-Alive],Host,?Pragma=[no-cache],?Range,?Referer,User-Agent:Keep-Alive,Accept-Encoding,Accept-Language,Accept-Charset:(compatible; MSIE

label = s:!:Chrome:11.x to 26.x
sys   = Windows,@unix
sig   = 1:Host,Connection=[keep-alive],User-Agent,Accept=[*/*],?Referer,Accept-Encoding=[gzip,deflate,sdch],Accept-Language,Accept-Charset=[utf-8;q=0.7,*;q=0.3]:: Chrom
sig   = 1:Host,Connection=[keep-alive],User-Agent,Accept=[*/*],?Referer,Accept-Encoding=[gzip,deflate,sdch],Accept-Language,Accept-Charset=[UTF-8,*;q=0.5]:: Chrom
sig   = 1:Host,User-Agent,Accept=[*/*],?Referer,Accept-Encoding=[gzip,deflate,sdch],Accept-Language,Accept-Charset=[utf-8;q=0.7,*;q=0.3],Connection=[keep-alive]::Chrom

label = s:!:Chrome:27.x to 42.x
sys   = Windows,@unix
sig   = 1:Host,Connection=[keep-alive],Accept=[*/*],User-Agent,?Referer,Accept-Encoding=[gzip,deflate,sdch],Accept-Language:Accept-Charset,Keep-Alive: Chrom

label = s:!:Chrome:43.x or 50.x
sys   = Windows,@unix
sig   = 1:Host,Connection=[keep-alive],Accept=[*/*],User-Agent,?Referer,Accept-Encoding=[gzip, deflate, sdch],Accept-Language:Accept-Charset,Keep-Alive: Chrom

label = s:!:Chrome:51.x or newer
sys   = Windows,@unix
sig   = 1:Host,Connection=[keep-alive],Upgrade-Insecure-Requests=[1],User-Agent,Accept=[*/*],Accept-Encoding=[gzip, deflate, sdch],Accept-Language:Accept-Charset,Keep-Alive: Chrom

label = s:!:Opera:19.x or newer
sys   = Windows,@unix
sig   = 1:Host,Connection=[keep-alive],Accept=[*/*;q=0.8],User-Agent,Accept-Encoding=[gzip,deflate,lzma,sdch],Accept-Language=[;q=0.]:Accept-Charset,Keep-Alive:OPR/

label = s:!:Opera:15.x-18.x
sys   = Windows,@unix
sig   = 1:Host,Connection=[keep-alive],Accept=[*/*;q=0.8],User-Agent,Accept-Encoding=[gzip, deflate],Accept-Language=[;q=0.]:Accept-Charset,Keep-Alive:OPR/

label = s:!:Opera:11.x-14.x
sys   = Windows,@unix
sig   = 1:User-Agent,Host,Accept=[*/*;q=0.1],?Accept-Language=[;q=0.],Accept-Encoding=[gzip, deflate],Connection=[Keep-Alive]:Accept-Charset,X-OperaMini-Phone-UA:) Presto/

label = s:!:Opera:10.x
sys   = Windows,@unix
sig   = 1:User-Agent,Host,Accept=[*/*;q=0.1],Accept-Language=[;q=0.],Accept-Charset=[utf-8, utf-16, *;q=0.1],Accept-Encoding=[deflate, gzip, x-gzip, identity, *;q=0],Connection=[Keep-Alive]::Presto/
sig   = 1:User-Agent,Host,Accept=[*/*;q=0.1],Accept-Language=[en],Accept-Encoding=[gzip, deflate],Connection=[Keep-Alive]:Accept-Charset:Opera/

label = s:!:Opera:Mini
sys   = Linux
sig   = 1:User-Agent,Host,Accept=[*/*;q=0.1],Accept-Language=[;q=0.],Accept-Encoding=[gzip, deflate],Connection=[Keep-Alive],X-OperaMini-Phone-UA,X-OperaMini-Features,X-OperaMini-Phone,x-forwarded-for:Accept-Charset:Opera Mini/

label = s:!:Opera:on Nintendo Wii
sys   = Nintendo
sig   = 1:User-Agent,Host,Accept=[*/*;q=0.1],Accept-Language=[en],Accept-Charset=[iso-8859-1, utf-8, utf-16, *;q=0.1],Accept-Encoding=[deflate, gzip, x-gzip, identity, *;q=0],Connection=[Keep-Alive]::Nintendo

label = s:!:Android:2.x
sys   = Linux
sig   = 1:Host,Accept-Encoding=[gzip],Accept-Language,User-Agent,Accept=[,*/*;q=0.5],Accept-Charset=[utf-16, *;q=0.7]:Connection:Android
sig   = 1:Host,Connection=[keep-alive],Accept-Encoding=[gzip],Accept-Language,User-Agent,Accept=[,*/*;q=0.5],Accept-Charset=[utf-16, *;q=0.7]::Android
sig   = 1:Host,Accept-Encoding=[gzip],Accept-Language=[en-US],Accept=[*/*;q=0.5],User-Agent,Accept-Charset=[utf-16, *;q=0.7]:Connection:Android

label = s:!:Android:4.x
sys   = Linux
sig   = 1:Host,Connection=[keep-alive],Accept=[,*/*;q=0.8],User-Agent,Accept-Encoding=[gzip,deflate],Accept-Language,Accept-Charset=[utf-16, *;q=0.7]::Android

label = s:!:Safari:7 or newer
sys   = @unix
sig   = *:Host,Accept-Encoding=[gzip, deflate],Connection=[keep-alive],Accept=[*/*],User-Agent,Accept-Language,?Referer,?DNT:Accept-Charset,Keep-Alive:KHTML, like Gecko)

label = s:!:Safari:5.1-6
sys   = Windows,@unix
sig   = *:Host,User-Agent,Accept=[*/*],?Referer,Accept-Language,Accept-Encoding=[gzip, deflate],Connection=[keep-alive]:Accept-Charset:KHTML, like Gecko)
sig   = *:Host,User-Agent,Accept=[*/*],?Referer,Accept-Encoding=[gzip, deflate],Accept-Language,Connection=[keep-alive]:Accept-Charset:KHTML, like Gecko)

label = s:!:Safari:5.0 or earlier
sys   = Mac OS X
sig   = 0:Host,User-Agent,Connection=[close]:Accept,Accept-Encoding,Accept-Language,Accept-Charset:CFNetwork/

label = s:!:Konqueror:4.6 or earlier
sys   = Linux,FreeBSD,OpenBSD
sig   = 1:Host,Connection=[Keep-Alive],User-Agent,?Pragma,?Cache-control,Accept=[*/*],Accept-Encoding=[x-gzip, x-deflate, gzip, deflate],Accept-Charset=[;q=0.5, *;q=0.5],Accept-Language::Konqueror/

label = s:!:Konqueror:4.7 or newer
sys   = Linux,FreeBSD,OpenBSD
sig   = 1:Host,Connection=[keep-alive],User-Agent,Accept=[*/*],Accept-Encoding=[gzip, deflate, x-gzip, x-deflate],Accept-Charset=[,*;q=0.5],Accept-Language::Konqueror/

label = s:!:BaiduSpider:
sys   = BaiduSpider
sig   = 1:Host,Connection=[close],User-Agent,Accept=[*/*]:Accept-Encoding,Accept-Language,Accept-Charset:Baiduspider-image
sig   = 1:Host,Accept-Language=[zh-cn],Connection=[close],User-Agent:Accept,Accept-Encoding,Accept-Charset:Baiduspider
sig   = 1:Host,Connection=[close],User-Agent,Accept-Language=[zh-cn,zh-tw],Accept-Encoding=[gzip],Accept=[*/*]:Accept-Charset:Baiduspider
sig   = 1:Host,Connection=[close],User-Agent,Accept-Language=[tr-TR],Accept-Encoding=[gzip],Accept=[*/*]:Accept-Charset:Baiduspider
sig   = 1:Host,Connection=[close],User-Agent,Accept-Encoding=[gzip],?Accept-Language=[zh-cn,zh-tw],Accept=[*/*]:Accept-Charset:Baiduspider
sig   = 1:Host,Connection=[close],User-Agent,Accept-Encoding=[gzip],Accept-Language=[tr-TR],Accept=[*/*]:Accept-Charset:Baiduspider

label = s:!:Googlebot:
sys   = Linux
sig   = 1:Host,Connection=[Keep-alive],Accept=[*/*],From=[googlebot(at)googlebot.com],User-Agent,Accept-Encoding=[gzip,deflate],?If-Modified-Since:Accept-Language,Accept-Charset:Googlebot
sig   = 1:Host,Connection=[Keep-alive],Accept=[text/plain],Accept=[text/html],From=[googlebot(at)googlebot.com],User-Agent,Accept-Encoding=[gzip,deflate]:Accept-Language,Accept-Charset:Googlebot

label = s:!:Googlebot:feed fetcher
sys   = Linux
sig   = 1:Host,Connection=[Keep-alive],Accept=[*/*],User-Agent,Accept-Encoding=[gzip,deflate],?If-Modified-Since:Accept-Language,Accept-Charset:-Google
sig   = 1:User-Agent,?X-shindig-dos=[on],Cache-Control,Host,?X-Forwarded-For,Accept-Encoding=[gzip],?Accept-Language:Connection,Accept,Accept-Charset:Feedfetcher-Google

label = s:!:Bingbot:
sys   = Windows
sig   = 1:Cache-Control,Connection=[Keep-Alive],Pragma=[no-cache],Accept=[*/*],Accept-Encoding,Host,User-Agent:Accept-Language,Accept-Charset:bingbot/

label = s:!:MSNbot:
sys   = Windows
sig   = 1:Connection=[Close],Accept,Accept-Encoding=[gzip, deflate],From=[msnbot(at)microsoft.com],Host,User-Agent:Accept-Language,Accept-Charset:msnbot

label = s:!:Yandex:crawler
sys   = FreeBSD
sig   = 1:Host,Connection=[Keep-Alive],Accept=[*/*],Accept-Encoding=[gzip,deflate],Accept-Language=[en-us, en;q=0.7, *;q=0.01],User-Agent,From=[support@search.yandex.ru]:Accept-Charset:YandexBot/
sig   = 1:Host,Connection=[Keep-Alive],Accept=[image/jpeg, image/pjpeg, image/png, image/gif],User-Agent,From=[support@search.yandex.ru]:Accept-Encoding,Accept-Language,Accept-Charset:YandexImages/
sig   = 1:Host,Connection=[Keep-Alive],User-Agent,From=[support@search.yandex.ru]:Accept,Accept-Encoding,Accept-Language,Accept-Charset:YandexBot/

label = s:!:Yahoo:crawler
sys   = Linux
sig   = 0:Host,User-Agent,Accept=[,image/png,*/*;q=0.5],Accept-Language=[en-us,en;q=0.5],Accept-Encoding=[gzip],Accept-Charset=[,utf-8;q=0.7,*;q=0.7]:Connection:Slurp

label = s:!:Flipboard:crawler
sys   = Linux
sig   = 1:User-Agent,Accept-Language=[en-us,en;q=0.5],Accept-Charset=[;q=0.7,*;q=0.5],Accept-Encoding=[gzip],Host,Accept=[*; q=.2, */*; q=.2],Connection=[keep-alive]::FlipboardProxy
sig   = 1:Accept-language=[en-us,en;q=0.5],Accept-encoding=[gzip],Accept=[;q=0.9,*/*;q=0.8],User-agent,Host:User-Agent,Connection,Accept-Encoding,Accept-Language,Accept-Charset:FlipboardProxy

label = s:!:Spinn3r:crawler
sys   = Linux
sig   = 1:User-Agent,Accept-Encoding=[gzip],Host,Accept=[*; q=.2, */*; q=.2],Connection=[close]:Accept-Language,Accept-Charset:Spinn3r

label = s:!:Facebook:crawler
sys   = Linux
sig   = 1:User-Agent,Host,Accept=[*/*],Accept-Encoding=[deflate, gzip],Connection=[close]:Accept-Language,Accept-Charset:facebookexternalhit/
sig   = 1:User-Agent,Host,Accept=[*/*],Connection=[close]:Accept-Encoding,Accept-Language,Accept-Charset:facebookexternalhit/

label = s:!:paper.li:crawler
sys   = Linux
sig   = 1:Accept-Language=[en-us,en;q=0.5],Accept=[*/*],User-Agent,Connection=[close],Accept-Encoding=[gzip,identity],?Referer,Host,Accept-Charset=[ISO-8859-1,utf-8;q=0.7,*;q=0.7]::PaperLiBot/

label = s:!:Twitter:crawler
sys   = Linux
sig   = 1:User-Agent=[Twitterbot/],Host,Accept=[*; q=.2, */*; q=.2],Cache-Control,Connection=[keep-alive]:Accept-Encoding,Accept-Language,Accept-Charset:Twitterbot/

label = s:!:linkdex:crawler
sys   = Linux
sig   = 0:Host,Connection=[Keep-Alive],User-Agent,Accept-Encoding=[gzip,deflate]:Accept,Accept-Language,Accept-Charset:linkdex.com/

label = s:!:Yodaobot:
sys   = Linux
sig   = 1:Accept-Encoding=[identity;q=0.5, *;q=0.1],User-Agent,Host:Connection,Accept,Accept-Language,Accept-Charset:YodaoBot/

label = s:!:Tweetmeme:crawler
sys   = Linux
sig   = 1:Host,User-Agent,Accept=[,image/png,*/*;q=0.5],Accept-Language=[en-gb,en;q=0.5],Accept-Charset=[ISO-8859-1,utf-8;q=0.7,*;q=0.7]:Connection,Accept-Encoding:TweetmemeBot/

label = s:!:Archive.org:crawler
sys   = Linux
sig   = 0:User-Agent,Connection=[close],Accept=[application/xml;q=0.9,*/*;q=0.8],Host:Accept-Encoding,Accept-Language,Accept-Charset:archive.org

label = s:!:Yahoo Pipes:
sys   = Linux
sig   = 0:Client-IP,X-Forwarded-For,X-YQL-Depth,User-Agent,Host,Connection=[keep-alive],Via:Accept,Accept-Encoding,Accept-Language,Accept-Charset:Yahoo Pipes
sig   = 1:Client-IP,X-Forwarded-For,X-YQL-Depth,User-Agent,Host,Via:Connection,Accept,Accept-Encoding,Accept-Language,Accept-Charset:Yahoo Pipes

label = s:!:Google Web Preview:
sys   = Linux
sig   = 1:Referer,User-Agent,Accept-Encoding=[gzip,deflate],Host,X-Forwarded-For:Connection,Accept,Accept-Language,Accept-Charset:Web Preview

label = s:!:wget:
sys   = @unix,Windows
sig   = *:User-Agent,Accept=[*/*],Host,Connection=[Keep-Alive]:Accept-Encoding,Accept-Language,Accept-Charset:Wget/

label = s:!:Lynx:
sys   = @unix,Windows
sig   = 0:Host,Accept=[text/sgml, */*;q=0.01],Accept-Encoding=[gzip, compress],Accept-Language,User-Agent:Connection,Accept-Charset:Lynx/

label = s:!:curl:
sys   = @unix,Windows
sig   = 1:User-Agent,Host,Accept=[*/*]:Connection,Accept-Encoding,Accept-Language,Accept-Charset:curl/

label = s:!:links:
sys   = @unix,Windows
sig   = 1:Host,User-Agent,Accept=[*/*],Accept-Encoding=[gzip, deflate, bzip2],Accept-Charset=[us-ascii],Accept-Language=[;q=0.1],Connection=[Keep-Alive]::Links
sig   = 1:Host,User-Agent,Accept=[*/*],Accept-Encoding=[gzip,deflate,bzip2],Accept-Charset=[us-ascii],Accept-Language=[;q=0.1],Connection=[keep-alive]::Links

label = s:!:elinks:
sys   = @unix,Windows
sig   = 1:Host,User-Agent,Accept=[*/*],Accept-Encoding=[bzip2, deflate, gzip],Accept-Language:Connection,Accept-Charset:ELinks/

label = s:!:Java:JRE
sys   = @unix,@win
sig   = 1:User-Agent,Host,Accept=[*; q=.2, */*; q=.2],Connection=[keep-alive]:Accept-Encoding,Accept-Language,Accept-Charset:Java/

label = s:!:Python:urllib
sys   = @unix,Windows
sig   = 1:Accept-Encoding=[identity],Host,Connection=[close],User-Agent:Accept,Accept-Language,Accept-Charset:Python-urllib/

label = s:!:w3m:
sys   = @unix,Windows
sig   = 0:User-Agent,Accept=[image/*],Accept-Encoding=[gzip, compress, bzip, bzip2, deflate],Accept-Language=[;q=1.0],Host:Connection,Accept-Charset:w3m/

label = s:!:libfetch:
sys   = @unix
sig   = 1:Host,User-Agent,Connection=[close]:Accept,Accept-Encoding,Accept-Language,Accept-Charset:libfetch/

label = s:!:Google AppEngine:
sys   = Linux
sig   = 1:User-Agent,Host,Accept-Encoding=[gzip]:Connection,Accept,Accept-Language,Accept-Charset:AppEngine-Google

label = s:!:WebOS:
sys   = Linux
sig   = 1:Host,Accept-Encoding=[gzip, deflate],User-Agent,Accept=[,*/*;q=0.5],Accept-Language,Accept-Charset=[utf-8;q=0.7,*;q=0.3]:Connection:wOSBrowser

label = s:!:xxxterm:
sys   = @unix
sig   = 1:Host,User-Agent,Accept=[*/*],Accept-Encoding=[gzip]:Connection,Accept-Language,Accept-Charset:xxxterm

label = s:!:Google Desktop:
sys   = Windows
sig   = 1:Accept=[*/*],Accept-Encoding=[gzip],User-Agent,Host,Connection=[Keep-Alive]:Accept-Language,Accept-Charset:Google Desktop/

label = s:!:luakit:
sys   = @unix
sig   = 1:Host,User-Agent,Accept=[*/*],Accept-Encoding=[gzip],Connection=[Keep-Alive]:Accept-Language,Accept-Charset:luakit

label = s:!:Epiphany:
sys   = @unix
sig   = 1:Host,User-Agent,Accept=[*/*],Accept-Encoding=[gzip],Accept-Language:Connection,Accept-Charset,Keep-Alive:Epiphany/

; ###########################################################################
; passivetcp additions to [http:request]
;
; Ours, appended after p0f's lines: an HTTP signature only matches when no
; earlier specific one does, so these cannot take a request from p0f's.
;   own      datasets/http-tools/http-tools.pcap, made by capture.sh there:
;            each tool with its default settings, one request each
;   corpus   ../shared/corpus/dev p0f logs: requests of this shape
; Firefox needs no line: stock's "Firefox 10.x or newer" still matches
; Firefox 115 (corpus, 3 requests) and ESR 153 (own).
; ###########################################################################

label = s:!:Chrome:86 or newer (or another Chromium browser)
sys   = Windows,@unix
; own Chromium 156 (headless); corpus 1 request (Chrome 86). Stock's Chrome
; lines want the sdch encoding, which Chrome dropped; Accept now lists
; application/signed-exchange, which only Chromium browsers send.
sig   = 1:Host,Connection=[keep-alive],?Cache-Control,Upgrade-Insecure-Requests=[1],User-Agent,Accept=[application/signed-exchange],Accept-Encoding=[gzip, deflate],Accept-Language:Accept-Charset,Keep-Alive:Chrom

label = s:!:curl:7.43 or newer
sys   = @unix,Windows
; own curl 7.88.1; corpus 21 requests (curl 7.43.0 to 8.13.0; one 7.64.0
; request still sent User-Agent first). Stock's line has the older order,
; User-Agent before Host.
sig   = 1:Host,User-Agent,Accept=[*/*]:Connection,Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive:curl/

label = s:!:wget:
sys   = @unix,Windows
; Newer wget asks for Accept-Encoding identity, which stock's line forbids.
; own Wget 1.21.3 (Host first)
sig   = 1:Host,User-Agent,Accept=[*/*],Accept-Encoding=[identity],Connection=[Keep-Alive]:Accept-Language,Accept-Charset,Keep-Alive:Wget/
; corpus 3 requests (Wget 1.20.3, 1.21.1: Host after Accept-Encoding)
sig   = 1:User-Agent,Accept=[*/*],Accept-Encoding=[identity],Host,Connection=[Keep-Alive]:Accept-Language,Accept-Charset,Keep-Alive:Wget/

label = s:!:python-requests:
sys   = @unix,Windows
; own python-requests 2.34.2; corpus 4 requests (Accept-Encoding "gzip,
; deflate", with ", br" and ", br, zstd" where brotli and zstandard are
; installed: a value need only contain the one given)
sig   = 1:Host,User-Agent,Accept-Encoding=[gzip, deflate],Accept=[*/*],Connection=[keep-alive]:Accept-Language,Accept-Charset,Keep-Alive:python-requests/

label = s:!:Go:net/http client
sys   = @unix,Windows
; own Go 1.26.8 http.Get; corpus 1 request (with a Range header)
sig   = 1:Host,User-Agent,Accept-Encoding=[gzip]:Connection,Accept,Accept-Language,Accept-Charset,Keep-Alive:Go-http-client/

label = s:!:okhttp:
sys   = @unix,@win
; own OkHttp 4.12.0 (Android's usual HTTP client, also on the JVM)
sig   = 1:Host,Connection=[Keep-Alive],Accept-Encoding=[gzip],User-Agent:Accept,Accept-Language,Accept-Charset,Keep-Alive:okhttp/

label = s:!:Java:HttpClient
sys   = @unix,Windows
; own OpenJDK 17.0.15 java.net.http.HttpClient: its default HTTP/2 asks a
; plain-http server to upgrade (h2c) in the first request
sig   = 1:Connection=[Upgrade, HTTP2-Settings],Content-Length=[0],Host,HTTP2-Settings,Upgrade=[h2c],User-Agent:Accept,Accept-Encoding,Accept-Language,Accept-Charset,Keep-Alive:Java-http-client/

; ===========================================================================
; [http:response] - HTTP servers, from the first response of a connection
;
; Same syntax as [http:request]; expsw is matched against the Server header.
; ===========================================================================

[http:response]

label = s:!:Apache:2.x
sys   = @unix,Windows
sig   = 1:Date,Server,?Last-Modified,?Accept-Ranges=[bytes],?Content-Length,?Content-Range,Keep-Alive=[timeout],Connection=[Keep-Alive],?Transfer-Encoding=[chunked],Content-Type::Apache
sig   = 1:Date,Server,?Last-Modified,?Accept-Ranges=[bytes],?Content-Length,?Connection=[close],?Transfer-Encoding=[chunked],Content-Type:Keep-Alive:Apache
sig   = 1:Date,Server,Connection=[Keep-Alive],Keep-Alive=[timeout]:Content-Type,Accept-Ranges:Apache
sig   = 1:Date,Server,?Last-Modified,?Accept-Ranges=[bytes],?Content-Length,Content-Type,Keep-Alive=[timeout],Connection=[Keep-Alive]::Apache

label = s:!:Apache:1.x
sys   = @unix,Windows
sig   = 1:Server,Content-Type,?Content-Length,Date,Connection=[keep-alive]:Keep-Alive,Accept-Ranges:Apache
sig   = 1:Server,Content-Type,?Content-Length,Date,Connection=[close]:Keep-Alive,Accept-Ranges:Apache

label = s:!:IIS:7.x
sys   = Windows
sig   = 1:?Content-Length,Content-Type,?Etag,Server,Date:Connection,Keep-Alive,Accept-Ranges:Microsoft-IIS/
sig   = 1:?Content-Length,Content-Type,?Etag,Server,Date,Connection=[close]:Keep-Alive,Accept-Ranges:Microsoft-IIS/

label = s:!:lighttpd:2.x
sys   = @unix
sig   = 1:?ETag,?Last-Modified,Accept-Ranges=[bytes],Content-Type,?Vary,?Content-Length,Date,Server:Connection,Keep-Alive:lighttpd/
sig   = 1:?ETag,?Last-Modified,Transfer-Encoding=[chunked],Content-Type,?Vary,?Content-Length,Date,Server:Connection,Keep-Alive:lighttpd/

label = s:!:lighttpd:1.x
sys   = @unix
sig   = 1:Content-Type,Accept-Ranges=[bytes],?ETag,?Last-Modified,Date,Server:Connection,Keep-Alive:lighttpd/
sig   = 1:Content-Type,Transfer-Encoding=[chunked],?ETag,?Last-Modified,Date,Server:Connection,Keep-Alive:lighttpd/
sig   = 0:Content-Type,Content-Length,Connection=[close],Date,Server:Keep-Alive,Accept-Ranges:lighttpd/

label = s:!:nginx:1.x
sys   = @unix
sig   = 1:Server,Date,Content-Type,?Content-Length,?Last-Modified,Connection=[keep-alive],Keep-Alive=[timeout],Accept-Ranges=[bytes]::nginx/
sig   = 1:Server,Date,Content-Type,?Content-Length,?Last-Modified,Connection=[close]:Keep-Alive,Accept-Ranges:nginx/

label = s:!:nginx:0.x
sys   = @unix
sig   = 1:Server,Date,Content-Type,?Content-Length,Connection=[keep-alive],?Last-Modified:Keep-Alive,Accept-Ranges:nginx/
sig   = 1:Server,Date,Content-Type,?Content-Length,Connection=[close],?Last-Modified:Keep-Alive,Accept-Ranges:nginx/

label = s:!:Google Web Server:
sys   = Linux
sig   = *:Content-Type,X-Content-Type-Options=[nosniff],Date,Server=[sffe]:Connection,Accept-Ranges,Keep-Alive,Connection:
sig   = *:Date,Content-Type,Server=[gws]:Connection,Accept-Ranges,Keep-Alive:
sig   = *:Content-Type,X-Content-Type-Options=[nosniff],Server=[GSE]:Connection,Accept-Ranges,Keep-Alive:

; ###########################################################################
; passivetcp additions to [http:response]
;
; Ours, appended after p0f's lines; evidence names as in [http:request].
; Apache 2.4 needs no line: stock's "Apache 2.x" matches Apache 2.4.71 (own).
; ###########################################################################

label = s:!:nginx:1.x
sys   = @unix
; Current nginx sends no Keep-Alive header unless keepalive_timeout has a
; second value, which stock's keep-alive line requires.
; own nginx 1.22.1 (default keepalive settings): 8 responses
sig   = 1:Server,Date,Content-Type,?Content-Length,?Last-Modified,Connection=[keep-alive],?ETag,Accept-Ranges=[bytes]:Keep-Alive:nginx/

label = s:!:Caddy:2.x
sys   = @unix,Windows
; own Caddy 2.6.2 file_server: 1 response (Go spells the header "Etag")
sig   = 1:Accept-Ranges=[bytes],?Content-Length,Content-Type,?Etag,?Last-Modified,Server=[Caddy],Date:Connection,Keep-Alive:Caddy
