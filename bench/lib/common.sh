# Shared by the benchmarks (source it): a temporary folder cleaned on exit, gazette and nginx
# started on free loopback ports, and wrk measurements. Loopback only; every run is bounded.
#
# Environment (defaults in brackets):
#   BENCH_SECONDS [10]        length of each measured run
#   BENCH_WARMUP_SECONDS [2]  unmeasured run before each measured one (fills caches, opens sockets)
#   BENCH_THREADS [2]         wrk threads; the machine has 2 cores, shared by wrk and the server
#   BENCH_CONNECTIONS [50]    wrk keep-alive connections
#   GAZETTE_SHARED_FIXTURES   folder holding seed/article.md [../shared/fixtures beside the repo]
#   GAZETTE_YARDSTICK         epollsrv.c, the near-limit yardstick [../shared/bench/epollsrv.c]

seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP_SECONDS:-2}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-50}
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fixtures=${GAZETTE_SHARED_FIXTURES:-$bench_dir/../../shared/fixtures}
# The near-limit yardstick (see ../shared/bench/README.md), built by the benchmarks that use it.
yardstick_source=${GAZETTE_YARDSTICK:-$fixtures/../bench/epollsrv.c}
nginx=/usr/sbin/nginx
# How long a server may take to say it is ready before the run is abandoned (a benchmark whose
# server indexes a whole site before it listens sets BENCH_START_TIMEOUT_SECONDS).
readonly start_timeout_seconds=${BENCH_START_TIMEOUT_SECONDS:-30}

for tool in wrk curl node cc "$nginx"; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (make deps installs it)" >&2; exit 1; }
done
[[ -x $gazette ]] || { echo "$0: $gazette is not an executable" >&2; exit 1; }
[[ -f $fixtures/seed/article.md ]] || { echo "$0: no $fixtures/seed/article.md" >&2; exit 1; }

tmp=$(mktemp -d)
pids=()
# Stops what this script started (by pid), then removes its files.
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
  echo "$0: $*" >&2
  for log in "$tmp"/*.log; do
    [[ -s $log ]] && { echo "--- $(basename "$log")" >&2; tail -n 20 "$log" >&2; }
  done
  exit 1
}

# start_gazette DB [SERVE_ARGS…]: serves DB on a free port; sets gazette_url and gazette_pid.
start_gazette() {
  local db=$1 line deadline
  shift
  rm -f "$tmp/gazette.out"
  mkfifo "$tmp/gazette.out"
  "$gazette" serve --db "$db" --listen 127.0.0.1:0 "$@" >"$tmp/gazette.out" 2>>"$tmp/gazette-stderr.log" &
  gazette_pid=$!
  pids+=($gazette_pid)
  exec 3<"$tmp/gazette.out"
  gazette_url=""
  deadline=$((SECONDS + start_timeout_seconds))
  while ((SECONDS < deadline)) && IFS= read -r -t "$start_timeout_seconds" line <&3; do
    echo "$line" >>"$tmp/gazette-stdout.log"
    if [[ $line =~ gazette:\ listening\ on\ (http://127\.0\.0\.1:[0-9]+) ]]; then
      gazette_url=${BASH_REMATCH[1]}
      break
    fi
  done
  [[ -n $gazette_url ]] || fail "gazette serve did not say where it listens"
  # Keep reading the server's output so that it never blocks on a full pipe while under load.
  cat <&3 >>"$tmp/gazette-stdout.log" &
  pids+=($!)
  exec 3<&-
}

# stop_gazette: stops the server start_gazette started, and waits for it.
stop_gazette() {
  kill -TERM "$gazette_pid" 2>/dev/null || true
  wait "$gazette_pid" 2>/dev/null || true
}

# copy_for_nginx PATH: saves what gazette serves at PATH under $tmp/www, for nginx to serve.
copy_for_nginx() {
  local path=$1 status
  mkdir -p "$tmp/www$path"
  status=$(curl -sS -o "$tmp/www${path}index.html" -w '%{http_code}' "$gazette_url$path")
  [[ $status == 200 ]] || fail "GET $path from gazette answered $status"
}

# free_port: a port the kernel just handed out and took back; the caller binds it a moment later.
free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# start_nginx: serves $tmp/www (each page a PATH/index.html) on a free port; sets nginx_url.
start_nginx() {
  local port deadline
  mkdir -p "$tmp/nginx"
  port=$(free_port)
  # Workers run as nobody when the master is root: they must be able to read the pages.
  chmod -R a+rX "$tmp"
  cat >"$tmp/nginx/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx-error.log warn;
events { worker_connections 1024; }
http {
  # nginx at its strongest for pages of a few tens of kB (../shared/bench/README.md): files
  # kept open, and sendfile off — on 2 cores shared with wrk, copying a small page from the
  # page cache beats sendfile's extra system calls by about a quarter.
  access_log off;
  sendfile off;
  tcp_nodelay on;
  open_file_cache max=1000 inactive=60s;
  open_file_cache_valid 60s;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$port;
    root $tmp/www;
    index index.html;
    default_type text/html;
    charset utf-8;
  }
}
CONF
  "$nginx" -e "$tmp/nginx-error.log" -c "$tmp/nginx/nginx.conf" -p "$tmp/nginx/" >"$tmp/nginx-stdout.log" 2>&1 &
  pids+=($!)
  nginx_url=http://127.0.0.1:$port
  deadline=$((SECONDS + start_timeout_seconds))
  until curl -sf -o /dev/null "$nginx_url/"; do
    kill -0 "${pids[-1]}" 2>/dev/null || fail "nginx exited"
    ((SECONDS < deadline)) || fail "nginx did not answer on $nginx_url"
    sleep 0.1
  done
}

# start_yardstick PAGE_FILE: serves PAGE_FILE's bytes with ../shared/bench/epollsrv.c (the
# near-limit yardstick: one recv and one send per request, nothing else) on a free port, with
# one thread per core; sets yardstick_url. Each call starts another one (one page each).
start_yardstick() {
  local page=$1 port deadline
  [[ -x $tmp/epollsrv ]] || cc -O2 -pthread "$yardstick_source" -o "$tmp/epollsrv" ||
    fail "could not build $yardstick_source"
  port=$(free_port)
  "$tmp/epollsrv" "$page" "$port" "$(nproc)" >>"$tmp/epollsrv.log" 2>&1 &
  pids+=($!)
  yardstick_url=http://127.0.0.1:$port
  deadline=$((SECONDS + start_timeout_seconds))
  until curl -sf -o /dev/null "$yardstick_url/"; do
    kill -0 "${pids[-1]}" 2>/dev/null || fail "epollsrv exited"
    ((SECONDS < deadline)) || fail "epollsrv did not answer on $yardstick_url"
    sleep 0.1
  done
}

# measure URL: runs wrk and prints "requests_per_second p50 p99 errors".
measure() {
  local url=$1 report
  wrk -t"$threads" -c"$connections" -d"${warmup}s" "$url" >/dev/null
  report=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$url")
  echo "$report" >>"$tmp/wrk.log"
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = $2 }
    /^ +99%/ { p99 = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ { for (i = 4; i <= NF; i += 2) { v = $(i); sub(",", "", v); errors += v } }
    END { printf "%s %s %s %d\n", rps, p50, p99, errors }
  ' <<<"$report"
}
