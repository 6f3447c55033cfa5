classes = win,unix,other

[http:request]

ua_os = Linux,Windows,iOS=[iPad],iOS=[iPhone],Mac OS X,FreeBSD

label = s:!:Firefox:10.x or newer
sys   = Windows,@unix
sig   = *:Host,User-Agent,Accept=[,*/*;q=],?Accept-Language=[;q=],Accept-Encoding=[gzip, deflate],?DNT=[1],Connection=[keep-alive],?Referer:Accept-Charset,Keep-Alive:Firefox/

[http:response]

label = s:!:nginx:1.x
sys   = Linux,FreeBSD
sig   = *:Server,Date,-Content-Type,?Content-Length,?Last-Modified,Connection=[keep-alive],Keep-Alive=[timeout=20],?ETag:Keep-Alive:nginx/
