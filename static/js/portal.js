// The portal's own behaviour, loaded on every page. No inline scripts anywhere (CSP).
(function () {
  "use strict";
  // Forms marked data-konfirmasi ask before a consequential action.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var pesan = form.getAttribute("data-konfirmasi");
    if (pesan && !window.confirm(pesan)) {
      event.preventDefault();
      return;
    }
    // A double click must not submit twice: disable the buttons once the form goes.
    if (!event.defaultPrevented) {
      if (form.dataset.terkirim === "1") {
        event.preventDefault();
        return;
      }
      form.dataset.terkirim = "1";
      form.querySelectorAll("button[type=submit]").forEach(function (b) {
        window.setTimeout(function () { b.disabled = true; }, 0);
      });
    }
  });
})();
