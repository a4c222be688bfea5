// Filters the tasks or cases of the page as the reader types; no network, works from disk.
// While a query is typed the results come first: the cover, the contents and the other front
// and back matter ([data-front]) step aside, and so do chapters with no hit. An item matches
// on its number, its words, the chapter and section it is in and its places in Chinese and
// English (data-search, written by planc).
(function () {
  "use strict";
  var box = document.getElementById("search");
  var count = document.getElementById("search-count");
  if (!box) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-search]"));
  var front = Array.prototype.slice.call(document.querySelectorAll("[data-front]"));
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
    front.forEach(function (part) { part.hidden = words.length > 0; });
    if (!words.length) {
      count.textContent = "";
    } else if (shown) {
      count.textContent = "显示 " + shown + " / " + items.length;
    } else {
      count.textContent = "没有相符的" + box.getAttribute("data-what") + "（0 / " + items.length + "）";
    }
    if (words.length) { window.scrollTo(0, 0); }
  }
  box.addEventListener("input", apply);
  apply();
}());
