#!/usr/bin/env python3
# Usage: scripts/measure-body-limits.py HOST PORT SERVER_PID  (a running `passerelle serve`)
# 120 parallel anonymous 19 MB chunked POSTs to the API, then the server's peak memory.
import socket, sys, threading, time
host, port, pid = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def rss():
    for l in open(f"/proc/{pid}/status"):
        if l.startswith(("VmRSS", "VmHWM")): print(l.strip())
rss()
codes = []
def one():
    s = socket.create_connection((host, port))
    s.sendall(b"POST /api/v1/organisations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"{" * 65536
    sent = 0
    try:
        while sent < 19_000_000:
            s.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n"); sent += len(chunk)
        s.sendall(b"0\r\n\r\n")
    except OSError:
        pass
    try:
        codes.append(s.recv(64).split(b" ")[1].decode())
    except Exception as e:
        codes.append("closed")
    s.close()
t0 = time.time()
ts = [threading.Thread(target=one) for _ in range(120)]
[t.start() for t in ts]; [t.join() for t in ts]
print("answers:", {c: codes.count(c) for c in set(codes)}, "in %.1f s" % (time.time() - t0))
rss()
