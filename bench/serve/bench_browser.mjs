#!/usr/bin/env node
// Save-to-visible latency of `sitebuilder serve`, as a contributor sees it in a browser.
//
//   node bench/serve/bench_browser.mjs --site SITE --sitebuilder path/to/sitebuilder.dll [--edits 20] [--title-edits 20] [--settle 8]
//
// Starts `dotnet sitebuilder.dll serve --port 0 --quiet` on SITE (a copy: the edited pages are restored at the end),
// then for each edit: opens the page in Chromium (/usr/bin/chromium through playwright-core; no browser download),
// waits --settle seconds, writes the Markdown file in place (as most editors save) and measures the wall time from
// the file's close until the open page — after the live-reload script has reloaded or patched it — shows the new
// text: the first animation frame after DOMContentLoaded of a document whose <main> (or title) contains the edit's
// marker, or, when the script patches the open document in place (serve's default since 2026-12-03), the first
// animation frame after a DOM change that makes it contain the marker.
// Body edits append a sentence to the page's last line; title edits change its front-matter title. Prints JSON.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { chromium } from 'playwright-core';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const site = args.site, dll = args.sitebuilder;
const edits = Number(args.edits ?? 20), titleEdits = Number(args['title-edits'] ?? 20), settle = Number(args.settle ?? 8) * 1000;
if (!site || !dll) { console.error('usage: bench_browser.mjs --site SITE --sitebuilder DLL [--edits N] [--title-edits N] [--settle S]'); process.exit(3); }

const pagesDir = path.join(site, 'pages');
const leaves = fs.readdirSync(pagesDir, { recursive: true }).map(String)
  .filter(f => f.endsWith('.md') && path.basename(f) !== 'index.md').sort();
const quotedTitle = leaves.filter(f => /\ntitle: "/.test('\n' + fs.readFileSync(path.join(pagesDir, f), 'utf8')));
const stepOf = (list, n) => Math.max(1, Math.floor(list.length / (n + 1)));
const bodyPages = leaves.filter((_, i) => i % stepOf(leaves, edits) === 0).slice(0, edits);
const titlePages = quotedTitle.filter((_, i) => i % stepOf(quotedTitle, titleEdits) === 3 % stepOf(quotedTitle, titleEdits))
  .filter(f => !bodyPages.includes(f)).slice(0, titleEdits);

const rssPeak = pid => {
  try { return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { return null; }
};
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.round(p / 100 * (s.length - 1)))]; };
const median = v => pct(v, 50);
const sleep = ms => new Promise(r => setTimeout(r, ms));

const started = performance.now();
const server = spawn('dotnet', [dll, 'serve', '--source', site, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  readline.createInterface({ input: server.stdout }).once('line', l => l.startsWith('http://127.0.0.1:') ? resolve(l.trim()) : reject(new Error('serve: ' + l)));
  server.once('exit', c => reject(new Error('serve exited ' + c)));
});
const firstBuild = (performance.now() - started) / 1000;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
let waiting = null;
await page.exposeFunction('__sbSeen', text => {
  const now = performance.now();
  if (waiting && text.includes(waiting.marker)) { const w = waiting; waiting = null; w.resolve(now); }
});
await page.addInitScript(() => {
  const report = () => window.__sbSeen(document.title + '\n' + (document.querySelector('main') ?? document.body).innerText);
  document.addEventListener('DOMContentLoaded', () => {
    requestAnimationFrame(report);
    // A patched page: the frame after the mutations that carry the new text (one check per frame).
    let queued = false;
    new MutationObserver(() => {
      if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; report(); }); }
    }).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  });
});

const originals = new Map();
const samples = { body: [], title: [] };
const plan = [...bodyPages.map(p => ['body', p]), ...titlePages.map(p => ['title', p])];
try {
  for (const [i, [kind, rel]] of plan.entries()) {
    const file = path.join(pagesDir, rel);
    const text = fs.readFileSync(file, 'utf8');
    const pageUrl = url.replace(/\/?$/, '/') + rel.replace(/\\/g, '/').replace(/\.md$/, '/');
    const response = await page.goto(pageUrl);
    if (!response || response.status() !== 200) throw new Error(`${pageUrl}: ${response?.status()}`);
    await sleep(settle);
    const marker = kind === 'body' ? `Bench${i}zq` : `Renamed${i}zq`;
    const edited = kind === 'body'
      ? text.replace(/\n*$/, '') .replace(/$/, ` ${marker}.`) + '\n'
      : ('\n' + text).replace('\ntitle: "', `\ntitle: "${marker} `).slice(1);
    originals.set(file, text);
    const seen = new Promise((resolve, reject) => {
      waiting = { marker, resolve };
      setTimeout(() => reject(new Error(`${rel}: '${marker}' not shown after 60 s`)), 60_000);
    });
    fs.writeFileSync(file, edited);
    const saved = performance.now();
    samples[kind].push((await seen) - saved);
  }
} finally {
  var peak = rssPeak(server.pid);
  await browser.close();
  for (const [file, text] of originals) fs.writeFileSync(file, text);
  await sleep(1500);
  server.kill('SIGTERM');
}

const summary = v => v.length === 0 ? null : ({ n: v.length, median_ms: +median(v).toFixed(1), p90_ms: +pct(v, 90).toFixed(1), min_ms: +Math.min(...v).toFixed(1), max_ms: +Math.max(...v).toFixed(1) });
console.log(JSON.stringify({
  pages: leaves.length, first_build_s: +firstBuild.toFixed(1), peak_rss_mb: peak && Math.round(peak), settle_s: settle / 1000,
  body: summary(samples.body), title: summary(samples.title),
  samples_ms: { body: samples.body.map(v => +v.toFixed(1)), title: samples.title.map(v => +v.toFixed(1)) },
}, null, 2));
