#!/usr/bin/env node
// reader.js — what a reader's browser does for one search, in a cold headless Chromium (Debian's /usr/bin/chromium).
//   node reader.js --tool sitebuilder|pagefind --site DIR --page REL [--file] [--runs 3] [--query migration] [--delay 50]
// Serves DIR on 127.0.0.1 (or opens it from file:// with --file), opens REL, focuses the search box, types the query
// one key per --delay ms, and measures, per run (a new browser each time):
//  - bytes of the search files fetched before the first result (resource timing entries that ended before it): raw,
//    and gzipped at level 6 unless the file is already compressed (Pagefind's are), with the number of requests.
//    Search files: SiteBuilder's search/ folder and its UI assets/js/search.js; Pagefind's pagefind/ folder;
//  - ms from the last keydown to the first result of the whole query in the list;
//  - JS heap after the result (after a forced GC, CDP Runtime.getHeapUsage);
//  - the longest main-thread task from the focus on (PerformanceObserver 'longtask', tasks over 50 ms), and each such
//    task and each query the page gave SiteBuilder's loader, as [ms after the focus, …].
// Prints one JSON line per run and a median line.
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const zlib = require('zlib');
const { chromium } = require('playwright-core');

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf('--' + name); return i < 0 ? def : args[i + 1]; };
const tool = opt('tool', 'sitebuilder');
const site = path.resolve(opt('site'));
const pageRel = opt('page', 'index.html');
const fromDisk = args.includes('--file');
const runs = +opt('runs', 3);
const query = opt('query', 'migration');
const delay = +opt('delay', 50);

const TOOLS = {
  sitebuilder: {
    input: '#search-input',
    isSearchFile: (rel) => rel.startsWith('search/') || rel === 'assets/js/search.js',
    // The list is busy (aria-busy) from each key until the results of the box's text show; the box renders a search's
    // results only while its text is still the input's value, so the first options not busy after the last key are the
    // query's (and not a list of a shorter text still showing).
    resultCheck: `(q) => { const l = document.getElementById('search-results'); return document.getElementById('search-input').value === q && !l.hasAttribute('aria-busy') && !!l.querySelector('[role=option]'); }`,
  },
  pagefind: {
    input: '.pagefind-ui__search-input',
    isSearchFile: (rel) => rel.startsWith('pagefind/'),
    resultCheck: `(q) => { const m = document.querySelector('.pagefind-ui__message'); return !!document.querySelector('.pagefind-ui__result') && !!m && m.textContent.includes(q); }`,
  },
};
const t = TOOLS[tool];

function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(dir, rel);
    if (!file.startsWith(dir)) { res.writeHead(403); return res.end(); }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function sizes(rel) {
  let file = path.join(site, rel);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  const raw = fs.readFileSync(file);
  const compressed = raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b;
  return { raw: raw.length, gzip: compressed ? raw.length : zlib.gzipSync(raw, { level: 6 }).length };
}

async function once(baseUrl) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--allow-file-access-from-files'] });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Requests from workers (Pagefind searches in one) are in no page's resource timing: take them from Playwright.
    const finished = [];
    context.on('requestfinished', (req) => {
      const tm = req.timing();
      finished.push({ url: req.url(), epochEnd: tm.startTime + Math.max(tm.responseEnd, 0) });
    });
    await page.addInitScript(() => {
      performance.setResourceTimingBufferSize(100000);
      window.__marks = { lastKey: 0, first: 0, focus: 0, tasks: [], searches: [] };
      // The queries the page asks SiteBuilder's loader, in order (the box may search partial words too).
      let sbs;
      Object.defineProperty(window, 'SiteBuilderSearch', {
        configurable: true,
        get: () => sbs,
        set: (v) => {
          sbs = v;
          if (v && typeof v.search === 'function' && !v.search.sbLogged) {
            const search = v.search;
            v.search = function (q, o) {
              const entry = [+performance.now().toFixed(1), q, null];
              window.__marks.searches.push(entry);
              const p = search.apply(this, arguments);
              p.then(() => { entry[2] = +performance.now().toFixed(1); }, () => { entry[2] = 'aborted'; });
              return p;
            };
            v.search.sbLogged = true;
          }
        },
      });
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__marks.tasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.goto(baseUrl + pageRel, { waitUntil: 'load' });
    await page.waitForSelector(t.input, { timeout: 60000 });
    await page.evaluate((check) => {
      const isResult = eval(check);
      const m = window.__marks;
      document.addEventListener('keydown', () => { m.lastKey = performance.now(); m.first = 0; }, true);
      new MutationObserver(() => {
        if (m.first || !m.lastKey || !isResult(m.query)) return;
        m.first = performance.now();
        // From file:// Chromium keeps no resource timing: the scripts in the page when the result showed are what it ran.
        m.scripts = Array.from(document.scripts, (s) => s.src).filter(Boolean);
      })
        .observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }, t.resultCheck);
    await page.evaluate((q) => { window.__marks.query = q; window.__marks.focus = performance.now(); }, query);
    await page.focus(t.input);
    await page.keyboard.type(query, { delay });
    await page.waitForFunction(() => window.__marks.first > 0, null, { timeout: 120000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const marks = await page.evaluate(() => {
      const m = window.__marks;
      const entries = performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd }));
      if (location.protocol === 'file:') for (const src of m.scripts) entries.push({ url: src, end: 0 });
      return { lastKey: m.lastKey, first: m.first, focus: m.focus, tasks: m.tasks, searches: m.searches, entries, location: location.href, origin: performance.timeOrigin };
    });
    for (const f of finished) marks.entries.push({ url: f.url, end: f.epochEnd - marks.origin });
    const base = new URL(baseUrl);
    let raw = 0, gzip = 0, requests = 0;
    const files = [];
    for (const e of marks.entries) {
      if (e.end > marks.first || files.includes(e.url)) continue;
      const u = new URL(e.url);
      if (u.protocol !== base.protocol || !u.pathname.startsWith(base.pathname)) continue;
      const rel = decodeURIComponent(u.pathname.slice(base.pathname.length));
      if (!t.isSearchFile(rel)) continue;
      const s = sizes(rel);
      raw += s.raw; gzip += s.gzip; requests++;
      files.push(e.url);
    }
    const longest = marks.tasks.filter(([start]) => start >= marks.focus).reduce((a, [, d]) => Math.max(a, d), 0);
    // With --trace: what happened after the last key, in ms after it (searches [start, end, query], files [start, end, name]).
    const rel = (x) => typeof x === 'number' ? +(x - marks.lastKey).toFixed(1) : x;
    const trace = args.includes('--trace') ? {
      searches: marks.searches.filter((s) => s[2] === null || s[2] === 'aborted' || s[2] > marks.lastKey - 100).map(([a, q, b]) => [rel(a), rel(b), q]),
      files: marks.entries.filter((e) => e.end > marks.lastKey - 100 && e.start !== undefined).map((e) => [rel(e.start), rel(e.end), e.url.replace(/^.*\/search\//, '')]),
      tasks: marks.tasks.filter(([st]) => st > marks.lastKey - 100).map(([st, d]) => [rel(st), d]),
    } : undefined;
    return { trace, ms: +(marks.first - marks.lastKey).toFixed(1), raw, gzip, requests, heapMB: +(heap.usedSize / 1048576).toFixed(2), longestTaskMs: longest, tasks: marks.tasks.filter(([start]) => start >= marks.focus).map(([st, d]) => [+(st - marks.focus).toFixed(0), d]), searches: marks.searches.map(([at, q]) => [+(at - marks.focus).toFixed(0), q]), files };
  } finally {
    await browser.close();
  }
}

(async () => {
  let server = null;
  let baseUrl;
  if (fromDisk) baseUrl = 'file://' + site + '/';
  else {
    server = await serve(site);
    baseUrl = `http://127.0.0.1:${server.address().port}/`;
  }
  const results = [];
  try {
    for (let i = 0; i < runs; i++) {
      const r = await once(baseUrl);
      results.push(r);
      console.log(JSON.stringify({ tool, query, mode: fromDisk ? 'file' : 'http', run: i + 1, ...r, files: r.files.map((f) => f.slice(baseUrl.length)) }));
    }
  } finally {
    if (server) server.close();
  }
  const med = (k) => results.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  console.log(JSON.stringify({ tool, query, mode: fromDisk ? 'file' : 'http', median: true, runs, ms: med('ms'), raw: med('raw'), gzip: med('gzip'), requests: med('requests'), heapMB: med('heapMB'), longestTaskMs: med('longestTaskMs') }));
})().catch((e) => { console.error(e); process.exit(1); });
