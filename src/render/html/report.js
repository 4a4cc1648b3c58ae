// Sorting the documents table and showing a highlight's details on click. The report works
// without it: the table is in input order and each highlight has a hover title.
(function () {
  "use strict";

  function sortKey(row, col, numeric) {
    const cell = row.cells[col];
    return numeric ? parseFloat(cell.dataset.v) : cell.textContent.toLowerCase();
  }

  document.querySelectorAll("table.sortable th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      const body = th.closest("table").tBodies[0];
      const rows = Array.from(body.rows);
      const numeric = th.dataset.type === "number";
      const ascending = th.dataset.dir !== "asc";
      th.closest("tr").querySelectorAll("th").forEach(function (other) {
        delete other.dataset.dir;
      });
      th.dataset.dir = ascending ? "asc" : "desc";
      rows.sort(function (a, b) {
        const x = sortKey(a, col, numeric);
        const y = sortKey(b, col, numeric);
        return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  const tip = document.getElementById("tip");
  function show(mark) {
    document.querySelectorAll(".findings li.active").forEach(function (li) {
      li.classList.remove("active");
    });
    tip.replaceChildren();
    mark.dataset.f.split(" ").forEach(function (id) {
      const item = document.getElementById(id);
      if (!item) return;
      item.classList.add("active");
      const box = document.createElement("div");
      box.append(...Array.from(item.childNodes).map(function (n) { return n.cloneNode(true); }));
      tip.appendChild(box);
    });
    const r = mark.getBoundingClientRect();
    tip.style.left = Math.max(8, r.left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
    tip.hidden = false;
  }

  document.addEventListener("click", function (event) {
    const mark = event.target.closest("mark.f");
    if (mark) {
      show(mark);
    } else if (!tip.contains(event.target)) {
      tip.hidden = true;
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches("mark.f")) show(event.target);
    if (event.key === "Escape") tip.hidden = true;
  });

  document.body.dataset.ready = "1";
})();
