/* Search in Vietnamese: turn what is typed into Unicode NFC before the search reads it, so text typed
 * with combining marks (decomposed, as some keyboards produce) finds the same pages. The index itself
 * also holds every page's words without diacritics, so "ke hoach" finds "kế hoạch". */
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input || !input.classList || !input.classList.contains("md-search__input")) return;
    var value = input.value.normalize("NFC");
    if (value !== input.value) input.value = value;
  }, true);
})();
