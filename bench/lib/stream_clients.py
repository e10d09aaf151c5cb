#!/usr/bin/env python3
"""Holds COUNT live-coverage event streams open on HOST:PORT PATH, as COUNT browsers would, and
reads them all. Prints "ready N B" once every stream has its response head (and B: the entry events they all got on opening), then, each time every
stream that is still open has received one more entry event, "entry K WALL_CLOCK_SECONDS" (the
time the last stream got it); "dropped N" when the server closed streams. Standard library only.
Usage: stream_clients.py HOST PORT PATH COUNT"""
import resource
import selectors
import socket
import sys
import time

ENTRY_MARK = b"event: entry\n"
CONNECT_BATCH = 500  # connections opened before their answers are read: the listen backlog


def main():
    host, port, path, count = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    request = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n").encode()
    selector = selectors.EpollSelector()
    state = {}  # socket -> [bytes kept to find marks across reads, head seen, entries seen]
    ready = 0
    entries_seen = [0]  # entry events received on all streams

    def read(sock):
        nonlocal ready
        try:
            data = sock.recv(65536)
        except BlockingIOError:
            return None
        except OSError:
            data = b""
        if not data:
            selector.unregister(sock)
            sock.close()
            del state[sock]
            return "closed"
        entry = state[sock]
        text = entry[0] + data
        if not entry[1] and b"\r\n\r\n" in text:
            entry[1] = True
            ready += 1
        marks = text.count(ENTRY_MARK)
        entry[2] += marks
        entries_seen[0] += marks
        entry[0] = text[-len(ENTRY_MARK):]
        return "read"

    for start in range(0, count, CONNECT_BATCH):
        batch = []
        for _ in range(min(CONNECT_BATCH, count - start)):
            sock = socket.create_connection((host, port))
            sock.setblocking(False)
            sock.sendall(request)
            state[sock] = [b"", False, 0]
            selector.register(sock, selectors.EVENT_READ)
            batch.append(sock)
        while ready < start + len(batch):
            for key, _ in selector.select(timeout=10):
                read(key.fileobj)
    announced = min(entry[2] for entry in state.values())  # what a stream sends when it opens
    print(f"ready {ready} {announced}", flush=True)

    dropped = 0
    while state:
        entries_before = entries_seen[0]
        for key, _ in selector.select(timeout=1):
            if read(key.fileobj) == "closed":
                dropped += 1
                print(f"dropped {dropped}", flush=True)
        # Heartbeats wake this loop too: the streams are looked over only when an entry came.
        if state and entries_seen[0] != entries_before:
            least = min(entry[2] for entry in state.values())
            while announced < least:
                announced += 1
                print(f"entry {announced} {time.time():.6f}", flush=True)


if __name__ == "__main__":
    main()
