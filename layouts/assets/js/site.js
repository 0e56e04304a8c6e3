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

// Folds (<details class="fold">: the menu, the page tree, the table of contents) are disclosure buttons below 48rem
// and always shown from there, with their summary hidden. CSS alone shows them (site.css), but a closed <details>
// still reads as closed to assistive technology and checkers: open them where they show, close them where they fold.
(function () {
  var wide = window.matchMedia('(min-width: 48rem)');
  function sync() {
    document.querySelectorAll('details.fold').forEach(function (d) { d.open = wide.matches; });
  }
  sync();
  wide.addEventListener('change', sync);
})();
