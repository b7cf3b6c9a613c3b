/*
 * Accessibility fix on top of Material (axe-core rule scrollable-region-focusable).
 *
 * Material wraps every Markdown table in a .md-typeset__scrollwrap box that scrolls sideways
 * when the table is wider than the page (registers and retention schedules on a phone). A box
 * that scrolls must be reachable by keyboard, so while it overflows it becomes a named,
 * focusable region; when it fits again it leaves the tab order.
 */
(function () {
  "use strict";

  function label(wrap) {
    var caption = wrap.querySelector("caption");
    var heading = null;
    for (var el = wrap.previousElementSibling; el && !heading; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) heading = el;
    }
    var source = caption || heading;
    var name = source ? source.textContent.replace(/[\s\u00b6]+/g, " ").trim() : "";
    return name ? "Table: " + name + " (scrolls sideways)" : "Table (scrolls sideways)";
  }

  function update(wrap) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label(wrap));
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }

  var observer = "ResizeObserver" in window
    ? new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { update(entry.target); });
      })
    : null;

  function setup() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      update(wrap);
      if (observer) observer.observe(wrap);
    });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
})();
