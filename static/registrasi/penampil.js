// The verifikator's inline viewer, next to the decision forms. Images load into an <img>;
// PDFs are drawn page by page on canvases by pdf.js (from npm), so no document is ever framed
// (X-Frame-Options DENY) and nothing inside a PDF can run. No inline scripts (CSP).
(function () {
  "use strict";
  var wadah = document.getElementById("penampil");
  var judul = document.getElementById("penampil-judul");
  if (!wadah) { return; }
  var pdfjs = null;

  function muatPdfjs() {
    if (!pdfjs) {
      pdfjs = import(wadah.getAttribute("data-pdfjs")).then(function (lib) {
        lib.GlobalWorkerOptions.workerSrc = wadah.getAttribute("data-pdfjs-worker");
        return lib;
      });
    }
    return pdfjs;
  }

  function pesan(teks) {
    var p = document.createElement("p");
    p.className = "p-3 text-muted small";
    p.textContent = teks;
    wadah.replaceChildren(p);
  }

  function tampilkanPdf(url) {
    pesan("Memuat dokumen…");
    muatPdfjs().then(function (lib) {
      return lib.getDocument({ url: url, isEvalSupported: false, withCredentials: true }).promise;
    }).then(function (dok) {
      wadah.replaceChildren();
      var rantai = Promise.resolve();
      for (var i = 1; i <= dok.numPages; i++) {
        rantai = rantai.then(gambarHalaman.bind(null, dok, i));
      }
      return rantai;
    }).catch(function () {
      pesan("Dokumen tidak dapat ditampilkan di sini; gunakan tautan Unduh.");
    });
  }

  function gambarHalaman(dok, nomor) {
    return dok.getPage(nomor).then(function (halaman) {
      var skala = (wadah.clientWidth || 600) / halaman.getViewport({ scale: 1 }).width;
      var tampilan = halaman.getViewport({ scale: skala * (window.devicePixelRatio || 1) });
      var kanvas = document.createElement("canvas");
      kanvas.width = tampilan.width;
      kanvas.height = tampilan.height;
      kanvas.setAttribute("aria-label", "Halaman " + nomor);
      wadah.appendChild(kanvas);
      return halaman.render({ canvas: kanvas, viewport: tampilan }).promise;
    });
  }

  document.addEventListener("click", function (event) {
    var tombol = event.target.closest("[data-penampil]");
    if (!tombol) { return; }
    var url = tombol.getAttribute("data-penampil");
    judul.textContent = tombol.getAttribute("data-judul");
    if (tombol.getAttribute("data-tipe") === "pdf") {
      tampilkanPdf(url);
    } else {
      var img = document.createElement("img");
      img.alt = tombol.getAttribute("data-judul");
      img.src = url;
      wadah.replaceChildren(img);
    }
  });
})();
