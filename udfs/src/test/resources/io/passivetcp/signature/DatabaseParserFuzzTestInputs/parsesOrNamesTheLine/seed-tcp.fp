; tcp signatures
classes = win,unix,other

[tcp:request]

label = s:unix:Linux:3.11 and newer
sig   = *:64:0:*:mss*20,10:mss,sok,ts,nop,ws:df,id+:0
sig   = *:64:0:*:mss*20,7:mss,sok,ts,nop,ws:df,id+:0

label = g:win:Windows:XP
sig   = *:128:0:*:65535,0:mss,nop,nop,sok:df,id+:0

[tcp:response]

label = s:unix:FreeBSD:9.x
sig   = *:64:0:*:65535,6:mss,nop,ws,sok,ts:df,id+:0
