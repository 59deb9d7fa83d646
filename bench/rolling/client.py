#!/usr/bin/env python3
"""Fixed-rate client for the rolling-restart bench (issue 19).

Writers: one per proposal, remembering every save the server acknowledged. Half save through the
API (PUT with If-Match); the other half as the wizard's script autosaves: the step's form, read
from the page with its antiforgery token, posted to ?handler=Autosave and answered as JSON.
Readers: GET of the proposal, the home page and the proposal list. Every request is sent on its
schedule (a fixed rate, not "as fast as the last answer"), so a stall shows as latency.

At the end every proposal is read back: its version and title must be those of the last
acknowledged save (a lost write would leave an older one). Prints one JSON line.
Usage: client.py BASE COOKIE SECONDS RATE PROPOSAL_ID...
"""
import html.parser, http.client, json, sys, threading, time, urllib.parse

base, cookie, seconds, rate = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
proposals = sys.argv[5:]
host = urllib.parse.urlparse(base)
lock = threading.Lock()
statuses, errors, latencies, acked = {}, [], [], {}
saves = {"api": 0, "autosave": 0}
stop_at = time.monotonic() + seconds


def request(conn_box, method, path, body=None, headers=None):
    headers = dict(headers or {})
    headers["Cookie"] = cookie
    for attempt in range(2):
        if conn_box[0] is None:
            conn_box[0] = http.client.HTTPConnection(host.hostname, host.port, timeout=30)
        try:
            started = time.monotonic()
            conn_box[0].request(method, path, body=body, headers=headers)
            response = conn_box[0].getresponse()
            data = response.read()
            return response.status, data, response.getheader("ETag"), time.monotonic() - started
        except (ConnectionError, http.client.HTTPException, OSError) as e:
            conn_box[0].close()
            conn_box[0] = None
            # A kept-alive connection the proxy had closed: reconnect once. A GET is safe to send
            # again; a PUT is only re-sent when the connection failed before anything was sent.
            if attempt == 1 or (method != "GET" and not isinstance(e, (ConnectionRefusedError, http.client.RemoteDisconnected, BrokenPipeError))):
                return None, str(e).encode(), None, 0.0
    return None, b"unreachable", None, 0.0


def record(status, latency, what):
    with lock:
        statuses[status] = statuses.get(status, 0) + 1
        if status is None or status >= 500:
            errors.append(what)
        else:
            latencies.append(latency)


def writer(proposal, period):
    conn = [None]
    status, data, etag, _ = request(conn, "GET", f"/api/proposals/{proposal}")
    version = int(etag.strip('"')) if status == 200 else 1
    n, next_at = 0, time.monotonic()
    while time.monotonic() < stop_at:
        n += 1
        title = f"Rolling restart save {n}"
        body = json.dumps({"schemaVersion": 1, "basics": {"title": title}})
        status, data, etag, latency = request(conn, "PUT", f"/api/proposals/{proposal}", body,
                                              {"Content-Type": "application/json", "If-Match": f'"{version}"'})
        record(status, latency, f"PUT {proposal} #{n}: {status} {data[:200]!r}")
        if status == 200:
            version = int(etag.strip('"'))
            with lock:
                acked[proposal] = (version, title)
                saves["api"] += 1
        elif status == 412:
            # Only if a save was applied without its answer reaching us: read where it stands.
            s, _, tag, _ = request(conn, "GET", f"/api/proposals/{proposal}")
            if s == 200:
                version = int(tag.strip('"'))
        next_at += period
        time.sleep(max(0.0, next_at - time.monotonic()))


class StepForm(html.parser.HTMLParser):
    """The fields of the page's autosaving form, as a browser would send them (no buttons)."""

    def __init__(self):
        super().__init__()
        self.inside, self.autosave, self.fields, self.select, self.textarea = False, None, {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "data-autosave" in a:
            self.inside, self.autosave = True, a["data-autosave"]
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input" and a.get("type") not in ("submit", "button") and (a.get("type") not in ("checkbox", "radio") or "checked" in a):
            self.fields[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self.textarea, self.fields[a["name"]] = a["name"], ""
        elif tag == "select":
            self.select = a["name"]
            self.fields.setdefault(a["name"], "")
        elif tag == "option" and self.select and "selected" in a:
            self.fields[self.select] = a.get("value") or ""

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None


def form_writer(proposal, period):
    conn = [None]
    form = StepForm()
    status, data, _, _ = request(conn, "GET", f"/proposals/{proposal}/basics", headers={"Accept": "text/html"})
    form.feed(data.decode())
    assert status == 200 and form.autosave, (status, data[:300])
    fields = form.fields
    n, next_at = 0, time.monotonic()
    while time.monotonic() < stop_at:
        n += 1
        title = f"Rolling restart autosave {n}"
        fields["basics.title"] = title
        body = urllib.parse.urlencode(fields)
        status, data, _, latency = request(conn, "POST", form.autosave + "?handler=Autosave", body,
                                           {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
        record(status, latency, f"autosave {proposal} #{n}: {status} {data[:200]!r}")
        reply = json.loads(data) if status in (200, 400) and data.startswith(b"{") else {}
        if reply.get("token"):
            fields["__RequestVerificationToken"] = reply["token"]
        if reply.get("status") == "saved":
            fields["version"] = str(reply["version"])
            with lock:
                acked[proposal] = (reply["version"], title)
                saves["autosave"] += 1
        elif reply.get("version"):
            fields["version"] = str(reply["version"])
        next_at += period
        time.sleep(max(0.0, next_at - time.monotonic()))


def reader(paths, period):
    conn = [None]
    i, next_at = 0, time.monotonic()
    while time.monotonic() < stop_at:
        path = paths[i % len(paths)]
        i += 1
        status, data, _, latency = request(conn, "GET", path, headers={"Accept": "text/html,application/json"})
        record(status, latency, f"GET {path}: {status} {data[:200]!r}")
        next_at += period
        time.sleep(max(0.0, next_at - time.monotonic()))


# Half the rate saves, half reads.
# Half the writers save through the API, half autosave the wizard's form.
threads = [threading.Thread(target=writer if i % 2 == 0 else form_writer, args=(p, len(proposals) * 2 / rate)) for i, p in enumerate(proposals)]
paths = ["/", "/api/proposals"] + [f"/api/proposals/{p}" for p in proposals]
threads += [threading.Thread(target=reader, args=(paths, 2 * 2 / rate)) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()

lost = []
conn = [None]
for proposal, (version, title) in acked.items():
    status, data, tag, _ = request(conn, "GET", f"/api/proposals/{proposal}")
    stored_version = int(tag.strip('"')) if status == 200 else -1
    stored_title = json.loads(data).get("basics", {}).get("title") if status == 200 else None
    # The last acknowledged save is the last save: the stored proposal must be exactly it.
    if (stored_version, stored_title) != (version, title):
        lost.append({"proposal": proposal, "acknowledged": [version, title], "stored": [stored_version, stored_title]})

latencies.sort()
pct = lambda p: round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 1) if latencies else None
print(json.dumps({
    "requests": sum(statuses.values()),
    "statuses": {str(k): v for k, v in sorted(statuses.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))},
    "errors_5xx_or_no_answer": len(errors),
    "first_errors": errors[:5],
    "acknowledged_saves_last_versions": {p: v for p, (v, _) in acked.items()},
    "acknowledged_saves": saves,
    "acknowledged_writes_lost": len(lost),
    "lost": lost,
    "latency_ms": {"p50": pct(0.5), "p99": pct(0.99), "max": pct(1.0)},
}))
