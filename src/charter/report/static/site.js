/* Charter spec site: optional enhancements. The page is complete without this script. */
(function () {
  "use strict";

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    var node = target;
    while (node) {
      if (node.tagName === "DETAILS") node.open = true;
      node = node.parentElement;
    }
    if (target && target.closest && target.closest("details")) target.scrollIntoView();
  }

  function setUpFilter() {
    var tools = document.getElementById("charter--filter");
    var text = document.getElementById("charter--filter-text");
    var authority = document.getElementById("charter--filter-authority");
    var status = document.getElementById("charter--filter-status");
    var empty = document.getElementById("charter--no-results");
    if (!tools || !text || !authority) return;
    var sections = Array.prototype.slice.call(document.querySelectorAll("section.spec-section"));
    var haystacks = sections.map(function (s) {
      return (s.id + " " + (s.getAttribute("data-tags") || "") + " " + s.textContent).toLowerCase();
    });
    var tocItems = {};
    Array.prototype.forEach.call(document.querySelectorAll("[data-toc]"), function (li) {
      tocItems[li.getAttribute("data-toc")] = li;
    });
    tools.hidden = false;

    function apply() {
      var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
      var level = authority.value;
      var active = words.length > 0 || level !== "";
      var shown = 0;
      var visible = {};
      sections.forEach(function (section, i) {
        var okLevel = !level || section.getAttribute("data-authority") === level;
        var okText = words.every(function (w) { return haystacks[i].indexOf(w) !== -1; });
        var show = okLevel && okText;
        section.hidden = !show;
        if (show) { shown += 1; visible[section.id] = true; }
      });
      Object.keys(tocItems).forEach(function (id) {
        var li = tocItems[id];
        var keep = !active || visible[id] || li.querySelector("[data-toc]") !== null &&
          Array.prototype.some.call(li.querySelectorAll("[data-toc]"), function (child) {
            return visible[child.getAttribute("data-toc")];
          });
        li.hidden = !keep;
      });
      if (empty) empty.hidden = shown !== 0;
      if (status) status.textContent = active ? shown + " of " + sections.length + " sections shown" : "";
    }

    text.addEventListener("input", apply);
    authority.addEventListener("change", apply);
  }

  setUpFilter();
  openTarget();
  window.addEventListener("hashchange", openTarget);
})();
