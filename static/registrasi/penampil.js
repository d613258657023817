// The verifikator's inline viewer: shows a document (PDF or image) from the permission-checked
// download view next to the decision forms. No inline scripts (CSP).
(function () {
  "use strict";
  var wadah = document.getElementById("penampil");
  var judul = document.getElementById("penampil-judul");
  if (!wadah) { return; }
  document.addEventListener("click", function (event) {
    var tombol = event.target.closest("[data-penampil]");
    if (!tombol) { return; }
    var url = tombol.getAttribute("data-penampil");
    var el;
    if (tombol.getAttribute("data-tipe") === "pdf") {
      el = document.createElement("iframe");
      el.title = tombol.getAttribute("data-judul");
    } else {
      el = document.createElement("img");
      el.alt = tombol.getAttribute("data-judul");
    }
    el.src = url;
    wadah.replaceChildren(el);
    judul.textContent = tombol.getAttribute("data-judul");
  });
})();
