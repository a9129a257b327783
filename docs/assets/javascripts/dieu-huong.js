/* Mark the header tab of the section a page belongs to. Only the sections' first
 * pages are in the navigation, so the theme highlights no tab on, say, a year's
 * progress page; the section is the folder the page sits in. */
(function () {
  "use strict";
  function mark() {
    var best = null, bestLength = -1;
    var here = window.location.pathname;
    Array.prototype.forEach.call(document.querySelectorAll(".md-tabs__item"), function (item) {
      var link = item.querySelector("a.md-tabs__link");
      if (!link) return;
      var folder = new URL(link.getAttribute("href"), window.location.href).pathname.replace(/[^/]*$/, "");
      if (here.indexOf(folder) === 0 && folder.length > bestLength) { best = item; bestLength = folder.length; }
    });
    if (best && !document.querySelector(".md-tabs__item--active")) best.classList.add("md-tabs__item--active");
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { mark(); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
})();
