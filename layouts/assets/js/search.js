/* SiteBuilder site search: a lunr 2.3.9 index prebuilt by `sitebuilder build`, loaded on first use.
 * Plain ES2017, no framework. Works over http(s) and from file://, where browsers refuse fetch() of JSON
 * but still run <script> files: the index arrives as search/search-data.js (window.SITEBUILDER_SEARCH).
 * Markup contract: see the header form (#search-input, #search-results) and the search page (#search-page). */
(function () {
  'use strict';

  var MAX_RESULTS = 10;
  var MAX_PAGE_RESULTS = 50;
  var DEBOUNCE_MS = 60;
  var root = document.documentElement.getAttribute('data-root') || './';
  if (root.charAt(root.length - 1) !== '/') root += '/';
  var fromDisk = location.protocol === 'file:';

  var state = { index: null, documents: null, loading: null, active: -1, results: [], terms: [] };

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.async = false;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  // lunr.js keys token-set nodes by label + id without a separator, so with digit labels two different nodes can
  // share a key and merge, inventing words that are not in the index (a "2*" query then throws). A separator fixes it.
  function patchLunr(lunr) {
    lunr.TokenSet.prototype.toString = function () {
      if (this._str) return this._str;
      var str = this.final ? '1' : '0';
      var labels = Object.keys(this.edges).sort();
      for (var i = 0; i < labels.length; i++) str += labels[i] + this.edges[labels[i]].id + ',';
      return str;
    };
  }

  function ensureIndex() {
    if (state.loading) return state.loading;
    state.loading = (window.lunr ? Promise.resolve() : loadScript(root + 'search/lunr.min.js'))
      .then(function () { return window.SITEBUILDER_SEARCH ? null : loadScript(root + 'search/search-data.js'); })
      .then(function () {
        patchLunr(window.lunr);
        state.index = window.lunr.Index.load(window.SITEBUILDER_SEARCH.index);
        state.documents = window.SITEBUILDER_SEARCH.documents;
        state.vectors = prepareVectors(state.index);
      });
    state.loading.catch(function () { state.loading = null; });
    return state.loading;
  }

  /* ---- queries ---- */

  // lunr's Index#search does per-document bookkeeping (field-ref strings, match-data objects, sets, linear dot
  // products) that costs ~70 ms for a word found in 6,000 of 10,000 pages. For queries whose clauses are all
  // optional (what people type), the same scores are computed here over arrays: same query vectors, same dot
  // products summed in the same order, same first-match order before the same stable sort. So the refs, order
  // and scores equal lunr's, bit for bit (bench/search/query-latency.js checks it); anything else goes to lunr.
  function prepareVectors(idx) {
    var fieldIndex = Object.create(null);
    idx.fields.forEach(function (f, i) { fieldIndex[f] = i; });
    var vectors = idx.fields.map(function () { return []; });
    var keys = Object.keys(idx.fieldVectors);
    var docCount = 0;
    for (var i = 0; i < keys.length; i++) {
      var slash = keys[i].indexOf('/');
      var ref = keys[i].slice(slash + 1);
      // Site indexes use ordinal refs; with any other ref the fast path stays off.
      if (!/^(0|[1-9][0-9]{0,8})$/.test(ref)) return null;
      vectors[fieldIndex[keys[i].slice(0, slash)]][+ref] = idx.fieldVectors[keys[i]].elements;
      docCount = Math.max(docCount, +ref + 1);
    }
    var nf = idx.fields.length;
    return {
      fieldIndex: fieldIndex, vectors: vectors, docCount: docCount,
      // Scratch space reused by every query (and cleared after it) instead of per-query sets and maps.
      seen: new Uint8Array(docCount * nf), docSeen: new Uint8Array(docCount), scores: new Float64Array(docCount),
    };
  }

  // lunr.Vector#dot with the (short) query vector driving binary searches into the document vector: the same
  // products added in the same ascending order as lunr's merge.
  function dot(query, doc) {
    var sum = 0, lo = 0;
    for (var i = 0; i < query.length; i += 2) {
      var target = query[i], hi = (doc.length >> 1) - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1, v = doc[mid * 2];
        if (v < target) lo = mid + 1;
        else if (v > target) hi = mid - 1;
        else { found = mid; break; }
      }
      if (found >= 0) { sum += query[i + 1] * doc[found * 2 + 1]; lo = found + 1; }
    }
    return sum;
  }

  function fastSearch(idx, prep, clauses, limit) {
    var lunr = window.lunr;
    var nf = idx.fields.length;
    var queryVectors = idx.fields.map(function () { return new lunr.Vector(); });
    var order = [], termFieldDone = Object.create(null), expandedAll = [];
    var seen = prep.seen, docSeen = prep.docSeen, scores = prep.scores;
    for (var c = 0; c < clauses.length; c++) {
      var clause = clauses[c];
      if (clause.presence !== lunr.Query.presence.OPTIONAL) return null;
      var terms = clause.usePipeline ? idx.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
      for (var t = 0; t < terms.length; t++) {
        var spec = { term: terms[t] };
        if ('editDistance' in clause) spec.editDistance = clause.editDistance;
        var expanded = idx.tokenSet.intersect(lunr.TokenSet.fromClause(spec)).toArray();
        for (var e = 0; e < expanded.length; e++) {
          var term = expanded[e], posting = idx.invertedIndex[term];
          if (!posting) return null;
          expandedAll.push(term);
          for (var k = 0; k < clause.fields.length; k++) {
            var field = clause.fields[k], f = prep.fieldIndex[field];
            queryVectors[f].upsert(posting._index, clause.boost, function (a, b) { return a + b; });
            if (termFieldDone[term + '/' + field]) continue;
            termFieldDone[term + '/' + field] = true;
            var refs = Object.keys(posting[field]);
            for (var r = 0; r < refs.length; r++) {
              var code = +refs[r] * nf + f;
              if (!seen[code]) { seen[code] = 1; order.push(code); }
            }
          }
        }
      }
    }
    // Score field by field in first-match order, summing per document in that order, as lunr does.
    var magnitudes = queryVectors.map(function (v) { return v.magnitude(); });
    var elements = queryVectors.map(function (v) { return v.elements; });
    var docs = [];
    for (var i = 0; i < order.length; i++) {
      var d = (order[i] / nf) | 0, fi = order[i] - d * nf;
      seen[order[i]] = 0;
      var score = dot(elements[fi], prep.vectors[fi][d]) / magnitudes[fi] || 0;
      if (docSeen[d]) scores[d] += score;
      else { docSeen[d] = 1; scores[d] = score; docs.push(d); }
    }
    // lunr's stable sort by descending score keeps first-match order among ties; keeping the best `limit` in
    // that order (a later document never displaces an equal earlier one) gives the same head of the list.
    var top = [];
    for (var j = 0; j < docs.length; j++) {
      var doc = docs[j], sc = scores[doc];
      docSeen[doc] = 0;
      if (top.length === limit && !(sc > scores[top[limit - 1]])) continue;
      var at = top.length;
      while (at > 0 && sc > scores[top[at - 1]]) at--;
      top.splice(at, 0, doc);
      if (top.length > limit) top.pop();
    }
    var results = top.map(function (doc) {
      return { ref: String(doc), score: scores[doc], terms: termsOf(idx, expandedAll, String(doc)) };
    });
    results.total = docs.length;
    return results;
  }

  // The matched terms of one result, computed only when it is rendered.
  function termsOf(idx, expanded, ref) {
    return function () {
      return expanded.filter(function (term) {
        var posting = idx.invertedIndex[term];
        return idx.fields.some(function (f) { return ref in posting[f]; });
      });
    };
  }

  function search(text, limit) {
    var idx = state.index, lunr = window.lunr;
    var query = new lunr.Query(idx.fields);
    new lunr.QueryParser(text, query).parse();
    var fast = state.vectors && query.clauses.length ? fastSearch(idx, state.vectors, query.clauses, limit) : null;
    if (fast) return fast;
    return lunrSearch(text, limit);
  }

  function lunrSearch(text, limit) {
    var all = state.index.search(text);
    var results = all.slice(0, limit).map(function (r) {
      return { ref: r.ref, score: r.score, terms: function () { return Object.keys(r.matchData.metadata); } };
    });
    results.total = all.length;
    return results;
  }

  var SPECIAL = /[\s\-:~^*+\\]+/;

  // The user's text as lunr syntax (so title:, +, -, ~1 and * work), plus a prefix match on a last plain word
  // still being typed; on a syntax error, the same words with every special character removed.
  function runQuery(text, limit, useLunr) {
    var trimmed = text.trim();
    if (!trimmed) return { results: [], prefix: '' };
    var words = trimmed.split(SPECIAL).filter(Boolean);
    var last = /\s$/.test(text) ? '' : (trimmed.split(/\s+/).pop() || '');
    var prefix = /^[^:~^*+\-\\]+$/.test(last) ? last.toLowerCase() : '';
    var attempts = [trimmed + (prefix ? ' ' + prefix + '*' : '')];
    var plain = words.join(' ');
    if (plain) attempts.push(plain + (prefix ? ' ' + words[words.length - 1].toLowerCase() + '*' : ''));
    for (var i = 0; i < attempts.length; i++) {
      try {
        var results = useLunr ? lunrSearch(attempts[i], limit) : search(attempts[i], limit);
        return { results: results, prefix: prefix };
      } catch (e) {
        // QueryParseError (or a lunr failure): try the escaped form.
      }
    }
    return { results: [], prefix: prefix };
  }

  /* ---- rendering (DOM nodes only: user text never goes through innerHTML) ---- */

  function stem(word) {
    var lunr = window.lunr;
    var t = lunr.trimmer(new lunr.Token(word.toLowerCase()));
    return lunr.stemmer(t).toString();
  }

  function appendHighlighted(parent, text, terms, prefix) {
    var parts = text.split(/([\s\-]+)/);
    var buffer = '';
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      var isWord = i % 2 === 0 && part.length > 0;
      var lower = part.toLowerCase();
      var hit = isWord && (terms.indexOf(stem(part)) !== -1 || (prefix.length > 1 && window.lunr.trimmer(new window.lunr.Token(lower)).toString().indexOf(prefix) === 0));
      if (hit) {
        if (buffer) parent.appendChild(document.createTextNode(buffer));
        buffer = '';
        var mark = document.createElement('mark');
        mark.textContent = part;
        parent.appendChild(mark);
      } else {
        buffer += part;
      }
    }
    if (buffer) parent.appendChild(document.createTextNode(buffer));
  }

  function pageHref(url) {
    var href = root + url;
    if (fromDisk && (url === '' || url.charAt(url.length - 1) === '/')) href += 'index.html';
    return href;
  }

  function matchedTerms(result) {
    return result.terms();
  }

  function renderItem(result, i, idPrefix, prefix) {
    var doc = state.documents[+result.ref];
    var terms = matchedTerms(result);
    var li = document.createElement('li');
    li.id = idPrefix + i;
    li.className = 'search-result';
    var a = document.createElement('a');
    a.href = pageHref(doc.url);
    a.tabIndex = -1;
    var title = document.createElement('span');
    title.className = 'search-result-title';
    appendHighlighted(title, doc.title, terms, prefix);
    a.appendChild(title);
    if (doc.section) {
      var section = document.createElement('span');
      section.className = 'search-result-section';
      section.textContent = doc.section;
      a.appendChild(section);
    }
    if (doc.excerpt) {
      var excerpt = document.createElement('span');
      excerpt.className = 'search-result-excerpt';
      appendHighlighted(excerpt, doc.excerpt, terms, prefix);
      a.appendChild(excerpt);
    }
    li.appendChild(a);
    return li;
  }

  function emptyItem(text) {
    var li = document.createElement('li');
    li.className = 'search-empty';
    li.setAttribute('aria-disabled', 'true');
    li.textContent = text;
    return li;
  }

  /* ---- the header combobox ---- */

  function setupBox(input, list) {
    var timer = 0;

    function open() {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      state.active = -1;
    }

    function setActive(i) {
      var options = list.querySelectorAll('[role="option"]');
      if (!options.length) return;
      state.active = (i + options.length) % options.length;
      for (var k = 0; k < options.length; k++) options[k].setAttribute('aria-selected', k === state.active ? 'true' : 'false');
      var el = options[state.active];
      input.setAttribute('aria-activedescendant', el.id);
      if (el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
    }

    function update() {
      var text = input.value;
      if (!text.trim()) { list.textContent = ''; close(); return; }
      ensureIndex().then(function () {
        if (input.value !== text) return;
        var outcome = runQuery(text, MAX_RESULTS);
        state.results = outcome.results;
        list.textContent = '';
        state.active = -1;
        input.removeAttribute('aria-activedescendant');
        if (!state.results.length) list.appendChild(emptyItem('No results for “' + text.trim() + '”'));
        state.results.forEach(function (r, i) {
          var li = renderItem(r, i, 'search-result-', outcome.prefix);
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          li.addEventListener('mousedown', function (e) { e.preventDefault(); });
          list.appendChild(li);
        });
        open();
      }, function () {
        list.textContent = '';
        list.appendChild(emptyItem('Search is unavailable: the index could not be loaded.'));
        open();
      });
    }

    input.addEventListener('focus', function () {
      ensureIndex();
      if (input.value.trim() && list.childNodes.length) open();
    });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (list.hidden && input.value.trim()) { update(); return; }
        setActive(state.active + (e.key === 'ArrowDown' ? 1 : -1));
      } else if (e.key === 'Enter') {
        var options = list.querySelectorAll('[role="option"] a');
        if (!list.hidden && options.length) {
          e.preventDefault();
          location.href = options[state.active >= 0 ? state.active : 0].href;
        } else if (!input.value.trim()) {
          e.preventDefault();
        } else if (fromDisk) {
          // The form's action is a directory URL on http; from disk it must name the file.
          e.preventDefault();
          location.href = root + 'search/index.html?q=' + encodeURIComponent(input.value);
        }
      } else if (e.key === 'Escape') {
        if (!list.hidden) close();
        else input.value = '';
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  /* ---- the search page (?q=) ---- */

  function setupPage(pageList, input) {
    var q = new URLSearchParams(location.search).get('q') || '';
    if (input) input.value = q;
    if (!q.trim()) return;
    ensureIndex().then(function () {
      var outcome = runQuery(q, MAX_PAGE_RESULTS);
      pageList.textContent = '';
      if (!outcome.results.length) pageList.appendChild(emptyItem('No results for “' + q.trim() + '”'));
      outcome.results.forEach(function (r, i) {
        pageList.appendChild(renderItem(r, i, 'search-page-result-', outcome.prefix));
      });
    }, function () {
      pageList.textContent = '';
      pageList.appendChild(emptyItem('Search is unavailable: the index could not be loaded.'));
    });
  }

  function isTypingTarget(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }

  function init() {
    var input = document.getElementById('search-input');
    var list = document.getElementById('search-results');
    if (input && list) setupBox(input, list);
    var pageList = document.getElementById('search-page-results');
    if (pageList) setupPage(pageList, input);
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || !input || isTypingTarget(document.activeElement)) return;
      e.preventDefault();
      input.focus();
      input.select();
    });
    if (fromDisk) {
      // Directory links do not open index.html from disk.
      var form = input && input.form;
      if (form && /\/$/.test(form.getAttribute('action') || '')) form.setAttribute('action', form.getAttribute('action') + 'index.html');
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();

  // For tests and the benchmark: run a query the way the search box does.
  window.SiteBuilderSearch = {
    ready: ensureIndex,
    // The best `limit` results (default 10) as the box shows them; `.total` counts every match.
    query: function (text, limit) { return runQuery(text, limit || MAX_RESULTS).results; },
    // The same query through lunr's own Index#search, to check that both agree.
    lunrQuery: function (text, limit) { return runQuery(text, limit || MAX_RESULTS, true).results; },
  };
})();
