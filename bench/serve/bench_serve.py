#!/usr/bin/env python3
"""Time from saving a page to the reload event of `sitebuilder serve`.

    bench_serve.py --site SITE_DIR --sitebuilder path/to/sitebuilder.dll [--edits 30] [--title-edits 5]

Starts `dotnet sitebuilder.dll serve --port 0 --quiet` on SITE_DIR, listens to its server-sent events
like a browser tab, then edits pages one at a time. Each sample is the wall time from the moment the
edited file is closed to the moment the `reload` event arrives on the events stream (so it includes
the watcher's debounce, the incremental rebuild and the event delivery). Body edits change one
sentence of a page; title edits change a page's title, which its parent, siblings, children and
backlink targets show. Edited files are restored afterwards. Standard library only.
"""
import argparse
import http.client
import json
import queue
import statistics
import subprocess
import sys
import threading
import time
import os


def sse_reader(host, port, events):
    conn = http.client.HTTPConnection(host, port, timeout=None)
    conn.request("GET", "/__sitebuilder/events")
    resp = conn.getresponse()
    name = None
    while True:
        line = resp.fp.readline()
        if not line:
            return
        now = time.perf_counter()
        line = line.decode("utf-8").rstrip("\n")
        if line.startswith("event: "):
            name = line[7:]
        elif line.startswith("data: "):
            events.put((now, name, json.loads(line[6:])))


def wait_event(events, version, timeout=120):
    deadline = time.perf_counter() + timeout
    while True:
        t, name, data = events.get(timeout=max(0.1, deadline - time.perf_counter()))
        if name == "failed":
            raise SystemExit("build failed: " + json.dumps(data["diagnostics"][:5]))
        if name == "reload" and data["version"] > version:
            return t, data


def rss(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--sitebuilder", required=True)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--title-edits", type=int, default=5)
    args = ap.parse_args()

    pages_dir = os.path.join(args.site, "pages")
    leaves = sorted(os.path.relpath(os.path.join(d, f), pages_dir)
                    for d, _, fs in os.walk(pages_dir) for f in fs if f.endswith(".md") and f != "index.md")
    step = max(1, len(leaves) // (args.edits + args.title_edits + 1))
    chosen = leaves[::step][: args.edits + args.title_edits]

    start = time.perf_counter()
    proc = subprocess.Popen(["dotnet", args.sitebuilder, "serve", "--source", args.site, "--port", "0", "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        raise SystemExit("serve did not start: " + url + proc.stderr.read()[:2000])
    first_build = time.perf_counter() - start
    host, port = url[len("http://"):].rstrip("/").split(":")
    events = queue.Queue()
    threading.Thread(target=sse_reader, args=(host, int(port), events), daemon=True).start()
    _, hello, state = events.get(timeout=30)
    if not state["ok"]:
        proc.kill()
        raise SystemExit("first build failed: " + json.dumps(state["diagnostics"][:5]))
    version = state["version"]
    originals = {}
    samples = {"body": [], "title": []}
    server_ms = {"body": [], "title": []}
    rendered = {"body": [], "title": []}
    phases = {"body": {}, "title": {}}
    try:
        for i, rel in enumerate(chosen):
            kind = "body" if i < args.edits else "title"
            path = os.path.join(pages_dir, rel)
            text = open(path, encoding="utf-8").read()
            originals[path] = text
            if kind == "body":
                lines = text.rstrip("\n").split("\n")
                lines[-1] += f" Edited {i}."
                new = "\n".join(lines) + "\n"
            else:
                new = text.replace("\ntitle: \"", f"\ntitle: \"Renamed {i} ", 1)
            time.sleep(0.3)
            while not events.empty():
                events.get_nowait()
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
            saved = time.perf_counter()
            t, data = wait_event(events, version)
            version = data["version"]
            samples[kind].append((t - saved) * 1000)
            server_ms[kind].append(data["elapsedMs"])
            rendered[kind].append(data["rendered"])
            for phase, ms in data.get("phases", {}).items():
                phases[kind].setdefault(phase, []).append(ms)
    finally:
        peak_rss = rss(proc.pid)
        for path, text in originals.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        time.sleep(1.5)
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()

    result = {"pages": len(leaves), "first_build_s": round(first_build, 1), "peak_rss_mb": peak_rss}
    for kind in ("body", "title"):
        if samples[kind]:
            v = samples[kind]
            result[kind] = {
                "n": len(v),
                "save_to_reload_ms": {"median": round(statistics.median(v), 1), "p90": round(pct(v, 90), 1),
                                      "min": round(min(v), 1), "max": round(max(v), 1)},
                "rebuild_ms_median": round(statistics.median(server_ms[kind]), 1),
                "pages_rendered_median": statistics.median(rendered[kind]),
                "phase_ms_median": {k: round(statistics.median(v), 1) for k, v in phases[kind].items()},
            }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
