// Passerelle's only script; every page works without it.
// On wide screens CSS already shows the menu, the filters and the facets, which phones fold into
// <details>. This opens those disclosures there too, so that their state is what the reader sees
// (a screen reader says "expanded", and nothing is hidden from tools), and folds the menu again
// when the screen becomes narrow.
(function () {
  "use strict";
  // Only where CSS shows the folded content on wide screens too (::details-content); elsewhere
  // the disclosures stay as they are, a menu button and folded filters.
  if (!window.CSS || !CSS.supports || !CSS.supports("selector(::details-content)")) { return; }
  var wide = window.matchMedia("(min-width: 48rem)");
  var folds = document.querySelectorAll("details.menu, details.wide-open");
  var initially = [];
  folds.forEach(function (d) { initially.push(d.open); });
  function sync() {
    folds.forEach(function (d, i) {
      d.open = wide.matches || (initially[i] && !d.classList.contains("menu"));
    });
  }
  sync();
  if (wide.addEventListener) { wide.addEventListener("change", sync); }
}());
