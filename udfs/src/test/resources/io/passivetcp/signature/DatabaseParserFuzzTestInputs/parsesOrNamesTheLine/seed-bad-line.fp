classes = win,unix
[tcp:request]
label = s:unix:Linux:
sig = *:64:0:*:mss*20,10:mss:df:0:extra
