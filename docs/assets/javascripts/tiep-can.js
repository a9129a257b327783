/* Accessibility fixes for the theme, checked by axe-core in the tests:
 * - the search dialog gets a name;
 * - a table that scrolls sideways (on a phone) can be scrolled with the keyboard,
 *   and is announced as a region named after its caption.
 * Runs on every page view (Material's instant loading re-renders the page). */
(function () {
  "use strict";
  function fix() {
    Array.prototype.forEach.call(document.querySelectorAll('.md-search[role="dialog"]'), function (dialog) {
      if (!dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Tìm kiếm");
    });
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      if (wrap.hasAttribute("tabindex")) return;
      var caption = wrap.querySelector("caption");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Bảng số liệu");
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { fix(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fix);
  } else {
    fix();
  }
  window.addEventListener("load", fix);
})();
