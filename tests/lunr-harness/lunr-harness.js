#!/usr/bin/env node
// Reference computations with the real lunr.js 2.3.9, for the C# tests to compare against.
//   node lunr-harness.js index  SPEC.json OUT.json   build an index; SPEC = {ref, fields:[{name,boost}], docs, boosts?, metadataWhitelist?}
//   node lunr-harness.js search INDEX.json QUERIES.json OUT.json   run each query; errors reported by message
//   node lunr-harness.js stem   WORDS.json OUT.json  lunr.stemmer on each word
//   node lunr-harness.js lower  STRINGS.json OUT.json  String.prototype.toLowerCase on each string
//   node lunr-harness.js log    NUMBERS.json OUT.json  Math.log on each number
//   node lunr-harness.js format NUMBERS.json OUT.json  JSON.stringify of each number
//   node lunr-harness.js script SEARCH-DATA.js OUT.json  evaluate search-data.js; {index: JSON.stringify(index), documents}
// Files are UTF-8 JSON; outputs are written with JSON.stringify, exactly as lunr's users serialize indexes.
'use strict';
const fs = require('fs');
const path = require('path');
const lunr = require(path.join(__dirname, '..', '..', 'node_modules', 'lunr'));

const [cmd, a, b, c] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const write = (f, v) => fs.writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v));

switch (cmd) {
  case 'index': {
    const spec = read(a);
    const idx = lunr(function () {
      this.ref(spec.ref);
      for (const f of spec.fields) this.field(f.name, f.boost ? { boost: f.boost } : undefined);
      if (spec.metadataWhitelist) this.metadataWhitelist = spec.metadataWhitelist;
      spec.docs.forEach((d, i) => {
        const boost = spec.boosts && spec.boosts[i];
        this.add(d, boost ? { boost } : undefined);
      });
    });
    write(b, JSON.stringify(idx));
    break;
  }
  case 'search': {
    const idx = lunr.Index.load(read(a));
    const out = read(b).map((q) => {
      try {
        return { query: q, results: idx.search(q).map((r) => ({ ref: r.ref, score: r.score, terms: Object.keys(r.matchData.metadata).sort() })) };
      } catch (e) {
        // A QueryParseError is lunr's verdict on the syntax; anything else is lunr.js failing.
        return e instanceof lunr.QueryParseError ? { query: q, error: e.message } : { query: q, crash: e.message };
      }
    });
    write(c, out);
    break;
  }
  case 'script': {
    // Runs search-data.js as a browser would (window is the global it assigns to) and returns what it assigned.
    const window = {};
    new Function('window', fs.readFileSync(a, 'utf8'))(window);
    write(b, JSON.stringify({ index: JSON.stringify(window.SITEBUILDER_SEARCH.index), documents: window.SITEBUILDER_SEARCH.documents }));
    break;
  }
  case 'stem':
    write(b, read(a).map((w) => lunr.stemmer(new lunr.Token(w)).toString()));
    break;
  case 'lower':
    write(b, read(a).map((s) => s.toLowerCase()));
    break;
  case 'log':
    write(b, read(a).map((x) => Math.log(x)));
    break;
  case 'format':
    write(b, read(a).map((x) => JSON.stringify(x)));
    break;
  default:
    console.error('usage: lunr-harness.js index|search|stem|lower|log|format ...');
    process.exit(2);
}
