package io.passivetcp.host;

import io.passivetcp.http.HttpSignature;
import io.passivetcp.signature.SignatureDatabase;
import io.passivetcp.signature.TestDatabases;
import io.passivetcp.tcp.TcpSignature;

import java.util.List;

/** A small database with the labels the host tests need, and lookups of sig lines by label. */
final class HostTestDb {
    static final SignatureDatabase DB = TestDatabases.parse(
            "classes = win,unix,other",
            "",
            "[tcp:request]",
            "label = s:unix:Linux:3.11 and newer",
            "sig   = *:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0",
            "sig   = *:64:0:*:mss*20,7:mss,sok,ts,nop,ws:df,id+:0",
            "label = s:unix:Linux:2.6.x",
            "sig   = *:64:0:*:mss*4,6:mss,sok,ts,nop,ws:df,id+:0",
            "label = s:win:Windows:7 or 8",
            "sig   = *:128:0:*:8192,0:mss,nop,nop,sok:df,id+:0",
            "label = s:unix:Solaris:10",
            "sig   = *:64-:0:*:32850,1:nop,ws,nop,nop,ts,nop,nop,sok,mss:df,id+:0",
            "label = s:!:NMap:SYN scan",
            "sys   = @unix",
            "sig   = *:64-:0:1460:1024,0:mss::0",
            "label = s:!:WinTool:1.x",
            "sys   = Windows",
            "sig   = *:64-:0:1460:2048,0:mss::0",
            "",
            "[tcp:response]",
            "label = s:unix:Linux:3.x",
            "sig   = *:64:0:*:mss*10,0:mss:df:0",
            "label = s:unix:Linux:2.4.x",
            "sig   = *:64:0:*:mss*4,0:mss:df:0",
            "label = s:win:Windows:XP",
            "sig   = *:128:0:*:65535,0:mss:df,id+:0",
            "",
            "[http:request]",
            "ua_os = Linux,Windows,Mac OS X",
            "label = s:!:Firefox:10.x or newer",
            "sys   = Windows,@unix",
            "sig   = *:Host,User-Agent:Accept-Charset,Keep-Alive:Firefox/",
            "label = s:unix:Linux:via HTTP",
            "sig   = *:Host,X-Linux-Only:Accept-Charset:",
            "",
            "[http:response]",
            "label = s:!:nginx:1.x",
            "sys   = @unix",
            "sig   = 1:Server,Date::nginx/",
            "label = s:!:nginx:0.x",
            "sys   = @unix",
            "sig   = 1:Server,Content-Type::nginx/",
            "label = s:!:Apache:2.x",
            "sys   = @unix,Windows",
            "sig   = 1:Date,Server::Apache",
            "label = s:win:Windows:HTTP server",
            "sig   = 1:Server,X-Windows-Only::",
            "label = s:unix:Linux:HTTP server",
            "sig   = 1:Server,X-Linux-Only::");

    private HostTestDb() {}

    /** Line of the {@code index}th TCP sig (request or response section) of the label with this display name. */
    static int tcp(boolean response, String label, int index) {
        List<TcpSignature> sigs = response ? DB.tcpResponse() : DB.tcpRequest();
        return sigs.stream().filter(s -> s.label().displayName().equals(label)).toList().get(index).line();
    }

    static int syn(String label) {
        return tcp(false, label, 0);
    }

    static int synAck(String label) {
        return tcp(true, label, 0);
    }

    static int http(boolean response, String label) {
        List<HttpSignature> sigs = response ? DB.httpResponse() : DB.httpRequest();
        return sigs.stream().filter(s -> s.label().displayName().equals(label)).findFirst().orElseThrow().line();
    }
}
