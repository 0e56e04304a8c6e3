/* SiteBuilder search loader (format 3; docs/search.md). Loads only the part of a sharded lunr 2.3.9 index that a
 * query needs, builds a real lunr.Index of it with the shipped lunr.min.js, and lets that index answer, so results,
 * order, scores and match data are lunr's own. UMD: the global SiteBuilderSearch in browsers, module.exports in Node.
 *   SiteBuilderSearch.index(query, { root })          -> Promise<lunr.Index> holding all the query needs
 *   SiteBuilderSearch.search(query, { root, limit })  -> Promise<[{ ref, score, matchData, url, title, section, excerpt }]>
 *   SiteBuilderSearch.prefetch(query, { root })       -> Promise: loads the term shards search(query) reads first
 * root: the URL of the search/ folder (browser) or its path (Node). Every data file is a script that calls
 * SiteBuilderSearch.add(id, data), so it loads by <script> from file:// too; each is fetched once per page. */
(function (global, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(null);
  else global.SiteBuilderSearch = factory(global.document);
}(typeof self !== 'undefined' ? self : this, function (document) {
  'use strict';

  var FORMAT = 3;
  var sites = Object.create(null);
  var pendingScripts = Object.create(null);

  /* ---- files ---- */

  function site(root) {
    if (typeof root !== 'string' || !root) throw new TypeError('SiteBuilderSearch: options.root (the search/ folder) is required');
    if (root.charAt(root.length - 1) !== '/') root += '/';
    return sites[root] || (sites[root] = { root: root, files: Object.create(null), lunr: null, manifest: null, records: Object.create(null) });
  }

  // A data file by id ("manifest", "terms/3"): a Promise of what its script registered, loaded once per page.
  function file(s, id) {
    if (s.files[id]) return s.files[id];
    var p = document ? loadScript(s.root + id + '.js', id) : loadNodeFile(s.root, id);
    p.catch(function () { delete s.files[id]; });
    return (s.files[id] = p);
  }

  function loadScript(src, id) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.src = src;
      pendingScripts[el.src] = { id: id, resolve: resolve };
      el.onload = function () {
        // A script that ran without registering its id is not a search file of this format.
        if (pendingScripts[el.src]) { delete pendingScripts[el.src]; reject(new Error('SiteBuilderSearch: ' + src + ' registered no data')); }
      };
      el.onerror = function () { delete pendingScripts[el.src]; reject(new Error('SiteBuilderSearch: could not load ' + src)); };
      document.head.appendChild(el);
    });
  }

  function loadNodeFile(root, id) {
    return new Promise(function (resolve, reject) {
      var fs = require('fs'), path = require('path');
      fs.readFile(path.join(root, id + '.js'), 'utf8', function (err, code) {
        if (err) return reject(err);
        var got;
        // The same script a browser runs, with SiteBuilderSearch bound to a registrar for this one file.
        new Function('SiteBuilderSearch', code)({ add: function (i, data) { if (i === id) got = { data: data }; } });
        if (got) resolve(got.data); else reject(new Error('SiteBuilderSearch: ' + id + '.js registered no data'));
      });
    });
  }

  // Called by every data file.
  function add(id, data) {
    var current = document && document.currentScript;
    var pending = current && pendingScripts[current.src];
    if (pending && pending.id === id) {
      delete pendingScripts[current.src];
      pending.resolve(data);
    }
  }

  function lunrOf(s) {
    if (!s.lunr) {
      s.lunr = (document
        ? (typeof lunr !== 'undefined' ? Promise.resolve(lunr) : loadLunrScript(s.root + 'lunr.min.js'))
        : Promise.resolve(require(require('path').join(s.root, 'lunr.min.js'))))
        .then(patchLunr);
      s.lunr.catch(function () { s.lunr = null; });
    }
    return s.lunr;
  }

  function loadLunrScript(src) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.src = src;
      el.onload = function () { resolve(self.lunr); };
      el.onerror = function () { reject(new Error('SiteBuilderSearch: could not load ' + src)); };
      document.head.appendChild(el);
    });
  }

  // lunr 2.3.9 keys token-set nodes by label + id with no separator while minimising, so with digit labels two
  // different nodes can share a key and merge, which adds or drops words (a "2*" query may then throw). A separator
  // makes every token set hold exactly its words; lunr.js with this fix is the reference the tests compare against.
  function patchLunr(l) {
    if (l.TokenSet.prototype.toString.sbSeparated) return l;
    var toString = function () {
      if (this._str) return this._str;
      var str = this.final ? '1' : '0';
      var labels = Object.keys(this.edges).sort();
      for (var i = 0; i < labels.length; i++) str += labels[i] + this.edges[labels[i]].id + ',';
      return str;
    };
    toString.sbSeparated = true;
    l.TokenSet.prototype.toString = toString;
    return l;
  }

  function manifestOf(s) {
    if (!s.manifest) {
      s.manifest = file(s, 'manifest').then(function (m) {
        if (!m || m.format !== FORMAT) throw new Error('SiteBuilderSearch: ' + s.root + 'manifest.js is not format ' + FORMAT);
        m.pipelineFn = null;
        return m;
      });
      s.manifest.catch(function () { s.manifest = null; });
    }
    return s.manifest;
  }

  function ready(options) {
    var s = site(options && options.root);
    return Promise.all([lunrOf(s), manifestOf(s)]).then(function (r) {
      var l = r[0], m = r[1];
      if (!m.pipelineFn) m.pipelineFn = l.Pipeline.load(m.pipeline);
      return { s: s, lunr: l, m: m };
    });
  }

  /* ---- terms ---- */

  // The term shard holding `term`: the last whose first term (manifest.terms) is <= it.
  function shardOf(m, term) {
    var lo = 0, hi = m.terms.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (m.terms[mid] <= term) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // The records of one term shard, by term: { term, index, more, head, pages }. more: [] (no tail), [file] (one part),
  // or [file, ref1, ref2, …]: the tail in more.length parts by ref range, part k in more/(file + k), part k >= 1 from
  // ref_k on. pages[k]: part k's postings once loaded (kept for the page).
  function termShard(c, n) {
    var key = 'terms/' + n;
    if (c.s.records[key]) return Promise.resolve(c.s.records[key]);
    return file(c.s, key).then(function (rows) {
      if (c.s.records[key]) return c.s.records[key];
      var byTerm = new Map();
      for (var i = 0; i < rows.length; i++) byTerm.set(rows[i][0], { term: rows[i][0], index: rows[i][1], more: rows[i][2], head: rows[i][3], pages: [] });
      return (c.s.records[key] = byTerm);
    });
  }

  function recordOf(c, term) {
    return termShard(c, shardOf(c.m, term)).then(function (byTerm) { return byTerm.get(term) || null; });
  }

  // Every record whose term starts with `prefix`: the shards from the one that would hold the prefix to the last
  // whose first term starts with it.
  function recordsWithPrefix(c, prefix) {
    var first = shardOf(c.m, prefix), last = first;
    while (last + 1 < c.m.terms.length && c.m.terms[last + 1].lastIndexOf(prefix, 0) === 0) last++;
    var loads = [];
    for (var n = first; n <= last; n++) loads.push(termShard(c, n));
    return Promise.all(loads).then(function (shards) {
      var out = [];
      shards.forEach(function (byTerm) {
        byTerm.forEach(function (r, term) { if (term.lastIndexOf(prefix, 0) === 0) out.push(r); });
      });
      return out;
    });
  }

  function escapeRegExp(s) { return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); }

  // The index terms lunr would expand `spec` ({term, editDistance?}) to: a superset picked from the term dictionary
  // (a glob's regular expression; a fuzzy term's length window, which no edit path leaves), then lunr's own
  // TokenSet intersection over it, which keeps exactly lunr's words.
  function expandFromDictionary(c, spec) {
    return file(c.s, 'dictionary').then(function (dictionary) {
      var candidates;
      if ('editDistance' in spec) {
        var min = spec.term.length - spec.editDistance, max = spec.term.length + spec.editDistance;
        candidates = dictionary.filter(function (t) { return t.length >= min && t.length <= max; });
      } else {
        var re = new RegExp('^' + spec.term.split('*').map(escapeRegExp).join('[\\s\\S]*') + '$');
        candidates = dictionary.filter(function (t) { return re.test(t); });
      }
      if (!candidates.length) return [];
      var l = c.lunr;
      return l.TokenSet.fromArray(candidates).intersect(l.TokenSet.fromClause(spec)).toArray();
    });
  }

  // The query's clauses, each with the index records of the terms it expands to (lunr's own parser and pipeline).
  function plan(c, query) {
    var l = c.lunr, m = c.m;
    var q = new l.Query(m.fields);
    new l.QueryParser(String(query), q).parse();
    var clauses = q.clauses.map(function (clause) {
      var terms = clause.usePipeline ? m.pipelineFn.runString(clause.term, { fields: clause.fields }) : [clause.term];
      return Promise.all(terms.map(function (term) {
        var spec = { term: term };
        if ('editDistance' in clause) spec.editDistance = clause.editDistance;
        if ('editDistance' in spec || /\*[^*]/.test(term) || term.charAt(0) === '*') {
          return expandFromDictionary(c, spec).then(function (words) {
            return Promise.all(words.map(function (w) { return recordOf(c, w); }));
          });
        }
        if (term.indexOf('*') >= 0) return recordsWithPrefix(c, term.replace(/\*+$/, ''));
        return recordOf(c, term).then(function (r) { return r ? [r] : []; });
      })).then(function (lists) {
        // expanded: how many index words each of the clause's pipeline terms expands to (lunr's required-clause rules).
        return { clause: clause, records: [].concat.apply([], lists).filter(Boolean), expanded: lists.map(function (x) { return x.filter(Boolean).length; }) };
      });
    });
    return Promise.all(clauses).then(function (planned) { return { query: q, clauses: planned, parts: new Map() }; });
  }

  // Which parts of a record's tail a query uses (its own: the files loaded stay cached for the page, but what a query
  // reads does not depend on what earlier queries loaded): planned.parts maps a record to { has: [bool per part], n }.
  function usedParts(planned, record) {
    var u = planned.parts.get(record);
    if (!u) planned.parts.set(record, u = { has: [], n: 0 });
    return u;
  }
  function complete(planned, record) { return usedParts(planned, record).n === record.more.length; }
  function partFile(record, k) { return 'more/' + (record.more[0] + k); }

  // The part of a record's tail whose ref range holds `ref`.
  function partOf(record, ref) {
    var lo = 0, hi = record.more.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (record.more[mid] <= ref) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // The postings of a record the query uses: its head, then the parts it loaded.
  function loadedLists(planned, record) {
    var u = usedParts(planned, record), out = [record.head];
    for (var k = 0; k < record.more.length; k++) if (u.has[k]) out.push(record.pages[k]);
    return out;
  }

  // Takes part k of a record's tail into the query.
  function loadPart(c, planned, record, k) {
    var u = usedParts(planned, record);
    if (u.has[k]) return Promise.resolve();
    var id = partFile(record, k);
    return file(c.s, id).then(function (rows) {
      if (!record.pages[k]) {
        for (var i = 0; i < rows.length && !record.pages[k]; i++) if (rows[i][0] === record.term) record.pages[k] = rows[i][1];
        if (!record.pages[k]) throw new Error('SiteBuilderSearch: ' + id + '.js lacks the term ' + JSON.stringify(record.term));
      }
      if (!u.has[k]) { u.has[k] = true; u.n++; }
    });
  }

  function allParts(c, planned, record) {
    var loads = [];
    for (var k = 0; k < record.more.length; k++) loads.push(loadPart(c, planned, record, k));
    return Promise.all(loads);
  }

  // Calls fn(ref, mask, values, at) for each posting of an encoded list: [ref delta, field mask, one value x 1000
  // per field of the mask (in field order), ...].
  function eachPosting(list, nFields, fn) {
    var ref = 0;
    for (var i = 0; i < list.length;) {
      ref += list[i];
      var mask = list[i + 1];
      i += 2;
      fn(ref, mask, list, i);
      for (var f = 0; f < nFields; f++) if (mask & (1 << f)) i++;
    }
  }

  /* ---- the partial index ---- */

  // A lunr.Index holding exactly these records' loaded postings (head and tail parts) and their field-vector elements.
  // A posting's element is all its document's vector contributes to a query's score: lunr scores with
  // queryVector.dot(fieldVector) / queryVector.magnitude(), and the query vector has only the query's terms.
  // With `keep` (a Set of refs), only those documents' postings and vectors go in; every term stays, so lunr's query
  // vectors, and with them every score, are the same. A Promise: long lists are taken in slices of a task each.
  function buildIndex(c, planned, allDocuments, keep) {
    var records = allRecords(planned);
    var l = c.lunr, fields = c.m.fields, nf = fields.length;
    var inverted = Object.create(null), elements = Object.create(null), terms = [];
    // In term-index order, so each vector's elements arrive sorted, as lunr.Vector needs them.
    return forEachSliced(records.slice().sort(function (a, b) { return a.index - b.index; }), function (r) {
      if (inverted[r.term]) return;
      terms.push(r.term);
      var posting = Object.create(null);
      posting._index = r.index;
      for (var f = 0; f < nf; f++) posting[fields[f]] = Object.create(null);
      inverted[r.term] = posting;
      var addList = function (list) {
        eachPosting(list, nf, function (ref, mask, data, at) {
          if (keep && !keep.has(ref)) return;
          for (var f = 0; f < nf; f++) {
            if (!(mask & (1 << f))) continue;
            posting[fields[f]][ref] = {};
            var key = fields[f] + '/' + ref;
            (elements[key] || (elements[key] = [])).push(r.index, data[at++] / 1000);
          }
        });
      };
      loadedLists(planned, r).forEach(addList);
    }).then(function () {
      var fieldVectors = {};
      if (allDocuments) {
        // Only prohibited clauses: lunr returns every document, in the order of its fieldVectors (document, then field).
        for (var d = 0; d < c.m.documents; d++) {
          if (keep && !keep.has(d)) continue;
          for (var f = 0; f < nf; f++) fieldVectors[fields[f] + '/' + d] = new l.Vector([]);
        }
      }
      for (var key in elements) fieldVectors[key] = new l.Vector(elements[key]);
      terms.sort();
      return new l.Index({
        invertedIndex: inverted, fieldVectors: fieldVectors, tokenSet: l.TokenSet.fromArray(terms),
        fields: fields.slice(), pipeline: c.m.pipelineFn,
      });
    });
  }

  function allRecords(planned) {
    return [].concat.apply([], planned.clauses.map(function (p) { return p.records; }));
  }

  /**
   * Whether the postings loaded so far (each term's head and the parts of its tail the query took) decide lunr's first
   * `limit` results exactly, and which documents they are. Resolves to { keep, total } (keep: the refs whose postings
   * the partial index needs; total: the number of matches when every list is loaded, else null); { need: [[record,
   * part], …] }, the tail parts that would decide them (or bring the decision nearer); false when only whole lists
   * can decide (every part of them is to be loaded); or null when the query is not of the kind this reasons about.
   * For queries of optional clauses with positive boosts, a document's score is a sum over terms of
   * coef[t][f] * value, coef = boost / |query vector of f|. A head holds the term's best postings by sum of values,
   * so a document whose posting of t is not known gets at most maxCoef[t] * (the smallest sum in the head) from t.
   * A document's value for t is known when t's list is complete, when the document is in what is loaded of it, or
   * when the part of the tail that covers its ref is loaded (then it has none). The loader asks first for the parts
   * that resolve the top `limit` documents by known score, then for those of any other document whose bound (known
   * score plus the bounds of its unknown terms) does not fall below the last of them by a margin (1e-9 relative), as
   * the Threshold Algorithm takes random accesses. Once all those are known and any document seen in no list is
   * bounded below the last too, the top `limit` are lunr's. A document's lunr score depends only on its own vector
   * elements and the query, so an index of just those documents (and any known to be within the margin of the last,
   * so that lunr breaks ties as on the whole index) gives lunr's first `limit` with their scores and match data.
   */
  function decided(c, planned, limit) {
    var fields = c.m.fields, nf = fields.length;
    var q = fields.map(function () { return Object.create(null); });
    var lists = [], byTerm = Object.create(null), presence = c.lunr.Query.presence;
    var constrained = [], negated = planned.clauses.length > 0, none = false;
    for (var i = 0; i < planned.clauses.length; i++) {
      var p = planned.clauses[i], clause = p.clause;
      if (clause.presence !== presence.PROHIBITED) negated = false;
      if (clause.presence !== presence.OPTIONAL) {
        // A required stop word (no term) makes lunr.js throw: the whole index answers that, as lunr does.
        if (clause.presence === presence.REQUIRED && !p.expanded.length) return Promise.resolve(null);
        // A required term that expands to no word of the index: lunr matches nothing.
        if (clause.presence === presence.REQUIRED && p.expanded.indexOf(0) >= 0) none = true;
        constrained.push(p);
      }
      p.records.forEach(function (r) { if (!byTerm[r.term]) { byTerm[r.term] = true; lists.push(r); } });
      if (clause.presence === presence.PROHIBITED) continue;
      if (!(clause.boost > 0)) return Promise.resolve(null);
      p.records.forEach(function (r) {
        clause.fields.forEach(function (field) {
          var f = fields.indexOf(field);
          q[f][r.term] = (q[f][r.term] || 0) + clause.boost;
        });
      });
    }
    var done = function (r) { return complete(planned, r); };
    var whole = lists.every(done);
    if (none) return Promise.resolve({ keep: new Set(), total: 0 });
    // Required and prohibited terms: which documents pass is known only from their whole lists.
    if (constrained.length && !whole) return Promise.resolve(false);
    var magnitude = q.map(function (qf) {
      var sum = 0;
      for (var t in qf) sum += qf[t] * qf[t];
      return Math.sqrt(sum);
    });
    var known = new Map(), bounds = [], unseenBound = 0;
    return forEachSliced(lists, function (r, li) {
      var coef = fields.map(function (_, f) { return q[f][r.term] ? q[f][r.term] / magnitude[f] : 0; });
      var queried = 0;
      for (var f0 = 0; f0 < nf; f0++) if (q[f0][r.term]) queried |= 1 << f0;
      var maxCoef = Math.max.apply(null, coef), floor = Infinity;
      loadedLists(planned, r).forEach(function (list, part) {
        eachPosting(list, nf, function (ref, mask, data, at) {
          var sum = 0, score = 0;
          for (var f = 0; f < nf; f++) {
            if (!(mask & (1 << f))) continue;
            var v = data[at++] / 1000;
            sum += v;
            score += coef[f] * v;
          }
          // Only the head bounds the postings not loaded: a tail part is in ref order, not best first.
          if (part === 0 && sum < floor) floor = sum;
          var k = known.get(ref);
          if (!k) known.set(ref, k = { ref: ref, score: 0, seen: [], hit: false });
          k.score += score;
          k.seen[li] = true;
          // lunr matches a document only through a field the query searches.
          if (mask & queried) k.hit = true;
        });
      });
      bounds[li] = done(r) ? 0 : maxCoef * floor;
      unseenBound += bounds[li];
    }).then(function () {
      return constrained.length ? passing(c, planned, constrained) : null;
    }).then(function (pass) {
      var docs = Array.from(known.values()).sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
      var keep = new Set();
      if (negated) {
        // Only prohibited terms: lunr gives every other document, all scoring 0, in document order.
        var total = 0;
        for (var d = 0; d < c.m.documents; d++) {
          if (pass.prohibited.has(d)) continue;
          if (keep.size < limit) keep.add(d);
          total++;
        }
        return { keep: keep, total: total, negated: true };
      }
      if (whole) {
        var matched = docs.filter(function (d) { return d.hit && (!pass || pass.test(d.ref)); });
        var cut = matched.length > limit ? matched[limit - 1].score : -Infinity;
        var margin = 1e-9 * Math.max(1, Math.abs(cut));
        for (var m = 0; m < matched.length && matched[m].score >= cut - margin; m++) keep.add(matched[m].ref);
        return { keep: keep, total: matched.length };
      }
      if (docs.length < limit) return false;
      // need: the parts that resolve a document's unknown values, by file (each part asked for once).
      var need = [], asked = Object.create(null);
      // Whether a document's value for list li is unknown; if so, its part goes into need. (Even a list whose bound is 0
      // counts: a result's match data names every word whose list holds it.)
      var unknown = function (doc, li) {
        var r = lists[li];
        if (done(r) || doc.seen[li]) return false;
        var k = partOf(r, doc.ref);
        if (usedParts(planned, r).has[k]) return false;
        var id = partFile(r, k);
        if (!asked[id]) { asked[id] = true; need.push([r, k]); }
        return true;
      };
      for (var t = 0; t < limit; t++) for (var li = 0; li < lists.length; li++) unknown(docs[t], li);
      if (need.length) return { need: need };
      var last = docs[limit - 1].score, close = 1e-9 * Math.max(1, Math.abs(last));
      // A document seen in no list: only whole lists can bound it lower.
      if (!(last - unseenBound > close)) return false;
      var tied = [];
      for (var o = limit; o < docs.length; o++) {
        var u = docs[o].score, open = false;
        for (var l2 = 0; l2 < lists.length; l2++) {
          var r2 = lists[l2];
          if (!done(r2) && !docs[o].seen[l2] && !usedParts(planned, r2).has[partOf(r2, docs[o].ref)]) {
            u += bounds[l2];
            open = true;
          }
        }
        if (last - u > close) continue;
        if (!open) tied.push(docs[o].ref);
        else for (var l3 = 0; l3 < lists.length; l3++) unknown(docs[o], l3);
      }
      if (need.length) return { need: need };
      for (var k2 = 0; k2 < limit; k2++) keep.add(docs[k2].ref);
      tied.forEach(function (ref) { keep.add(ref); });
      return { keep: keep, total: null };
    });
  }

  // What lunr's required and prohibited clauses let through (every list loaded): a document must be found, in one of
  // the clause's fields, by a word of each required clause, and by no word of a prohibited clause.
  function passing(c, planned, constrained) {
    var fields = c.m.fields, nf = fields.length, required = [], prohibited = new Set();
    var pairs = [];
    constrained.forEach(function (p) {
      var mask = 0;
      p.clause.fields.forEach(function (field) { mask |= 1 << fields.indexOf(field); });
      var set = p.clause.presence === c.lunr.Query.presence.PROHIBITED ? prohibited : new Set();
      if (set !== prohibited) required.push(set);
      p.records.forEach(function (r) { pairs.push({ r: r, mask: mask, set: set }); });
    });
    return forEachSliced(pairs, function (pair) {
      loadedLists(planned, pair.r).forEach(function (list) {
        eachPosting(list, nf, function (ref, mask) { if (mask & pair.mask) pair.set.add(ref); });
      });
    }).then(function () {
      return {
        prohibited: prohibited,
        test: function (ref) {
          if (prohibited.has(ref)) return false;
          for (var i = 0; i < required.length; i++) if (!required[i].has(ref)) return false;
          return true;
        },
      };
    });
  }

  // Loads tail parts until the loaded postings decide the first `limit` results (see decided): the parts decided
  // asks for, or, when only whole lists decide, every part of the incomplete lists. A query of very many terms (a
  // one-letter prefix, a fuzzy short word) loads every part at once.
  // options.beforeTiers(n): called before a search reads the tails (some parts or all) of n terms from files it has
  // not loaded yet; a Promise it returns delays the reading until it resolves (a search box waits for the reader to
  // pause before a wide prefix's tails). It counts terms, not files: a term's parts together are no more than its tail.
  function gate(c, parts, options) {
    var terms = Object.create(null), n = 0;
    parts.forEach(function (p) {
      if (!c.s.files[partFile(p[0], p[1])] && !terms[p[0].term]) { terms[p[0].term] = true; n++; }
    });
    var wait = n && options && typeof options.beforeTiers === 'function' ? options.beforeTiers(n) : null;
    return Promise.resolve(wait).then(function () { checkAborted(options && options.signal); });
  }

  // Every part of these records' tails the query does not use yet, as [record, part].
  function missingParts(planned, records) {
    var out = [];
    records.forEach(function (r) {
      var u = usedParts(planned, r);
      for (var k = 0; k < r.more.length; k++) if (!u.has[k]) out.push([r, k]);
    });
    return out;
  }

  function loadParts(c, planned, parts, options) {
    return gate(c, parts, options).then(function () {
      return Promise.all(parts.map(function (p) { return loadPart(c, planned, p[0], p[1]); }));
    });
  }

  function enoughFor(c, planned, limit, options) {
    checkAborted(options.signal);
    var records = allRecords(planned);
    if (records.length > 256) {
      return loadParts(c, planned, missingParts(planned, records), options).then(nextTask).then(function () {
        checkAborted(options.signal);
        return decided(c, planned, limit);
      });
    }
    return decided(c, planned, limit).then(function (verdict) {
      if (verdict && !verdict.need) return verdict;
      if (verdict === null) return null;
      checkAborted(options.signal);
      var parts = verdict ? verdict.need : missingParts(planned, records);
      return loadParts(c, planned, parts, options).then(nextTask).then(function () { return enoughFor(c, planned, limit, options); });
    });
  }

  function fullIndex(c, planned) {
    var records = allRecords(planned);
    return Promise.all(records.map(function (r) { return allParts(c, planned, r); })).then(function () {
      return buildIndex(c, planned, planned.query.isNegated());
    });
  }

  // options.signal (an AbortSignal): a search box aborts the search of text the reader has typed on from, so it
  // loads no further tiers or documents for it.
  function checkAborted(signal) {
    if (signal && signal.aborted) {
      var e = new Error('SiteBuilderSearch: search aborted');
      e.name = 'AbortError';
      throw e;
    }
  }

  // A promise that resolves in a later task: deciding, building the partial index and lunr's search each run in a
  // task of their own, so a page stays responsive (no one task of a search is long) and a newer key can abort it.
  function nextTask() {
    return new Promise(function (resolve) {
      if (typeof setImmediate === 'function') setImmediate(resolve);
      else if (typeof MessageChannel === 'function') {
        var ch = new MessageChannel();
        ch.port1.onmessage = function () { ch.port1.close(); resolve(); };
        ch.port2.postMessage(0);
      } else setTimeout(resolve, 0);
    });
  }

  // Calls fn(item, i) for each item, in order, in slices of about SLICE_MS each, a task apiece; resolves when done.
  var SLICE_MS = 8;
  function forEachSliced(items, fn) {
    return new Promise(function (resolve, reject) {
      var i = 0;
      (function slice() {
        try {
          var start = Date.now();
          while (i < items.length) {
            fn(items[i], i);
            i++;
            if (Date.now() - start > SLICE_MS && i < items.length) return nextTask().then(slice);
          }
          resolve();
        } catch (e) {
          reject(e);
        }
      })();
    });
  }

  /* ---- documents ---- */

  // The document shards of these refs, by shard number (each file loaded once per page).
  function loadDocuments(c, refs) {
    var size = c.m.docs.size, shards = Object.create(null);
    refs.forEach(function (ref) { shards[Math.floor(ref / size)] = true; });
    return Promise.all(Object.keys(shards).map(function (n) {
      return file(c.s, 'docs/' + n).then(function (rows) { shards[n] = rows; });
    })).then(function () { return shards; });
  }

  function withDocuments(c, results) {
    var size = c.m.docs.size;
    return loadDocuments(c, results.map(function (r) { return r.ref; })).then(function (shards) {
      return results.map(function (r) {
        var row = shards[Math.floor(r.ref / size)][r.ref % size];
        return { ref: r.ref, score: r.score, matchData: r.matchData, url: row[0], title: row[1], section: row[2], excerpt: row[3] };
      });
    });
  }

  /* ---- the API ---- */

  return {
    /** Registers a data file's contents; every file of the index calls it. */
    add: add,

    /** Loads lunr.js and the manifest of the index at options.root (e.g. when the search box gets focus). */
    preload: function (options) {
      return ready(options).then(function (c) { return c.m; });
    },

    /**
     * Loads the term shards (and, for a leading wildcard or a fuzzy word, the dictionary) that search(query) would
     * read first, and nothing else; resolves when they are in, and never rejects. A search box calls it on every key,
     * so the search it runs when the reader pauses finds the words' shards loaded.
     */
    prefetch: function (query, options) {
      return ready(options).then(function (c) { return plan(c, query); }).then(function () {}, function () {});
    },

    /** A lunr.Index with every term, posting and vector element `query` needs; its search(query) is lunr's answer. */
    index: function (query, options) {
      return ready(options).then(function (c) {
        return plan(c, query).then(function (planned) { return fullIndex(c, planned); });
      });
    },

    /**
     * lunr's results for `query`, in lunr's order with lunr's scores and match data, each with its page's url,
     * title, section and excerpt. With options.limit, only the first `limit`, and only as many of each term's
     * postings (best first) are loaded as decide them; results.total is the number of matches, or null if not known.
     * options.signal (an AbortSignal) stops a search whose answer is no longer wanted (it rejects with an AbortError).
     * options.beforeTiers(n), if given, is called before the search reads tails of n terms (more/ files it has not
     * loaded); it may return a Promise to wait on first (a search box waits for a pause in typing before a query that
     * reads many).
     */
    search: function (query, options) {
      var limit = options && options.limit, signal = options && options.signal;
      return ready(options).then(function (c) {
        return plan(c, query).then(function (planned) {
          var limited = typeof limit === 'number' && limit > 0 && isFinite(limit), verdict = null;
          return (limited ? enoughFor(c, planned, limit, options) : Promise.resolve(null)).then(function (v) {
            verdict = v;
            checkAborted(signal);
            if (verdict) {
              // The first results are known now: their document shards load while the index is built and searched.
              if (verdict.keep.size <= 2 * limit) loadDocuments(c, Array.from(verdict.keep)).catch(function () {});
              return nextTask().then(function () { return buildIndex(c, planned, !!verdict.negated, verdict.keep); });
            }
            return gate(c, missingParts(planned, allRecords(planned)), options).then(function () { return fullIndex(c, planned); });
          }).then(function (idx) {
            return nextTask().then(function () { return idx; });
          }).then(function (idx) {
            checkAborted(signal);
            var all = idx.search(String(query));
            var shown = typeof limit === 'number' && limit >= 0 ? all.slice(0, limit) : all;
            return withDocuments(c, shown).then(function (results) {
              results.total = verdict ? verdict.total : allRecords(planned).every(function (r) { return complete(planned, r); }) ? all.length : null;
              return results;
            });
          });
        });
      });
    },
  };
}));
