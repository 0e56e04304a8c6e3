#!/usr/bin/env node
// corpus-to-docs.js CORPUS_DIR OUT_DIR
// Turns a gen_corpus.py corpus into JSON arrays of documents, with the Markdown → text conversion of
// /work/shared/bench/lunr_index.js (so every tool indexes the same text):
//   OUT_DIR/docs.json      {id: relative path, title, body}
//   OUT_DIR/docs-num.json  the same with id = ordinal (the compact refs the site index uses)
//   OUT_DIR/terms.json     200 single-word queries drawn (seeded) from the body text, for the latency bench
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, out] = process.argv.slice(2);
if (!dir || !out) { console.error('usage: corpus-to-docs.js CORPUS_DIR OUT_DIR'); process.exit(2); }

function walk(d, acc) {
  for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, acc);
    else if (e.name.endsWith('.md')) acc.push(p);
  }
  return acc;
}

function toDoc(file, text) {
  let title = '';
  let body = text;
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (fm) {
    const t = /^title:\s*"?(.*?)"?\s*$/m.exec(fm[1]);
    if (t) title = t[1];
    body = text.slice(fm[0].length);
  }
  body = body
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*]|\d+\.)\s+/gm, '')
    .replace(/^\|?[-:| ]+\|?$/gm, '')
    .replace(/[|*`]/g, ' ');
  return { id: path.relative(dir, file).replace(/\\/g, '/'), title, body };
}

const docs = walk(dir, []).map((f) => toDoc(f, fs.readFileSync(f, 'utf8')));
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'docs.json'), JSON.stringify(docs));
fs.writeFileSync(path.join(out, 'docs-num.json'), JSON.stringify(docs.map((d, i) => ({ id: i, title: d.title, body: d.body }))));

// Deterministic sample of words people would type: letters only, 4+ characters, from random documents.
let seed = 12345;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const terms = new Set();
while (terms.size < 200) {
  const words = docs[Math.floor(rand() * docs.length)].body.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
  if (words.length) terms.add(words[Math.floor(rand() * words.length)].toLowerCase());
}
fs.writeFileSync(path.join(out, 'terms.json'), JSON.stringify([...terms]));
console.log(JSON.stringify({ docs: docs.length, terms: terms.size }));
