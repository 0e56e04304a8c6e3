#!/usr/bin/env python3
"""Checks that a bench build of SiteBuilder produced a whole site through its built-in theme.

    check_output.py --site SITE [--hugo-public DIR] [--stderr FILE]

SITE is a folder laid out by prepare_site.py and built (SITE/_site). Checks:
  * SITE has no layouts/ folder (so the embedded default theme was used);
  * every page under SITE/pages has its SITE/_site/<url>/index.html;
  * the theme's markers are there: <main>, breadcrumb nav, the page-tree sidebar on a
    section's pages, the theme stylesheet, sitemap.xml and 404.html;
  * the build printed no warnings or errors (--stderr);
  * every relative href in the content of a deterministic sample of pages leads to a file
    of the output, and every #fragment to an id in it.
Prints one JSON object; exit code 1 if any check failed.
"""
import argparse
import html.parser
import json
import os
import posixpath
import re
import sys
import urllib.parse

SAMPLE = 200


class Ids(html.parser.HTMLParser):
    """Collects ids, the hrefs of the page content (<div class="content">, from the Markdown)
    and the other hrefs of <main> (written by the theme)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.hrefs, self.theme_hrefs = set(), [], []
        self.in_main, self.divs, self.content_at = 0, 0, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "main":
            self.in_main += 1
        if tag == "div":
            self.divs += 1
            if self.content_at is None and "content" in (a.get("class") or "").split():
                self.content_at = self.divs
        if tag == "a" and self.in_main and a.get("href"):
            (self.hrefs if self.content_at is not None else self.theme_hrefs).append(a["href"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main -= 1
        if tag == "div":
            if self.content_at == self.divs:
                self.content_at = None
            self.divs -= 1


def parse(path, cache):
    if path not in cache:
        p = Ids()
        with open(path, encoding="utf-8") as f:
            p.feed(f.read())
        cache[path] = p
    return cache[path]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--hugo-public")
    ap.add_argument("--stderr")
    a = ap.parse_args()
    out = os.path.join(a.site, "_site")
    res = {"checks": {}, "failures": []}

    def check(name, ok, detail=""):
        res["checks"][name] = bool(ok)
        if not ok:
            res["failures"].append(f"{name}: {detail}")

    check("no layouts/ folder (built-in theme)", not os.path.exists(os.path.join(a.site, "layouts")))
    pages = []
    for root, _, files in os.walk(os.path.join(a.site, "pages")):
        for name in files:
            if name.endswith(".md"):
                rel = os.path.relpath(os.path.join(root, name), os.path.join(a.site, "pages")).replace(os.sep, "/")
                url = rel[:-3]
                url = url[: -len("index")] if url == "index" or url.endswith("/index") else url + "/"
                pages.append((rel, url))
    pages.sort()
    missing = [rel for rel, url in pages if not os.path.isfile(os.path.join(out, url, "index.html"))]
    res["pages"] = len(pages)
    check("one index.html per page", not missing, f"{len(missing)} missing, e.g. {missing[:3]}")
    for f in ["sitemap.xml", "404.html", "robots.txt", "assets/css/site.css"]:
        check(f"{f} exists", os.path.isfile(os.path.join(out, f)))

    def read(url):
        with open(os.path.join(out, url, "index.html"), encoding="utf-8") as f:
            return f.read()

    if not missing and pages:
        home = read("")
        check("home has <main>", "<main" in home)
        deep = next((url for rel, url in pages if url.count("/") >= 3), pages[-1][1])
        page = read(deep)
        check("page has <main>", "<main" in page)
        check("page has breadcrumb nav", re.search(r'<nav[^>]*aria-label="Breadcrumb"', page))
        check("page has page-tree sidebar", 'class="page-tree"' in page or 'class="sidebar"' in page)
        check("page links the theme stylesheet", "assets/css/site.css" in page)
        res["sample_page"] = deep

        # Links: a deterministic sample of pages, every relative href in <main>; the content's
        # links (rewritten from .md by SiteBuilder) and the theme's own links counted apart.
        cache = {}
        step = max(1, len(pages) // SAMPLE)
        for kind in ("content", "theme"):
            checked, bad = 0, []
            for rel, url in pages[::step]:
                p = parse(os.path.join(out, url, "index.html"), cache)
                for href in (p.hrefs if kind == "content" else p.theme_hrefs):
                    u = urllib.parse.urlsplit(href)
                    if u.scheme or u.netloc or href.startswith("//"):
                        continue
                    target_url = posixpath.normpath(posixpath.join("/" + url, u.path)) if u.path else "/" + url
                    path = os.path.join(out, target_url.lstrip("/"))
                    if os.path.isdir(path):
                        path = os.path.join(path, "index.html")
                    checked += 1
                    if not os.path.isfile(path):
                        bad.append(f"{url}: {href} (no file)")
                    elif u.fragment and path.endswith(".html") and \
                            urllib.parse.unquote(u.fragment) not in parse(path, cache).ids:
                        bad.append(f"{url}: {href} (no id)")
            res[f"{kind}_links_checked"] = checked
            check(f"sampled relative {kind} links resolve (files and #ids)", not bad,
                  f"{len(bad)} bad of {checked}, e.g. {bad[:3]}")
        check("sampled pages have content links", res["content_links_checked"] > 0)

    if a.stderr:
        with open(a.stderr, encoding="utf-8", errors="replace") as f:
            diag = [ln for ln in f if re.search(r": (warning|error) SB\d+", ln)]
        res["diagnostics"] = len(diag)
        check("no warnings or errors printed", not diag, f"{len(diag)}, e.g. {diag[:2]}")
    if a.hugo_public:
        n = sum(1 for root, _, files in os.walk(a.hugo_public) for f in files if f == "index.html")
        res["hugo_index_html"] = n
    res["ok"] = not res["failures"]
    print(json.dumps(res, indent=1))
    sys.exit(0 if res["ok"] else 1)


if __name__ == "__main__":
    main()
