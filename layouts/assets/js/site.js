// Opened from disk (file://), directory links do not open index.html: point them at it.
(function () {
  if (location.protocol !== 'file:') return;
  document.querySelectorAll('a[href]').forEach(function (a) {
    var href = a.getAttribute('href');
    if (!href || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === '#') return;
    var hash = href.indexOf('#'), path = hash < 0 ? href : href.slice(0, hash), frag = hash < 0 ? '' : href.slice(hash);
    if (path === '' ) return;
    if (path.charAt(path.length - 1) === '/') a.setAttribute('href', path + 'index.html' + frag);
  });
})();
