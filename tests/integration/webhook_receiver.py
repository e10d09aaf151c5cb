#!/usr/bin/env python3
"""A webhook receiver for the tests: python3 webhook_receiver.py FOLDER

Listens on a free port of 127.0.0.1, prints "listening on PORT", and appends each request it
receives to FOLDER/requests.jsonl (method, path, headers, body) before answering. How it answers
is set by files in FOLDER, so a test can change it while it runs:
  fail     — holds a number N: the next N requests get a 500 (and N goes down by one each time);
  hold     — while it exists, requests wait before being answered (a receiver that hangs).
Otherwise 204. It stops when its standard input is closed.
"""
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

folder = sys.argv[1]
lock = threading.Lock()


def path(name):
    return os.path.join(folder, name)


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        with lock:
            with open(path("requests.jsonl"), "a", encoding="utf-8") as log:
                log.write(json.dumps({"method": "POST", "path": self.path,
                                      "headers": {k.lower(): v for k, v in self.headers.items()},
                                      "body": body}) + "\n")
            failing = 0
            if os.path.exists(path("fail")):
                with open(path("fail")) as f:
                    failing = int(f.read().strip() or "0")
                if failing > 0:
                    with open(path("fail"), "w") as f:
                        f.write(str(failing - 1))
        while os.path.exists(path("hold")):
            time.sleep(0.05)
        if failing > 0:
            answer = "Erreur « serveur » <b>".encode()
            self.send_response(500)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
        else:
            self.send_response(204)
            self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
server.daemon_threads = True
print(f"listening on {server.server_address[1]}", flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()  # until the test closes it
server.shutdown()
