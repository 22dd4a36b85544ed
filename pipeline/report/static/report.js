// plan-miner evidence report: filters on the run page, the row panel on a document page.
// Plain script, no library; the pages read fine without it.
(function () {
  "use strict";

  function runFilters() {
    var form = document.getElementById("filters");
    if (!form) return;
    var selects = form.querySelectorAll("select[data-filter]");
    function apply() {
      var wanted = {};
      selects.forEach(function (s) { if (s.value) wanted[s.dataset.filter] = s.value; });
      function matches(el) {
        return Object.keys(wanted).every(function (k) { return el.dataset[k] === wanted[k]; });
      }
      var shown = 0, total = 0;
      document.querySelectorAll("tr.doc-row").forEach(function (row) {
        var ok = matches(row);
        row.classList.toggle("hidden-by-filter", !ok);
        if (row.closest("#documents")) { total += 1; if (ok) shown += 1; }
      });
      document.querySelectorAll("svg.cascade .node.doc").forEach(function (node) {
        node.classList.toggle("dim", !matches(node));
      });
      document.getElementById("shown").textContent =
        Object.keys(wanted).length ? "Đang hiện " + shown + "/" + total + " văn bản" : "";
    }
    // index.html?level=commune&year=2025 opens with those filters set (a link to a view).
    var query = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var wanted = query.get(s.dataset.filter);
      if (wanted !== null && Array.prototype.some.call(s.options, function (o) { return o.value === wanted; })) {
        s.value = wanted;
      }
      s.addEventListener("change", apply);
    });
    apply();
  }

  function rowPanel() {
    var data = document.getElementById("row-data");
    if (!data) return;
    var rows = JSON.parse(data.textContent);
    var title = document.getElementById("panel-title");
    var body = document.getElementById("panel-body");
    var pinned = null;

    function show(id) {
      var row = rows[id];
      if (!row) return;
      title.textContent = row.table + " — " + id;
      var table = document.createElement("table");
      row.fields.forEach(function (f) {
        var tr = table.insertRow();
        var th = document.createElement("th");
        th.textContent = f[0];
        tr.appendChild(th);
        tr.insertCell().textContent = f[1];
      });
      body.replaceChildren(table);
      var page = document.getElementById("page-" + row.page);
      document.querySelectorAll(".page-img.current").forEach(function (p) { p.classList.remove("current"); });
      if (page) page.classList.add("current");
      return page;
    }

    function select(id, scroll) {
      document.querySelectorAll("mark.hl.selected").forEach(function (m) { m.classList.remove("selected"); });
      var marks = document.querySelectorAll('mark.hl[data-row="' + CSS.escape(id) + '"]');
      marks.forEach(function (m) { m.classList.add("selected"); });
      pinned = id;
      var page = show(id);
      if (scroll && marks.length) marks[0].scrollIntoView({ block: "center" });
      if (page) page.scrollIntoView({ block: "nearest" });
    }

    var text = document.getElementById("text");
    text.addEventListener("mouseover", function (e) {
      var mark = e.target.closest("mark.hl");
      if (mark) show(mark.dataset.row);
    });
    text.addEventListener("mouseleave", function () { if (pinned) show(pinned); });
    text.addEventListener("click", function (e) {
      var mark = e.target.closest("mark.hl");
      if (mark) select(mark.dataset.row, false);
    });
    document.querySelectorAll("#legend input[data-table]").forEach(function (box) {
      box.addEventListener("change", function () {
        document.body.classList.toggle("hide-" + box.dataset.table, !box.checked);
      });
    });
    function fromHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      if (id.indexOf("r-") === 0 && rows[id.slice(2)]) select(id.slice(2), true);
    }
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  function ready() {
    runFilters();
    rowPanel();
    // How long the page took from its request to usable (the browser test reads it).
    var nav = performance.getEntriesByType("navigation")[0];
    document.documentElement.dataset.readyMs = Math.round(performance.now() - (nav ? nav.fetchStart : 0));
    if (nav) document.documentElement.dataset.timing = [nav.fetchStart, nav.responseEnd, nav.domInteractive].map(Math.round).join(",");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
