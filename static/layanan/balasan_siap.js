// Canned replies: choosing one fills the reply box (staff adapt it before sending).
(function () {
  "use strict";
  document.querySelectorAll("select[data-sasaran]").forEach(function (pilih) {
    pilih.addEventListener("change", function () {
      var sasaran = document.getElementById(pilih.getAttribute("data-sasaran"));
      if (sasaran && pilih.value) {
        sasaran.value = pilih.value;
        sasaran.focus();
      }
    });
  });
})();
