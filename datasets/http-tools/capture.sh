#!/bin/bash
# Real HTTP/1.1 requests of current clients and responses of current servers, with their default settings:
# evidence for the HTTP lines of config/passivetcp.fp.
#
#   sudo datasets/http-tools/capture.sh
#
# Two network namespaces joined by a veth pair (192.0.2.10 client, 192.0.2.20 server; nothing leaves the
# machine). The server namespace runs nginx (:80), Apache 2.4 (:81), Caddy (:82) and a Go net/http server (:83),
# each serving one small file; the client namespace fetches it with curl, wget, python-requests, Go's net/http
# client, Java's HttpClient, OkHttp, headless Chromium and Firefox ESR (from nginx), and with curl from every
# server. tcpdump on the server side writes http-tools.pcap next to this script, and versions.txt names what
# made it. Needs root, iproute2, tcpdump, python3 with requests, go, java 17+, maven (fetches OkHttp), and the
# Debian packages nginx-light apache2 caddy chromium firefox-esr.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$PWD
C=pth_c; S=pth_s; SRV=192.0.2.20
WORK=$(mktemp -d)
PIDS=()

cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ip netns del $C 2>/dev/null || true; ip netns del $S 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

ip netns del $C 2>/dev/null || true; ip netns del $S 2>/dev/null || true
ip netns add $C; ip netns add $S
ip link add c0 netns $C type veth peer name s0 netns $S
for n in $C $S; do ip -n $n link set lo up; done
ip -n $C link set c0 up; ip -n $S link set s0 up
ip -n $C addr add 192.0.2.10/24 dev c0; ip -n $S addr add $SRV/24 dev s0

mkdir -p "$WORK/www" "$WORK/caddy" "$WORK/firefox"
echo hello > "$WORK/www/index.html"
chmod -R a+rX "$WORK"
cat > "$WORK/nginx.conf" <<NGINX
daemon off;
pid $WORK/nginx.pid;
error_log stderr crit;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  server { listen $SRV:80; root $WORK/www; }
}
NGINX
cat > "$WORK/apache.conf" <<APACHE
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
ServerRoot $WORK
ServerName test.example
Listen $SRV:81
User www-data
Group www-data
PidFile $WORK/apache.pid
ErrorLog $WORK/apache-error.log
TypesConfig /etc/mime.types
DocumentRoot $WORK/www
<Directory $WORK/www>
  Require all granted
</Directory>
APACHE
cat > "$WORK/Caddyfile" <<CADDY
{
  admin off
  auto_https off
  storage file_system $WORK/caddy
}
http://$SRV:82 {
  root * $WORK/www
  file_server
}
CADDY

ip netns exec $S nginx -c "$WORK/nginx.conf" & PIDS+=($!)
ip netns exec $S apache2 -f "$WORK/apache.conf" -DFOREGROUND & PIDS+=($!)
ip netns exec $S env HOME="$WORK/caddy" XDG_CONFIG_HOME="$WORK/caddy" XDG_DATA_HOME="$WORK/caddy" \
  caddy run --adapter caddyfile --config "$WORK/Caddyfile" >/dev/null 2>&1 & PIDS+=($!)
(cd "$WORK" && cp "$HERE/server.go" . && go build -o goserver server.go)
ip netns exec $S "$WORK/goserver" $SRV:83 & PIDS+=($!)
(cd "$WORK" && cp "$HERE/client.go" . && go build -o goclient client.go)
# OkHttp 4.12.0 and its dependencies from Maven Central, into the local repository
mvn -B -q dependency:get -Dartifact=com.squareup.okhttp3:okhttp:4.12.0 >/dev/null
M2=$HOME/.m2/repository
OKHTTP=$M2/com/squareup/okhttp3/okhttp/4.12.0/okhttp-4.12.0.jar:$M2/com/squareup/okio/okio-jvm/3.6.0/okio-jvm-3.6.0.jar
OKHTTP=$OKHTTP:$M2/org/jetbrains/kotlin/kotlin-stdlib/1.8.21/kotlin-stdlib-1.8.21.jar
sleep 3

ip netns exec $S tcpdump -i s0 -s 0 -U -w "$HERE/http-tools.pcap" tcp 2>/dev/null & CAP=$!
sleep 1
in_c() { ip netns exec $C "$@"; sleep 0.3; }
in_c curl -s -o /dev/null http://$SRV/
in_c wget -q -O /dev/null http://$SRV/
in_c python3 -c "import requests; requests.get('http://$SRV/')"
in_c "$WORK/goclient" http://$SRV/
in_c java "$HERE/Client.java" http://$SRV/
in_c java -cp "$OKHTTP" "$HERE/OkClient.java" http://$SRV/
# browsers, headless, with fresh profiles (as root Chromium needs --no-sandbox)
in_c chromium --headless --no-sandbox --user-data-dir="$WORK/chromium" --dump-dom http://$SRV/ >/dev/null 2>&1
in_c env HOME="$WORK" firefox-esr --headless --no-remote --profile "$WORK/firefox" \
  --screenshot "$WORK/firefox.png" http://$SRV/ >/dev/null 2>&1
for port in 81 82 83; do in_c curl -s -o /dev/null http://$SRV:$port/; done
sleep 1
kill -INT $CAP; wait $CAP || true

{
  curl --version | head -1
  wget --version | head -1
  python3 -c 'import requests; print("python-requests", requests.__version__)'
  go version
  java -version 2>&1 | head -1
  echo "okhttp 4.12.0"
  nginx -v 2>&1
  apache2 -v | head -1
  echo "caddy $(caddy version)"
  chromium --version
  firefox-esr --version
} > "$HERE/versions.txt"
