#!/usr/bin/env node
// query-latency.js INDEX.json TERMS.json WORK_DIR
// Loads a prebuilt lunr index into headless Chromium (Debian's /usr/bin/chromium through playwright-core) the way
// a SiteBuilder page does — lunr.min.js, search-data.js and search.js by <script> tags from file:// — then times
// single-term queries as the search box runs them (the term alone, and the term plus a prefix wildcard), and
// through lunr's own idx.search for comparison; checks that the box's results equal lunr's for every query.
// Prints one JSON line: index load time and p50/p95/max per kind.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [indexFile, termsFile, work] = process.argv.slice(2);
if (!indexFile || !termsFile || !work) { console.error('usage: query-latency.js INDEX.json TERMS.json WORK_DIR'); process.exit(2); }
const repo = path.join(__dirname, '..', '..');
const site = path.resolve(work, 'latency-site');
fs.mkdirSync(path.join(site, 'search'), { recursive: true });
fs.mkdirSync(path.join(site, 'assets', 'js'), { recursive: true });
fs.copyFileSync(path.join(repo, 'node_modules', 'lunr', 'lunr.min.js'), path.join(site, 'search', 'lunr.min.js'));
fs.copyFileSync(path.join(repo, 'layouts', 'assets', 'js', 'search.js'), path.join(site, 'assets', 'js', 'search.js'));
// search-data.js exactly as SearchIndexWriter writes it: JSON.parse of a single-quoted string literal.
const jsString = (s) => s.replace(/[\\'\n\r\u2028\u2029]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' })[c]);
const searchDataJs = (indexJson, documentsJson) => "window.SITEBUILDER_SEARCH=JSON.parse('" + jsString('{"index":' + indexJson + ',"documents":' + documentsJson + '}') + "');\n";
fs.writeFileSync(path.join(site, 'search', 'search-data.js'), searchDataJs(fs.readFileSync(indexFile, 'utf8'), '[]'));
fs.writeFileSync(path.join(site, 'index.html'), `<!doctype html><html data-root="./"><head><meta charset="utf-8"><title>latency</title></head>
<body><form class="site-search" role="search" action="./search/index.html" method="get">
<input type="search" id="search-input" name="q" role="combobox" aria-expanded="false" aria-controls="search-results" aria-autocomplete="list">
<ul id="search-results" role="listbox" hidden></ul></form>
<script src="./assets/js/search.js" defer></script></body></html>`);
const terms = JSON.parse(fs.readFileSync(termsFile, 'utf8'));

(async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.goto('file://' + path.join(site, 'index.html'));
    const loadMs = await page.evaluate(async () => {
      const t0 = performance.now();
      await window.SiteBuilderSearch.ready();
      return performance.now() - t0;
    });
    const timings = await page.evaluate((terms) => {
      const S = window.SiteBuilderSearch;
      const time = (fn) => {
        for (const t of terms.slice(0, 20)) fn(t); // warm-up
        return terms.map((t) => { const t0 = performance.now(); const n = fn(t).total; return [performance.now() - t0, n]; });
      };
      // Does the search box's evaluation give lunr's own refs, order and scores?
      const key = (rs) => rs.map((r) => r.ref + ':' + r.score).join('|');
      const differing = [];
      for (const q of terms.flatMap((t) => [t + ' ', t])) {
        for (const limit of [10, 1e9]) if (key(S.query(q, limit)) !== key(S.lunrQuery(q, limit))) differing.push(q + ' @' + limit);
      }
      return {
        plainTerm: time((t) => S.query(t + ' ')),
        box: time((t) => S.query(t)),
        lunrPlainTerm: time((t) => S.lunrQuery(t + ' ')),
        differing,
      };
    }, terms);
    const stats = (rows) => {
      const ms = rows.map((r) => r[0]).sort((a, b) => a - b);
      const q = (p) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)];
      return { n: ms.length, p50_ms: +q(0.5).toFixed(2), p95_ms: +q(0.95).toFixed(2), max_ms: +ms[ms.length - 1].toFixed(2),
        median_hits: rows.map((r) => r[1]).sort((a, b) => a - b)[Math.floor(rows.length / 2)] };
    };
    console.log(JSON.stringify({
      chromium: browser.version(), index_load_ms: Math.round(loadMs),
      single_term: stats(timings.plainTerm), search_box_term_plus_prefix: stats(timings.box),
      single_term_lunr_index_search: stats(timings.lunrPlainTerm),
      same_results_as_lunr: timings.differing.length === 0 ? 'all ' + terms.length * 2 + ' queries, top 10 and all results' : timings.differing,
    }));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
