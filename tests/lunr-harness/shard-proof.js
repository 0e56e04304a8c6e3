#!/usr/bin/env node
// The equality proof of the sharded index: for each query, search/sb-search.js (loading only the shards the query
// needs) against real lunr.js 2.3.9 (npm) on the whole index.
//   node shard-proof.js INDEX.json SEARCH_DIR QUERIES.json OUT.json
// INDEX.json is the whole lunr index of the same documents; SEARCH_DIR the folder of manifest.js, sb-search.js, ….
// Each query is compared three ways: the loader's search() (every result), its search() with limit 10 (which may
// decide from the best postings of each term alone), and index(query).search(query). The reference is lunr.js with
// the one-line TokenSet fix the loader applies (see patchLunr in sb-search.js); unpatched lunr.js is run too, and every
// query on which it answers differently is listed. OUT.json: counts, and the first mismatches with their reasons.
'use strict';
const fs = require('fs');
const path = require('path');

const [indexFile, searchDir, queriesFile, outFile] = process.argv.slice(2);
const lunrPath = require.resolve(path.join(__dirname, '..', '..', 'node_modules', 'lunr'));
const plainLunr = require(lunrPath);
delete require.cache[lunrPath];
const fixedLunr = require(lunrPath);
fixedLunr.TokenSet.prototype.toString = function () {
  if (this._str) return this._str;
  let str = this.final ? '1' : '0';
  const labels = Object.keys(this.edges).sort();
  for (const label of labels) str += label + this.edges[label].id + ',';
  return str;
};
const serialized = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
const reference = fixedLunr.Index.load(serialized);
const plain = plainLunr.Index.load(serialized);
const loader = require(path.resolve(searchDir, 'sb-search.js'));
const root = path.resolve(searchDir);
const queries = JSON.parse(fs.readFileSync(queriesFile, 'utf8'));

function outcome(run) {
  try {
    return { results: run() };
  } catch (e) {
    return e && e.name === 'QueryParseError' ? { error: e.message } : { crash: String(e && e.message) };
  }
}

async function outcomeAsync(run) {
  try {
    return { results: await run() };
  } catch (e) {
    return e && e.name === 'QueryParseError' ? { error: e.message } : { crash: String(e && e.stack) };
  }
}

// True when every clause of q is a word or a wildcard pattern and the fixed lunr.js expands each to exactly the index
// terms the pattern matches (checked against the whole term list): then where unpatched lunr.js differs, it is wrong.
function expansionsAreExact(q) {
  const query = new fixedLunr.Query(reference.fields);
  new fixedLunr.QueryParser(q, query).parse();
  const all = Object.keys(reference.invertedIndex);
  return query.clauses.every((clause) => {
    if ('editDistance' in clause) return false;
    const terms = clause.usePipeline ? reference.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
    return terms.every((term) => {
      const re = new RegExp('^' + term.split('*').map((p) => p.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('[\\s\\S]*') + '$');
      const got = reference.tokenSet.intersect(fixedLunr.TokenSet.fromString(term)).toArray().sort();
      const want = all.filter((t) => re.test(t)).sort();
      return JSON.stringify(got) === JSON.stringify(want);
    });
  });
}

const strip = (results) => results.map((r) => ({ ref: r.ref, score: r.score, matchData: JSON.stringify(r.matchData.metadata) }));

// Why two outcomes differ, or null; `prefix` compares only the first n results of `expected`.
function differ(expected, actual, prefix) {
  if (expected.error !== undefined || actual.error !== undefined) return expected.error === actual.error ? null : `error '${expected.error}' vs '${actual.error}'`;
  if (expected.crash !== undefined || actual.crash !== undefined) return `crash '${expected.crash}' vs '${actual.crash}'`;
  const e = prefix ? expected.results.slice(0, prefix) : expected.results;
  const a = actual.results;
  if (e.length !== a.length) return `${e.length} results vs ${a.length}`;
  for (let i = 0; i < e.length; i++) {
    if (e[i].ref !== a[i].ref) return `#${i}: ref ${e[i].ref} vs ${a[i].ref}`;
    const delta = Math.abs(e[i].score - a[i].score);
    stats.maxScoreDelta = Math.max(stats.maxScoreDelta, delta);
    if (!(delta <= 1e-9)) return `#${i} (${e[i].ref}): score ${e[i].score} vs ${a[i].score}`;
    if (e[i].matchData !== a[i].matchData) return `#${i} (${e[i].ref}): matchData ${e[i].matchData} vs ${a[i].matchData}`;
  }
  return null;
}

const stats = { queries: queries.length, compared: 0, withResults: 0, parseErrors: 0, headsOnly: 0, maxScoreDelta: 0, maxResults: 0, totalsChecked: 0, someParts: 0, mismatches: [], plainLunrDiffers: [], documentsChecked: 0 };

(async () => {
  const docs = [];
  const times = [];
  for (const q of queries) {
    const expected = outcome(() => strip(reference.search(q)));
    const plainOutcome = outcome(() => strip(plain.search(q)));
    const plainDiffers = differ(expected, plainOutcome);
    if (plainDiffers) stats.plainLunrDiffers.push({ query: q, reason: plainDiffers, expansionsChecked: expansionsAreExact(q) });
    const started = Date.now();
    let top10Total;
    const top10 = await outcomeAsync(async () => {
      const r = await loader.search(q, { root, limit: 10 });
      top10Total = r.total;
      if (r.length) docs.push({ ref: r[0].ref, url: r[0].url, title: r[0].title, section: r[0].section, excerpt: r[0].excerpt });
      return strip(r);
    });
    const all = await outcomeAsync(async () => strip(await loader.search(q, { root })));
    // index() is what search() without a limit searches; every tenth query checks it on its own.
    const viaIndex = stats.compared % 10 === 0 ? await outcomeAsync(async () => strip((await loader.index(q, { root })).search(q))) : expected;
    // With every list of the query loaded, the limited search counts the matches itself (its index holds only the
    // documents shown): the count must be lunr's.
    const totalDiffers = top10Total != null && expected.results && top10Total !== expected.results.length
      ? `total ${top10Total} vs ${expected.results.length}` : null;
    if (top10Total != null) stats.totalsChecked++;
    const problems = [['search', differ(expected, all)], ['search limit 10', differ(expected, top10, 10)], ['index', differ(expected, viaIndex)],
      ['search limit 10 total', totalDiffers]]
      .filter((p) => p[1]);
    if (problems.length) stats.mismatches.push({ query: q, problems: problems.map((p) => p[0] + ': ' + p[1]) });
    stats.compared++;
    times.push([Date.now() - started, q]);
    if (expected.error !== undefined) stats.parseErrors++;
    else if (expected.results && expected.results.length) {
      stats.withResults++;
      stats.maxResults = Math.max(stats.maxResults, expected.results.length);
      if (top10Total === null) stats.headsOnly++;
    }
  }
  // Tail parts: a limited search with a loader of its own (nothing loaded before) that reads some more/ files and still
  // does not know every list (total null) was decided by the parts that hold its first documents' postings. Those
  // searches are compared again.
  {
    const fsMod = require('fs'), orig = fsMod.readFile;
    let read = 0;
    fsMod.readFile = function (f, ...a) { if (String(f).includes(path.sep + 'more' + path.sep)) read++; return orig.call(fsMod, f, ...a); };
    try {
      for (const q of queries.filter((x) => /^[a-z0-9]+\*?( [a-z0-9]+\*?)+$/i.test(x)).slice(0, 300)) {
        const p = path.resolve(searchDir, 'sb-search.js');
        delete require.cache[p];
        read = 0;
        const r = await require(p).search(q, { root, limit: 10 });
        if (r.total !== null || !read) continue;
        stats.someParts++;
        const d = differ(outcome(() => strip(reference.search(q))), { results: strip(r) }, 10);
        if (d) stats.mismatches.push({ query: q, problems: ['search limit 10, own loader: ' + d] });
      }
    } finally {
      fsMod.readFile = orig;
    }
  }
  // beforeTiers: a search that needs tails asks before reading them and waits for the Promise; one aborted while it
  // waits reads none of them and rejects with an AbortError.
  stats.gate = null;
  for (const wide of queries.filter((q) => /^[a-z]+ [a-z]+$/.test(q)).slice(0, 100)) {
    stats.gate = await gateCheck(wide);
    if (stats.gate.asked.length) break;
  }
  async function gateCheck(wide) {
    const asked = [];
    const fresh = () => { const p = path.resolve(searchDir, 'sb-search.js'); delete require.cache[p]; return require(p); };
    const gated = fresh();
    let read = 0;
    const fsMod = require('fs'), orig = fsMod.readFile;
    fsMod.readFile = function (f, ...a) { if (String(f).includes(path.sep + 'more' + path.sep)) read++; return orig.call(fsMod, f, ...a); };
    try {
      const r = await gated.search(wide, { root, limit: 10, beforeTiers: (n) => { asked.push(n); return new Promise((res) => setTimeout(res, 5)); } });
      const same = differ(outcome(() => strip(reference.search(wide))), { results: strip(r) }, 10) === null;
      const readWhenAllowed = read;
      const abortable = fresh(), ctl = { aborted: false };
      read = 0;
      const aborted = await abortable.search(wide, { root, limit: 10, signal: ctl, beforeTiers: () => { ctl.aborted = true; return null; } })
        .then(() => 'resolved', (e) => e.name);
      return { query: wide, asked, same, readWhenAllowed, aborted, readWhenAborted: read };
    } finally {
      fsMod.readFile = orig;
    }
  }
  // A search whose signal is aborted loads nothing more and rejects with an AbortError.
  stats.abortRejects = await loader.search(queries[0], { root, limit: 10, signal: { aborted: true } }).then(() => 'resolved', (e) => e.name);
  stats.mismatchCount = stats.mismatches.length;
  stats.mismatches = stats.mismatches.slice(0, 20);
  stats.firstResults = docs;
  stats.slowest = times.sort((a, b) => b[0] - a[0]).slice(0, 15);
  stats.loaderMs = times.reduce((a, t) => a + t[0], 0);
  fs.writeFileSync(outFile, JSON.stringify(stats));
})().catch((e) => {
  console.error(e && e.stack);
  process.exit(1);
});
