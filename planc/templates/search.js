// Filters the tasks or cases of the page as the reader types; no network, works from disk.
(function () {
  "use strict";
  var box = document.getElementById("search");
  var count = document.getElementById("search-count");
  if (!box) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
  function apply() {
    var words = box.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = item.getAttribute("data-search").toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
      item.hidden = !hit;
      if (hit) { shown += 1; }
    });
    document.querySelectorAll("[data-group]").forEach(function (group) {
      group.hidden = words.length > 0 && !group.querySelector("[data-search]:not([hidden])");
    });
    count.textContent = words.length ? ("显示 " + shown + " / " + items.length) : "";
  }
  box.addEventListener("input", apply);
  apply();
}());
