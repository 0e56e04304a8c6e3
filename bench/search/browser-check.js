#!/usr/bin/env node
// browser-check.js [WORK_DIR]
// Drives layouts/assets/js/search.js in headless Chromium (Debian's /usr/bin/chromium via playwright-core) on a
// four-page site, over http://127.0.0.1 and from file://: "/" focuses the box, typing "remittances" lists the
// harmonized-module pages with <mark>ed words and their section, arrows move aria-activedescendant, Enter opens
// the active result, Escape closes, hostile input is shown as text, and the ?q= search page lists results.
// The index is built with lunr.js itself, with the fields and ordinal refs of SearchIndexWriter (identical JSON).
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');
const assert = require('assert');
const { chromium } = require('playwright-core');
const repo = path.join(__dirname, '..', '..');
const lunr = require(path.join(repo, 'node_modules', 'lunr'));

const work = process.argv[2] || fs.mkdtempSync('/tmp/search-check-');
const site = path.resolve(work, 'site');
const pages = [
  { url: 'covid-19/', title: 'Covid-19 and official statistics', section: null, body: 'How statistical offices kept producing data.' },
  { url: 'dimis/about/', title: 'About DIMiS', section: 'DIMiS', body: 'Census and register data on international migration.' },
  { url: 'mhsm/', title: 'Harmonized survey module on migration and remittances', section: 'MHSM', body: 'Remittances sent and received by households.' },
  { url: 'mhsm/questionnaire/', title: 'Questionnaire', section: 'MHSM', body: 'Questions on remittances and goods sent to relatives.' },
];
const idx = lunr(function () {
  this.ref('i');
  this.field('title', { boost: 10 }); this.field('headings', { boost: 5 }); this.field('body');
  this.field('labels', { boost: 3 }); this.field('section', { boost: 2 });
  pages.forEach((p, i) => this.add({ i, title: p.title, headings: '', body: p.body, labels: '', section: p.section }));
});
const documents = pages.map((p) => Object.assign({ url: p.url, title: p.title }, p.section ? { section: p.section } : {}, { excerpt: p.body }));
// search-data.js exactly as SearchIndexWriter writes it: JSON.parse of a single-quoted string literal.
const jsString = (s) => s.replace(/[\\'\n\r\u2028\u2029]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' })[c]);
const searchDataJs = (indexJson, documentsJson) => "window.SITEBUILDER_SEARCH=JSON.parse('" + jsString('{"index":' + indexJson + ',"documents":' + documentsJson + '}') + "');\n";
const write = (rel, text) => { fs.mkdirSync(path.dirname(path.join(site, rel)), { recursive: true }); fs.writeFileSync(path.join(site, rel), text); };
write('search/lunr.min.js', fs.readFileSync(path.join(repo, 'node_modules', 'lunr', 'lunr.min.js')));
write('search/search-data.js', searchDataJs(JSON.stringify(idx), JSON.stringify(documents)));
write('assets/js/search.js', fs.readFileSync(path.join(repo, 'layouts', 'assets', 'js', 'search.js')));
write('assets/css/search.css', fs.readFileSync(path.join(repo, 'layouts', 'assets', 'css', 'search.css')));
const html = (root, title, main) => `<!doctype html><html data-root="${root}"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="${root}assets/css/search.css"></head><body><header>
<form class="site-search" role="search" action="${root}search/index.html" method="get">
  <label for="search-input" class="visually-hidden">Search this site</label>
  <input type="search" id="search-input" name="q" placeholder="Search (press /)" autocomplete="off"
         role="combobox" aria-expanded="false" aria-controls="search-results" aria-autocomplete="list">
  <ul id="search-results" role="listbox" aria-label="Search results" hidden></ul>
</form></header><main><h1>${title}</h1>${main}<textarea id="other"></textarea></main>
<script src="${root}assets/js/search.js" defer></script></body></html>`;
write('index.html', html('./', 'Home', ''));
for (const p of pages) write(p.url + 'index.html', html('../'.repeat(p.url.split('/').length - 1), p.title, ''));
write('search/index.html', html('../', 'Search', '<div id="search-page"><ul id="search-page-results"></ul></div>'));

const server = http.createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  fs.readFile(path.join(site, p), (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': p.endsWith('.html') ? 'text/html' : p.endsWith('.css') ? 'text/css' : 'text/javascript' });
    res.end(data);
  });
});

async function check(page, base, label) {
  await page.goto(base + 'dimis/about/' + (base.startsWith('file:') ? 'index.html' : ''));
  await page.focus('#other');
  await page.keyboard.type('a/b');
  assert.strictEqual(await page.inputValue('#other'), 'a/b', 'typing "/" in another field stays there');
  await page.click('h1');
  await page.keyboard.press('/');
  assert.strictEqual(await page.evaluate(() => document.activeElement.id), 'search-input', '"/" focuses the search box');
  await page.keyboard.type('remittances');
  await page.waitForSelector('#search-results:not([hidden]) [role="option"]');
  const titles = await page.$$eval('#search-results [role="option"] .search-result-title', (els) => els.map((e) => e.textContent));
  assert.deepStrictEqual(titles.slice(0, 2), ['Harmonized survey module on migration and remittances', 'Questionnaire'], label + ': results');
  assert.ok((await page.$$eval('#search-results mark', (els) => els.map((e) => e.textContent.toLowerCase()))).includes('remittances'), 'highlight');
  assert.strictEqual(await page.$eval('#search-results .search-result-section', (e) => e.textContent), 'MHSM');
  assert.strictEqual(await page.getAttribute('#search-input', 'aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.strictEqual(await page.getAttribute('#search-input', 'aria-activedescendant'), 'search-result-1');
  await page.keyboard.press('ArrowUp');
  assert.strictEqual(await page.getAttribute('#search-input', 'aria-activedescendant'), 'search-result-0');
  await page.keyboard.press('Escape');
  assert.strictEqual(await page.getAttribute('#search-results', 'hidden'), '');
  await page.fill('#search-input', '<img src=x onerror=alert(1)> remit');
  await page.waitForSelector('#search-results:not([hidden]) li');
  assert.strictEqual(await page.$('#search-results img'), null, 'input is never parsed as HTML');
  await page.fill('#search-input', 'title: +');
  await page.waitForTimeout(200);
  await page.fill('#search-input', 'remittances');
  await page.waitForSelector('#search-results [role="option"] >> text=Questionnaire');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const expected = base + 'mhsm/' + (base.startsWith('file:') ? 'index.html' : '');
  assert.strictEqual(page.url(), expected, label + ': Enter opens the first result');

  await page.goto(base + 'search/index.html?q=remit');
  await page.waitForSelector('#search-page-results .search-result');
  const pageTitles = await page.$$eval('#search-page-results .search-result-title', (els) => els.map((e) => e.textContent));
  assert.ok(pageTitles.includes('Questionnaire'), label + ': search page');
  assert.strictEqual(await page.inputValue('#search-input'), 'remit');
  console.log(label + ': ok');
}

(async () => {
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await check(page, `http://127.0.0.1:${server.address().port}/`, 'http');
    await check(page, 'file://' + site + '/', 'file');
    assert.deepStrictEqual(errors, [], 'no page errors');
  } finally {
    await browser.close();
    server.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
