// Live reload for `sitebuilder serve`. The server injects this script into the HTML it serves;
// it is never part of a published site. It listens to the server's events: `reload` after a
// successful rebuild, `failed` with the diagnostics after a failed one (shown as an overlay).
(function () {
  'use strict';
  var script = document.currentScript;
  var version = Number((script && script.getAttribute('data-version')) || 0);
  var OVERLAY = 'sitebuilder-overlay';

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

  if (!window.EventSource) return;
  var events = new EventSource('/__sitebuilder/events');
  events.addEventListener('hello', function (e) {
    var state = JSON.parse(e.data);
    // A rebuild may have finished between serving this page and connecting.
    if (state.ok && state.version !== version) location.reload();
    else if (!state.ok) showOverlay(state.diagnostics);
  });
  events.addEventListener('reload', function (e) {
    if (JSON.parse(e.data).version !== version) location.reload();
  });
  events.addEventListener('failed', function (e) {
    showOverlay(JSON.parse(e.data).diagnostics);
  });
})();
