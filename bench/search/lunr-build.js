#!/usr/bin/env node
// lunr-build.js DOCS.json OUT.json [title-boost]
// The lunr.js side of the build benchmark: the same work as `sitebuilder lunr --input DOCS.json --ref id
// --field title[:boost] --field body --output OUT.json` — read the documents, build, serialize, write.
'use strict';
const fs = require('fs');
const path = require('path');
const lunr = require(path.join(__dirname, '..', '..', 'node_modules', 'lunr'));

const [input, output, titleBoost] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
const docs = JSON.parse(fs.readFileSync(input, 'utf8'));
const t1 = process.hrtime.bigint();
const idx = lunr(function () {
  this.ref('id');
  this.field('title', titleBoost ? { boost: +titleBoost } : undefined);
  this.field('body');
  for (const d of docs) this.add(d);
});
const t2 = process.hrtime.bigint();
const json = JSON.stringify(idx);
fs.writeFileSync(output, json);
const t3 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
console.error(JSON.stringify({ docs: docs.length, read_ms: ms(t0, t1), build_ms: ms(t1, t2), write_ms: ms(t2, t3), bytes: Buffer.byteLength(json) }));
