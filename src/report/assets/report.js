(function () {
  "use strict";
  var body = document.body;
  function press(group, button) {
    document.querySelectorAll("[data-" + group + "]").forEach(function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
  }
  document.querySelectorAll("[data-view]").forEach(function (b) {
    b.addEventListener("click", function () {
      body.classList.toggle("view-inline", b.dataset.view === "inline");
      press("view", b);
    });
  });
  document.querySelectorAll("[data-filter-button]").forEach(function (b) {
    b.addEventListener("click", function () {
      var f = b.dataset.filterButton;
      body.dataset.filter = f;
      press("filter-button", b);
      if (f === "moved" || f === "renumbered") {
        document.querySelectorAll("details.run.has-" + f).forEach(function (d) { d.open = true; });
      }
    });
  });
  function visible(el) { return el.offsetParent !== null; }
  function step(direction) {
    var changes = Array.prototype.filter.call(document.querySelectorAll(".entry.differs"), visible);
    if (!changes.length) return;
    var current = changes.indexOf(document.activeElement);
    var next = current < 0 ? (direction > 0 ? 0 : changes.length - 1)
                            : Math.min(Math.max(current + direction, 0), changes.length - 1);
    changes[next].focus();
    changes[next].scrollIntoView({ block: "start" });
  }
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "j" || e.key === "n") step(1);
    if (e.key === "k" || e.key === "p") step(-1);
  });
  // A link to a paragraph inside a collapsed run opens the run.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var el = target; el; el = el.parentElement) if (el.tagName === "DETAILS") el.open = true;
    target.scrollIntoView({ block: "start" });
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();
