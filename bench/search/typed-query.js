// typed-query.js SEARCH_DIR TEXT: the searches the search box runs while TEXT is typed ("mig mig*", "migr migr*",
// …, each with limit 10, none aborted), in one loader (files loaded once, as on a page), in Node: per search the new
// files it read (more/ files and their raw and gzip -6 bytes), then all files with lunr.min.js, the loader and the UI.
const fs = require('fs'), zlib = require('zlib'), path = require('path');
const root = path.resolve(process.argv[2]);
const word = process.argv.slice(3).join(' ');
const loaded = [];
const orig = fs.readFile;
fs.readFile = function (p, ...a) { loaded.push(String(p)); return orig.call(fs, p, ...a); };
const L = require(path.join(root, 'sb-search.js'));
const size = (f) => { const b = fs.readFileSync(f); return [b.length, zlib.gzipSync(b, { level: 6 }).length]; };
(async () => {
  for (let n = 1; n <= word.length; n++) {
    const text = word.slice(0, n);
    if (/\s$/.test(text)) continue;
    // The box's form: the text, and its last word (of 3 letters or more) also as a prefix.
    const last = text.trim().split(/\s+/).pop().toLowerCase();
    const q = last.length >= 3 ? text + ' ' + last + '*' : text;
    const before = loaded.length;
    const t = process.hrtime.bigint();
    const r = await L.search(q, { root, limit: 10 });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    const mine = loaded.slice(before), more = mine.filter((f) => f.includes('/more/'));
    let raw = 0, gz = 0;
    for (const f of more) { const [a, b] = size(f); raw += a; gz += b; }
    console.log(JSON.stringify({ query: q, ms: +ms.toFixed(1), files: mine.length, more: more.length, moreRaw: raw, moreGzip: gz, total: r.total }));
  }
  const files = [path.join(root, 'lunr.min.js'), path.join(root, 'sb-search.js'), path.join(root, '..', 'assets', 'js', 'search.js'), ...new Set(loaded)];
  let raw = 0, gz = 0;
  for (const f of files) { const [a, b] = size(f); raw += a; gz += b; }
  console.log(JSON.stringify({ all: true, files: files.length, raw, gzip: gz }));
})();
