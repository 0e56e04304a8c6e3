/* SiteBuilder site search: the header search box and the search page, answered by lunr 2.3.9 through the loader
 * search/sb-search.js, which fetches only the index shards a query needs (docs/search.md). Plain ES2017, no framework.
 * Works over http(s) and from file://: every index file is a script, which browsers run from disk too.
 * Markup contract: see the header form (#search-input, #search-results) and the search page (#search-page). */
(function () {
  'use strict';

  var MAX_RESULTS = 10;
  var MAX_PAGE_RESULTS = 50;
  var DEBOUNCE_MS = 60;
  // The shortest last word that gets a prefix match while typed: `m*` and `mi*` expand to thousands of words, whose
  // postings a reader would download (and lunr score) for a list that the next key replaces.
  var MIN_PREFIX = 3;
  // A search that must read more than EAGER_TIERS posting tails (more/ files: a wide prefix such as `sta*` beside
  // other words) waits until no key has been pressed for QUIET_MS, so text the reader is still typing costs nothing.
  var EAGER_TIERS = 4;
  var QUIET_MS = 200;
  var root = document.documentElement.getAttribute('data-root') || './';
  if (root.charAt(root.length - 1) !== '/') root += '/';
  var fromDisk = location.protocol === 'file:';
  var searchRoot = root + 'search/';

  var state = { loader: null, active: -1, results: [] };

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  // The loader, lunr.min.js and the index manifest, fetched on first use (focus of the box, or the search page).
  function ensureLoader() {
    if (state.loader) return state.loader;
    state.loader = (window.SiteBuilderSearch ? Promise.resolve() : loadScript(searchRoot + 'sb-search.js'))
      .then(function () { return window.SiteBuilderSearch.preload({ root: searchRoot }); })
      .then(function () { return window.SiteBuilderSearch; });
    state.loader.catch(function () { state.loader = null; });
    return state.loader;
  }

  /* ---- queries ---- */

  var SPECIAL = /[\s\-:~^*+\\]+/;

  // The user's text as lunr syntax (so title:, +, -, ~1 and * work), plus a prefix match on a last plain word still
  // being typed (of MIN_PREFIX letters or more); then, for a syntax error, the same words with every special character
  // removed. runQuery resolves to the first `limit` results of the first form lunr parses (lunr's, with their pages'
  // url, title, section and excerpt).
  function queryForms(text) {
    var trimmed = text.trim();
    var words = trimmed.split(SPECIAL).filter(Boolean);
    var last = /\s$/.test(text) ? '' : (trimmed.split(/\s+/).pop() || '');
    var prefix = /^[^:~^*+\-\\]+$/.test(last) ? last.toLowerCase() : '';
    var wildcard = prefix.length >= MIN_PREFIX;
    var attempts = [trimmed + (wildcard ? ' ' + prefix + '*' : '')];
    var plain = words.join(' ');
    if (plain) attempts.push(plain + (wildcard ? ' ' + words[words.length - 1].toLowerCase() + '*' : ''));
    return { attempts: attempts, prefix: prefix, wildcard: wildcard };
  }

  var lastKey = 0;

  function beforeTiers(n) {
    if (n <= EAGER_TIERS) return null;
    return new Promise(function poll(resolve) {
      var left = lastKey + QUIET_MS - Date.now();
      if (left <= 0) resolve();
      else setTimeout(function () { poll(resolve); }, left);
    });
  }

  function runQuery(text, limit, signal) {
    if (!text.trim()) return Promise.resolve({ results: [], prefix: '' });
    var forms = queryForms(text), attempts = forms.attempts, prefix = forms.prefix;
    return ensureLoader().then(function (loader) {
      var attempt = function (i) {
        if (i >= attempts.length) return { results: [], prefix: prefix };
        return loader.search(attempts[i], { root: searchRoot, limit: limit, signal: signal, beforeTiers: beforeTiers }).then(function (results) {
          return { results: results, prefix: prefix };
        }, function (e) {
          // A QueryParseError: try the escaped form. A file that failed to load fails the search.
          if (e && e.name === 'QueryParseError') return attempt(i + 1);
          throw e;
        });
      };
      return attempt(0);
    });
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
    return Object.keys(result.matchData.metadata);
  }

  function renderItem(result, i, idPrefix, prefix) {
    var doc = result;
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

    var pending = null;

    function update() {
      var text = input.value;
      // The search of what was typed before stops loading: only the latest text's results are shown.
      if (pending) pending.abort();
      pending = typeof AbortController === 'function' ? new AbortController() : null;
      if (!text.trim()) { list.textContent = ''; close(); return; }
      runQuery(text, MAX_RESULTS, pending && pending.signal).then(function (outcome) {
        if (input.value !== text) return;
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
      }, function (e) {
        if (e && e.name === 'AbortError') return;
        list.textContent = '';
        list.appendChild(emptyItem('Search is unavailable: the index could not be loaded.'));
        open();
      });
    }

    input.addEventListener('focus', function () {
      ensureLoader();
      if (input.value.trim() && list.childNodes.length) open();
    });
    input.addEventListener('input', function () {
      lastKey = Date.now();
      clearTimeout(timer);
      timer = setTimeout(update, DEBOUNCE_MS);
      // The term shards of the words typed so far load while the reader types, so the search after the pause needs
      // one round of requests less. Not for a last word too short for a prefix match: its shard is rarely the next's.
      var forms = queryForms(input.value);
      if (forms.wildcard && state.loader) {
        state.loader.then(function (loader) { loader.prefetch(forms.attempts[0], { root: searchRoot }); }, function () {});
      }
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
    runQuery(q, MAX_PAGE_RESULTS).then(function (outcome) {
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
})();
