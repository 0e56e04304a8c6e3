#!/usr/bin/env python3
"""Share of a build's CPU time spent in SiteBuilder's safety code, from a dotnet-trace Speedscope file.

Each interval of each thread's sampled stack is charged to the innermost frame of SiteBuilder, Markdig, RazorLight
or YamlDotNet on it (library code such as AngleSharp or System.IO is charged to whoever called it). An interval is
safety when that frame is in the safety code below; intervals whose innermost frame waits (a blocked thread) are not
CPU and are left out. Reading a file inside the source gate (SourceTree) is the read the build needs anyway and is
charged to 'read' rather than safety.
usage: share.py build.speedscope.json
"""
import json, sys, re, collections

SAFETY = [
    ("containment (source reads)", re.compile(r"SiteBuilder\.Safety\.(SourceTree|PathResolver|SourceEntry)")),
    ("containment (output paths)", re.compile(r"SiteBuilder\.Safety\.(OutputPaths|OutputLocation)")),
    ("strict UTF-8", re.compile(r"SiteBuilder\.Safety\.StrictUtf8")),
    ("Markdown nesting guard", re.compile(r"SiteBuilder\.Markdown\.(Extensions\.NestingLimit\.|MarkdownNesting)")),
    ("unsafe HTML check", re.compile(r"SiteBuilder\.Markdown\.UnsafeHtml")),
    ("YAML bounds", re.compile(r"SiteBuilder\.Yaml\.BoundedYamlParser")),
    ("typed YAML reads", re.compile(r"SiteBuilder\.Yaml\.YamlReader")),
    ("layout guards", re.compile(r"SiteBuilder\.Layouts\.(LayoutGuard|LayoutRenderBudget)")),
]
OWNER = re.compile(r"^(SiteBuilder[\w.]*|Markdig|RazorLight|YamlDotNet[\w.]*)!")
READ = re.compile(r"System\.IO\.(File\.|RandomAccess|FileStream|Strategies)")
WAIT = re.compile(r"Wait|Sleep|Monitor\.|Join|Semaphore|ManualResetEvent|SocketAsyncEngine\.EventLoop|RunFinalizers")

d = json.load(open(sys.argv[1]))
frames = [f["name"] for f in d["shared"]["frames"]]
total = 0.0
by = collections.Counter()
for p in d["profiles"]:
    stack, last = [], None
    for e in p["events"]:
        t = e["at"]
        if last is not None and stack and t > last:
            dt = t - last
            leaf = frames[stack[-1]]
            # The sampler's pseudo-frames: CPU_TIME is managed code running; UNMANAGED_CODE_TIME is native code, which
            # is a wait (a blocked thread: not CPU) when a waiting frame is on the stack, and system calls otherwise.
            if leaf == "CPU_TIME" or (leaf == "UNMANAGED_CODE_TIME" and not any(WAIT.search(frames[i]) for i in stack)):
                total += dt
                owner = next((frames[i] for i in reversed(stack) if OWNER.match(frames[i])), None)
                kind = "other"
                if owner:
                    for name, rx in SAFETY:
                        if rx.search(owner):
                            kind = name
                            break
                if kind.startswith("containment (source") and any(READ.search(frames[i]) for i in stack):
                    kind = "read (the file itself)"
                by[kind] += dt
        last = t
        if e["type"] == "O":
            stack.append(e["frame"])
        elif stack:
            stack.pop()
safety = sum(v for k, v in by.items() if k != "other" and not k.startswith("read"))
print(f"CPU sampled: {total/1000:.2f} s over {len(d['profiles'])} threads")
for k, v in by.most_common():
    print(f"  {k:32s} {v/1000:8.3f} s  {100*v/total:6.2f} %")
print(f"safety code: {safety/1000:.3f} s = {100*safety/total:.2f} % of the build's CPU")
# Strict UTF-8 decoding and typed YAML reads replace a decode and casts that did the same work unchecked.
extra = sum(v for k, v in by.items() if k.startswith("containment") or k in ("Markdown nesting guard", "unsafe HTML check", "YAML bounds", "layout guards"))
print(f"checks alone (without strict UTF-8 and typed YAML reads): {extra/1000:.3f} s = {100*extra/total:.2f} %")
