/* SiteBuilder site search: the header search box and the search page, answered by lunr 2.3.9 through the loader
 * search/sb-search.js, which fetches only the index shards a query needs (docs/search.md). Plain ES2017, no framework.
 * Works over http(s) and from file://: every index file is a script, which browsers run from disk too.
 * Markup contract: see the header form (#search-input, #search-results in its panel, #search-status) and the search
 * page (#search-page-status, #search-page-results). */
(function () {
  'use strict';

  var MAX_RESULTS = 10;
  var MAX_PAGE_RESULTS = 50;
  // The shortest last word that gets a prefix match while typed: `m*` and `mi*` expand to thousands of words, whose
  // postings a reader would download (and lunr score) for a list that the next key replaces.
  var MIN_PREFIX = 3;
  // A search that must read the tails of more than EAGER_TIERS terms (more/ files: a wide prefix such as `sta*` beside
  // other words) waits until no key has been pressed for QUIET_MS, so text the reader is still typing costs nothing.
  var EAGER_TIERS = 4;
  var QUIET_MS = 200;
  var root = document.documentElement.getAttribute('data-root') || './';
  if (root.charAt(root.length - 1) !== '/') root += '/';
  var fromDisk = location.protocol === 'file:';
  var searchRoot = root + 'search/';

  var state = { loader: null };

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

  // A result's title, section and excerpt into `parent` (a link or an option, named by them).
  function appendResult(parent, result, prefix) {
    var terms = matchedTerms(result);
    var title = document.createElement('span');
    title.className = 'search-result-title';
    appendHighlighted(title, result.title, terms, prefix);
    parent.appendChild(title);
    if (result.section) {
      var section = document.createElement('span');
      section.className = 'search-result-section';
      section.textContent = result.section;
      parent.appendChild(section);
    }
    if (result.excerpt) {
      var excerpt = document.createElement('span');
      excerpt.className = 'search-result-excerpt';
      appendHighlighted(excerpt, result.excerpt, terms, prefix);
      parent.appendChild(excerpt);
    }
  }

  // "5 results", "1 result", "No results"; "37 results, first 10 shown" when the list is cut.
  function countText(results, limit) {
    var n = results.length;
    if (!n) return 'No results';
    var total = typeof results.total === 'number' ? results.total : null;
    if (total !== null && total > n) return total + ' results, first ' + n + ' shown';
    if (total === null && n >= limit) return 'At least ' + n + ' results, first ' + n + ' shown';
    return n === 1 ? '1 result' : n + ' results';
  }

  var UNAVAILABLE = 'Search is unavailable: the index could not be loaded.';

  /* ---- the header combobox (WAI-ARIA APG combobox, list autocomplete without automatic selection) ---- */

  function setupBox(input, listbox, panel, message, status) {
    var pending = null;
    var active = -1;
    var shownFor = null; // the text whose results the panel holds

    function options() { return listbox.querySelectorAll('[role="option"]'); }

    function highlight(i) {
      var all = options();
      if (active >= 0 && all[active]) all[active].removeAttribute('aria-selected');
      active = i >= 0 && i < all.length ? i : -1;
      if (active < 0) { input.removeAttribute('aria-activedescendant'); return; }
      all[active].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', all[active].id);
      if (all[active].scrollIntoView) all[active].scrollIntoView({ block: 'nearest' });
    }

    // The panel shows the options or a message; the combobox is expanded only when options show.
    function open() {
      if (shownFor === null || shownFor !== input.value) return false;
      panel.hidden = false;
      input.setAttribute('aria-expanded', options().length ? 'true' : 'false');
      return true;
    }

    function close() {
      highlight(-1);
      panel.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }

    // Busy from a keystroke until its results show (aria-busy: the list is being updated).
    function busy(on) {
      if (on) listbox.setAttribute('aria-busy', 'true');
      else listbox.removeAttribute('aria-busy');
    }

    function clear() {
      busy(false);
      close();
      shownFor = null;
      listbox.textContent = '';
      message.textContent = '';
      status.textContent = '';
    }

    function show(text, results, prefix, failed) {
      busy(false);
      highlight(-1);
      listbox.textContent = '';
      results.forEach(function (r, i) {
        var a = document.createElement('a');
        a.id = 'search-result-' + i;
        a.className = 'search-option';
        a.setAttribute('role', 'option');
        a.href = pageHref(r.url);
        a.tabIndex = -1;
        appendResult(a, r, prefix);
        listbox.appendChild(a);
      });
      message.hidden = results.length > 0;
      message.textContent = failed ? UNAVAILABLE : results.length ? '' : 'No results for “' + text.trim() + '”';
      status.textContent = failed ? UNAVAILABLE : countText(results, MAX_RESULTS);
      shownFor = text;
      // Results that arrive after the reader left the box wait for the next focus.
      if (document.activeElement === input) open();
    }

    function update(then) {
      var text = input.value;
      // The search of what was typed before stops loading: only the latest text's results are shown.
      if (pending) pending.abort();
      pending = typeof AbortController === 'function' ? new AbortController() : null;
      if (!text.trim()) { clear(); return; }
      busy(true);
      runQuery(text, MAX_RESULTS, pending && pending.signal).then(function (outcome) {
        if (input.value !== text) return;
        show(text, outcome.results, outcome.prefix, false);
        if (then) then();
      }, function (e) {
        if (e && e.name === 'AbortError') return;
        if (input.value === text) show(text, [], '', true);
      });
    }

    // Down and Up: the next or previous option, round the ends; from a closed list, open it on the first or last.
    function move(step) {
      var wasOpen = !panel.hidden;
      if (!wasOpen && !open()) {
        if (input.value.trim()) update(function () { move(step); });
        return;
      }
      var n = options().length;
      if (!n) return;
      highlight(!wasOpen || active < 0 ? (step > 0 ? 0 : n - 1) : (active + step + n) % n);
    }

    input.addEventListener('focus', function () {
      ensureLoader();
      open();
    });
    input.addEventListener('click', function () { if (panel.hidden) open(); });
    input.addEventListener('input', function () {
      highlight(-1);
      busy(input.value.trim() !== '');
      lastKey = Date.now();
      // Every key searches at once (no debounce: the list is at most one search behind the last key) and aborts the
      // search of the text before it, which then loads nothing more. Its term shards and tails stay loaded for the next.
      update();
    });
    input.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.metaKey || e.isComposing) return;
      switch (e.key) {
        case 'ArrowDown':
        case 'ArrowUp':
          e.preventDefault();
          if (e.altKey) { if (e.key === 'ArrowDown') open(); else close(); return; }
          move(e.key === 'ArrowDown' ? 1 : -1);
          return;
        case 'Enter': {
          var all = options();
          if (!panel.hidden && all.length) {
            e.preventDefault();
            location.href = all[active >= 0 ? active : 0].href;
          } else if (!input.value.trim()) {
            e.preventDefault();
          } else if (fromDisk) {
            // The form's action is a directory URL on http; from disk it must name the file.
            e.preventDefault();
            location.href = root + 'search/index.html?q=' + encodeURIComponent(input.value);
          }
          return;
        }
        case 'Escape':
          // First press closes the list; the next clears the text.
          if (!panel.hidden) { e.preventDefault(); close(); }
          else if (input.value) { e.preventDefault(); input.value = ''; clear(); }
          return;
        case 'ArrowLeft':
        case 'ArrowRight':
        case 'Home':
        case 'End':
          // The editing cursor moves in the text: the highlight goes back to the box.
          highlight(-1);
          return;
      }
    });
    input.addEventListener('blur', close);
    // A press on the panel keeps the focus in the box (an option's click still follows its link).
    panel.addEventListener('mousedown', function (e) { e.preventDefault(); });
    document.addEventListener('pointerdown', function (e) {
      if (!panel.hidden && e.target !== input && !panel.contains(e.target)) close();
    });
  }

  /* ---- the search page (?q=) ---- */

  function setupPage(pageList, status, input) {
    var q = new URLSearchParams(location.search).get('q') || '';
    if (input) input.value = q;
    if (!q.trim()) return;
    runQuery(q, MAX_PAGE_RESULTS).then(function (outcome) {
      pageList.textContent = '';
      outcome.results.forEach(function (r, i) {
        var li = document.createElement('li');
        li.id = 'search-page-result-' + i;
        li.className = 'search-result';
        var a = document.createElement('a');
        a.href = pageHref(r.url);
        appendResult(a, r, outcome.prefix);
        li.appendChild(a);
        pageList.appendChild(li);
      });
      if (status) status.textContent = countText(outcome.results, MAX_PAGE_RESULTS) + ' for “' + q.trim() + '”';
    }, function () {
      pageList.textContent = '';
      if (status) status.textContent = UNAVAILABLE;
    });
  }

  function isTypingTarget(el) {
    if (!el) return false;
    var tag = el.tagName;
    return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
  }

  function init() {
    var input = document.getElementById('search-input');
    var listbox = document.getElementById('search-results');
    var panel = listbox && listbox.parentElement;
    var message = panel && panel.querySelector('.search-message');
    var status = document.getElementById('search-status');
    if (input && listbox && message && status) setupBox(input, listbox, panel, message, status);
    var pageList = document.getElementById('search-page-results');
    if (pageList) setupPage(pageList, document.getElementById('search-page-status'), input);
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
