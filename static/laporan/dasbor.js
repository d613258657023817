// Draws the dashboard's charts from the JSON the page carries (json_script); no inline script (CSP).
// Every chart has the same figures in the table under it, for screen readers and for copying.
(function () {
  "use strict";
  var sumber = document.getElementById("dasbor-grafik");
  if (!sumber || typeof window.Chart === "undefined") {
    return;
  }
  var spesifikasi = JSON.parse(sumber.textContent);
  var WARNA = ["#0d6efd", "#198754", "#ffc107", "#dc3545", "#6f42c1", "#20c997", "#fd7e14", "#6c757d", "#0dcaf0"];

  function dataset(seri, i, spek) {
    var warna = (spek.warna && spek.warna[i]) || WARNA[i % WARNA.length];
    var d = { label: seri.label, data: seri.data };
    if (spek.jenis === "doughnut") {
      d.backgroundColor = spek.warna || WARNA.slice(0, seri.data.length);
    } else if (spek.jenis === "line") {
      d.borderColor = warna;
      d.backgroundColor = warna;
      d.spanGaps = true;
      d.tension = 0.2;
    } else {
      d.backgroundColor = warna;
    }
    return d;
  }

  function opsi(spek) {
    var o = { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } } };
    if (spek.jenis === "doughnut") {
      return o;
    }
    var sumbuNilai = { beginAtZero: true, stacked: !!spek.tumpuk, ticks: { precision: 0 } };
    if (spek.maks) {
      sumbuNilai.max = spek.maks;
    }
    if (spek.satuan) {
      sumbuNilai.title = { display: true, text: spek.satuan };
    }
    var sumbuLabel = { stacked: !!spek.tumpuk };
    if (spek.horizontal) {
      o.indexAxis = "y";
      o.scales = { x: sumbuNilai, y: sumbuLabel };
    } else {
      o.scales = { x: sumbuLabel, y: sumbuNilai };
    }
    return o;
  }

  document.querySelectorAll("canvas[data-grafik]").forEach(function (kanvas) {
    var spek = spesifikasi[kanvas.dataset.grafik];
    if (!spek) {
      return;
    }
    new window.Chart(kanvas, {
      type: spek.jenis,
      data: { labels: spek.label, datasets: spek.seri.map(function (s, i) { return dataset(s, i, spek); }) },
      options: opsi(spek),
    });
    kanvas.dataset.tergambar = "1";
  });
})();
