// lzzr dashboard: sorting and filtering of the tables rendered by lzzr. No network, no libraries.
"use strict";
(function () {
  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && String(x) === a && String(y) === b) { return x - y; }
    return a.localeCompare(b, "zh-CN", { numeric: true });
  }

  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var order = compare(cellText(r1, index), cellText(r2, index));
      return ascending ? order : -order;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function applyFilters(tableId) {
    var table = document.getElementById(tableId);
    if (!table) { return; }
    var input = document.querySelector('input.filter[data-table="' + tableId + '"]');
    var select = document.querySelector('select.state-filter[data-table="' + tableId + '"]');
    var words = input ? input.value.trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
    var state = select ? select.value : "";
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var text = row.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!state || row.getAttribute("data-state") === state);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var counter = document.querySelector('.shown[data-table="' + tableId + '"]');
    if (counter) { counter.textContent = "显示 " + shown + " / " + table.tBodies[0].rows.length; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        th.setAttribute("tabindex", "0");
        th.addEventListener("click", function () { sortBy(table, index, th); });
        th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sortBy(table, index, th); } });
      });
    });
    Array.prototype.forEach.call(document.querySelectorAll("input.filter, select.state-filter"), function (el) {
      var id = el.getAttribute("data-table");
      el.addEventListener("input", function () { applyFilters(id); });
      el.addEventListener("change", function () { applyFilters(id); });
      applyFilters(id);
    });
    document.body.setAttribute("data-ready", "1");
  });
}());
