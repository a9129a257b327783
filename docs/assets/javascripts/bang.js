/* Sortable, filterable tables (attribute data-loc) with a filter box (class "bo-loc", data-bang="<table id>").
 * Sorting: each header becomes a button; cells may carry data-sap (a number) to sort by.
 * Filtering: free text matches the row's data-tim with and without Vietnamese diacritics;
 * selects match the row attribute data-<data-cot> (one value, or several separated by spaces). Works without a server (file://). */
(function () {
  "use strict";
  function fold(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function cellValue(row, index, kind) {
    var cell = row.cells[index];
    if (!cell) return "";
    var key = cell.getAttribute("data-sap");
    if (key !== null && key !== "") return kind === "chu" ? key : parseFloat(key);
    return cell.textContent.trim();
  }
  function sortable(table) {
    var headers = table.tHead ? table.tHead.rows[0].cells : [];
    var collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
    Array.prototype.forEach.call(headers, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var kind = th.getAttribute("data-kieu") || "chu";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
          var order = typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  function filterable(box) {
    var table = document.getElementById(box.getAttribute("data-bang"));
    if (!table) return;
    var text = box.querySelector(".bo-loc__chu");
    var selects = box.querySelectorAll(".bo-loc__chon");
    var count = box.querySelector(".bo-loc__dem");
    function apply() {
      var query = text ? fold(text.value.normalize("NFC").trim()) : "";
      var shown = 0, rows = table.tBodies[0].rows;
      Array.prototype.forEach.call(rows, function (row) {
        var visible = !query || fold(row.getAttribute("data-tim") || row.textContent).indexOf(query) !== -1;
        Array.prototype.forEach.call(selects, function (select) {
          // the row attribute may hold several values separated by spaces (a model's tags)
          var values = (row.getAttribute("data-" + select.getAttribute("data-cot")) || "").split(" ");
          if (select.value && values.indexOf(select.value) === -1) visible = false;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = "Đang hiện " + shown + "/" + rows.length + " dòng.";
    }
    if (text) text.addEventListener("input", apply);
    Array.prototype.forEach.call(selects, function (select) { select.addEventListener("change", apply); });
    apply();
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-loc]"), function (table) {
      if (!table.getAttribute("data-da-gan")) { table.setAttribute("data-da-gan", "1"); sortable(table); }
    });
    Array.prototype.forEach.call(document.querySelectorAll(".bo-loc"), filterable);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
