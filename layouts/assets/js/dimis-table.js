// Entry tables (table[data-entry-table]): adds a text filter, one select per column and sort buttons
// in the headers (aria-sort). Without JavaScript the server-rendered table is complete as it is.
(function () {
  'use strict';

  function cellValues(cell) {
    var raw = cell.getAttribute('data-values');
    return raw === null ? [cell.textContent.trim()] : raw.split('|').filter(function (v) { return v !== ''; });
  }

  function enhance(table, tableIndex) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var idBase = 'entry-filter-' + tableIndex;

    var form = document.createElement('form');
    form.className = 'table-filters';
    form.setAttribute('role', 'search');
    form.setAttribute('aria-label', 'Filter the entries');
    form.addEventListener('submit', function (e) { e.preventDefault(); });

    var textWrap = document.createElement('div');
    var textLabel = document.createElement('label');
    textLabel.htmlFor = idBase + '-text';
    textLabel.textContent = 'Contains';
    var text = document.createElement('input');
    text.type = 'search';
    text.id = idBase + '-text';
    text.setAttribute('data-filter', 'text');
    text.autocomplete = 'off';
    textWrap.appendChild(textLabel);
    textWrap.appendChild(text);
    form.appendChild(textWrap);

    var selects = [];
    headers.forEach(function (th, col) {
      if (col === 0) return; // the title column is searched by the text box
      var values = {};
      rows.forEach(function (row) { cellValues(row.cells[col]).forEach(function (v) { values[v] = true; }); });
      var options = Object.keys(values).sort(function (a, b) {
        return th.hasAttribute('data-numeric') ? Number(a) - Number(b) : a.localeCompare(b);
      });
      var wrap = document.createElement('div');
      var label = document.createElement('label');
      label.htmlFor = idBase + '-' + col;
      label.textContent = th.textContent.trim();
      var select = document.createElement('select');
      select.id = idBase + '-' + col;
      select.setAttribute('data-filter', th.getAttribute('data-column') || String(col));
      select.setAttribute('data-col', String(col));
      var all = document.createElement('option');
      all.value = '';
      all.textContent = 'All';
      select.appendChild(all);
      options.forEach(function (v) {
        var o = document.createElement('option');
        o.value = v;
        o.textContent = v;
        select.appendChild(o);
      });
      wrap.appendChild(label);
      wrap.appendChild(select);
      form.appendChild(wrap);
      selects.push(select);
    });

    var clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear filters';
    form.appendChild(clear);

    var status = document.createElement('p');
    status.className = 'table-status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    var anchor = table.parentNode.classList.contains('entry-table-scroll') ? table.parentNode : table;
    anchor.parentNode.insertBefore(form, anchor);
    anchor.parentNode.insertBefore(status, anchor);

    function apply() {
      var query = text.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = query === '' || row.textContent.toLowerCase().indexOf(query) >= 0;
        for (var i = 0; ok && i < selects.length; i++) {
          var want = selects[i].value;
          if (want !== '') ok = cellValues(row.cells[Number(selects[i].getAttribute('data-col'))]).indexOf(want) >= 0;
        }
        row.hidden = !ok;
        if (ok) shown++;
      });
      status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' entries.';
    }

    text.addEventListener('input', apply);
    selects.forEach(function (s) { s.addEventListener('change', apply); });
    clear.addEventListener('click', function () {
      text.value = '';
      selects.forEach(function (s) { s.value = ''; });
      apply();
    });

    headers.forEach(function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute('aria-sort', 'none');
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.hasAttribute('data-numeric');
        var sorted = rows.slice().sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          var c = numeric ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y);
          if (c === 0) c = a.cells[0].textContent.trim().localeCompare(b.cells[0].textContent.trim());
          return ascending ? c : -c;
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      });
    });

    apply();
  }

  Array.prototype.forEach.call(document.querySelectorAll('table[data-entry-table]'), enhance);
})();
