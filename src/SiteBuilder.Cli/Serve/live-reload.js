// Live reload for `sitebuilder serve`. The server injects this script into the HTML it serves;
// it is never part of a published site. It listens to the server's events: `reload` after a
// successful rebuild, `failed` with the diagnostics after a failed one (shown as an overlay).
// After a rebuild the page fetches its new HTML and patches the open document with morphdom (served
// with this script as `morphdom`), keeping scroll position and the browser's work of loading the page's
// styles and scripts again; it reloads in full when the stylesheets or scripts differ, when the server
// says a file other than a page changed, when the page is gone, or when `serve --full-reload` asked.
(function () {
  'use strict';
  var script = document.currentScript;
  var version = Number((script && script.getAttribute('data-version')) || 0);
  var patchAllowed = !script || script.getAttribute('data-patch') !== 'false';
  var OVERLAY = 'sitebuilder-overlay';
  var SELF = '/__sitebuilder/';

  function removeOverlay() {
    var old = document.getElementById(OVERLAY);
    if (old) old.parentNode.removeChild(old);
  }

  function showOverlay(diagnostics) {
    removeOverlay();
    var errors = diagnostics.filter(function (d) { return d.severity === 'error'; });
    var box = document.createElement('div');
    box.id = OVERLAY;
    // role="alert" makes screen readers announce the failure as soon as it appears.
    box.setAttribute('role', 'alert');
    box.setAttribute('style', 'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;' +
      'background:rgba(25,25,25,.95);color:#fff;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace');
    var title = document.createElement('h2');
    title.textContent = 'Build failed: ' + errors.length + ' error' + (errors.length === 1 ? '' : 's');
    title.setAttribute('style', 'margin:0 0 1rem;color:#ff8a80;font-size:1.3rem');
    box.appendChild(title);
    var list = document.createElement('ul');
    list.setAttribute('style', 'list-style:none;margin:0;padding:0');
    errors.forEach(function (d) {
      var item = document.createElement('li');
      item.setAttribute('style', 'margin:0 0 .75rem;white-space:pre-wrap;word-break:break-word');
      var where = document.createElement('strong');
      where.textContent = d.location;
      item.appendChild(where);
      // A rebuild that failed on a bug has no code.
      item.appendChild(document.createTextNode(': ' + d.severity + (d.code ? ' ' + d.code : '') + ': ' + d.message));
      list.appendChild(item);
    });
    box.appendChild(list);
    var hint = document.createElement('p');
    hint.textContent = 'Fix the file and save it: this page reloads by itself. The page below is the last good build.';
    hint.setAttribute('style', 'color:#ccc');
    box.appendChild(hint);
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', removeOverlay);
    box.appendChild(close);
    document.body.appendChild(box);
  }

  // What makes a page look and behave as it does beyond its markup: a difference here needs a full reload.
  function resources(doc) {
    var parts = [];
    doc.querySelectorAll('link[rel~="stylesheet"], style, script').forEach(function (el) {
      var src = el.getAttribute('src') || '';
      if (src.indexOf(SELF) === 0) return;
      parts.push(el.tagName + ' ' + (el.getAttribute('href') || '') + ' ' + src + ' ' + (el.src || el.href ? '' : el.textContent));
    });
    return parts.join('\n');
  }

  var busy = false, again = null;

  // Brings the open page to `target` (the version of a successful rebuild) by patching it, or by a reload.
  function update(target, reloadAll) {
    if (target === version) return;
    if (busy) { again = again === 'all' || reloadAll ? 'all' : target; return; }
    if (reloadAll || !patchAllowed || !window.fetch || !window.DOMParser) { location.reload(); return; }
    busy = true;
    fetch(location.href, { cache: 'no-store', credentials: 'same-origin' }).then(function (response) {
      if (!response.ok || response.redirected || !/text\/html/.test(response.headers.get('content-type') || '')) throw new Error('not the page');
      return response.text();
    }).then(function (html) {
      var next = new DOMParser().parseFromString(html, 'text/html');
      if (resources(next) !== resources(document)) throw new Error('stylesheets or scripts changed');
      var tag = next.querySelector('script[src="' + SELF + 'live-reload.js"]');
      var served = Number((tag && tag.getAttribute('data-version')) || 0);
      // Inserted by morphdom, the new document's scripts are inert: the page's own scripts keep running as they are.
      morphdom(document.documentElement, next.documentElement, {
        // The sidebar of a large site is thousands of elements, nearly always unchanged: compared natively, skipped whole.
        onBeforeElUpdated: function (from, to) { return !from.isEqualNode(to); },
      });
      version = served;
      busy = false;
      var pending = again;
      again = null;
      if (pending === 'all') location.reload();
      else if (pending !== null && pending !== version) update(pending, false);
    }).catch(function () {
      location.reload();
    });
  }

  if (!window.EventSource) return;
  // The page it shows: the server renders the open pages first after an edit that changes many.
  var events = new EventSource('/__sitebuilder/events?page=' + encodeURIComponent(location.pathname));
  events.addEventListener('hello', function (e) {
    var state = JSON.parse(e.data);
    // A rebuild may have finished between serving this page and connecting.
    if (state.ok && state.version !== version) update(state.version, false);
    else if (!state.ok) showOverlay(state.diagnostics);
  });
  events.addEventListener('reload', function (e) {
    var data = JSON.parse(e.data);
    update(data.version, data.reloadAll === true);
  });
  events.addEventListener('failed', function (e) {
    showOverlay(JSON.parse(e.data).diagnostics);
  });
})();
