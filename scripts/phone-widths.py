#!/usr/bin/env python3
# Usage: chromedriver --port=9516 & scripts/phone-widths.py http://127.0.0.1:PORT [PATH...]
# (a `serve --demo`): signs in as the demo admin and prints, per page (PATHs without the language,
# or a default list) and language, the page width against a 390 px phone viewport (through
# WebDriver with mobile emulation), flags raw message keys, and saves a screenshot.
import json, urllib.request, base64, sys, time
WD = "http://127.0.0.1:9516"
BASE = sys.argv[1]
def call(method, path, body=None):
    req = urllib.request.Request(WD + path, method=method, data=None if body is None else json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(req).read())["value"]
caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {"binary": "/usr/bin/chromium", "mobileEmulation": {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1}}, "args": ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=/tmp/phone-profile"]}}}}
s = call("POST", "/session", caps)["sessionId"]
def go(url): call("POST", f"/session/{s}/url", {"url": url})
def js(code): return call("POST", f"/session/{s}/execute/sync", {"script": code, "args": []})
go(BASE + "/en/login")
js("document.querySelector('#email').value='admin@passerelle.example'; document.querySelector('#password').value='demo-admin-2026'; document.querySelector('form.stack, main form').submit();")
time.sleep(1)
for lang in ["de", "fr", "en"]:
    for path in sys.argv[2:] or ["/admin/audit", "/account", "/account/data", "/visits", "/practices/import"]:
        go(f"{BASE}/{lang}{path}")
        w = js("return [document.documentElement.scrollWidth, window.innerWidth, document.title, document.body.innerText.includes('localization key')]")
        flag = "SCROLLS" if w[0] > w[1] else "ok"
        flag += " RAW-KEY" if w[3] else ""
        print(lang, path, w, flag)
shot = call("GET", f"/session/{s}/screenshot")
open("/tmp/phone-audit.png", "wb").write(base64.b64decode(shot))
go(BASE + "/de/admin/audit")
open("/tmp/phone-audit-de.png", "wb").write(base64.b64decode(call("GET", f"/session/{s}/screenshot")))
call("DELETE", f"/session/{s}")
