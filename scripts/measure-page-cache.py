#!/usr/bin/env python3
# Usage: scripts/measure-page-cache.py HOST PORT SERVER_PID: resident memory before and after
# 2,000 anonymous requests with an unknown parameter (?x=N) and with a known one (?q=N).
import http.client, sys
host, port, pid = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def rss(label):
    d = {l.split(':')[0]: l.split(':')[1].strip() for l in open(f"/proc/{pid}/status") if l.startswith(("VmRSS","VmHWM"))}
    print(label, d)
rss("before")
c = http.client.HTTPConnection(host, port)
for param in ["x", "q"]:
    statuses = {}
    for n in range(2000):
        c.request("GET", f"/en/organisations?{param}={n}")
        r = c.getresponse(); r.read()
        statuses[r.status] = statuses.get(r.status, 0) + 1
    rss(f"after 2,000 ?{param}=N {statuses}")
