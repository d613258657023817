"""Report pages for the LPSE's leadership and e-reporting for officials."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from laporan import services
from laporan.models import ReportRun
from laporan.tests.conftest import pada
from laporan.tests.pabrik import laporan_selesai
from lpse_portal.models import AksesDataPribadi


def _hitung_query(client, url) -> int:
    client.get(url)  # warm-up: the first request of a staff session writes it once
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q)


def _runs(oleh, n, mulai_tahun):
    for i in range(n):
        services.minta_laporan(jenis="bulanan", periode=f"{mulai_tahun + i // 12}-{i % 12 + 1:02d}", oleh=oleh)


def test_it_lists_runs_in_a_fixed_number_of_queries(kepala_lpse, masuk):
    client = masuk(kepala_lpse)
    url = reverse("laporan:laporan_list")
    _runs(kepala_lpse, 5, 2020)
    sedikit = _hitung_query(client, url)
    _runs(kepala_lpse, 45, 2021)
    assert ReportRun.objects.count() == 50
    assert _hitung_query(client, url) == sedikit


def test_it_queues_a_run_from_the_run_now_button(kepala_lpse, masuk):
    respons = masuk(kepala_lpse).post(
        reverse("laporan:laporan_jalankan"), {"jenis": "bulanan", "periode": "2026-09", "kunci": "abc"}
    )
    run = ReportRun.objects.get()
    assert respons.status_code == 302 and respons["Location"] == reverse("laporan:laporan_detail", args=[run.pk])
    assert run.oleh == kepala_lpse and run.pemicu == "pengguna"


def test_it_answers_two_clicks_of_run_now_with_one_run(kepala_lpse, masuk):
    client = masuk(kepala_lpse)
    for _ in range(2):
        client.post(reverse("laporan:laporan_jalankan"), {"jenis": "bulanan", "periode": "2026-09", "kunci": "x1"})
    assert ReportRun.objects.count() == 1
    halaman = client.get(reverse("laporan:laporan_detail", args=[ReportRun.objects.get().pk]), follow=True)
    assert "sudah diminta" in halaman.content.decode()


def test_it_shows_a_clear_message_for_a_period_that_has_not_ended(kepala_lpse, masuk):
    with pada(2026, 11, 26, 10):
        respons = masuk(kepala_lpse).post(
            reverse("laporan:laporan_jalankan"), {"jenis": "bulanan", "periode": "2026-11"}, follow=True
        )
    assert "belum berakhir" in respons.content.decode()
    assert not ReportRun.objects.exists()


def test_it_shows_a_clear_message_for_a_bad_period(kepala_lpse, masuk):
    respons = masuk(kepala_lpse).post(
        reverse("laporan:laporan_jalankan"), {"jenis": "triwulanan", "periode": "2026-13"}, follow=True
    )
    assert respons.status_code == 200
    assert "tidak dikenali" in respons.content.decode()
    assert not ReportRun.objects.exists()


def test_it_serves_a_file_as_a_recorded_private_attachment(kepala_lpse, pembina, masuk):
    run = laporan_selesai(kepala_lpse, "2026-09")
    xlsx = run.berkas.get(format="xlsx")
    respons = masuk(pembina).get(reverse("laporan:berkas_unduh", args=[xlsx.pk]))
    assert respons.status_code == 200
    assert b"".join(respons.streaming_content)[:2] == b"PK"
    assert respons["Content-Disposition"].startswith("attachment")
    assert respons["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in respons["Cache-Control"]
    assert respons["Content-Type"].startswith("application/vnd.openxmlformats")
    akses = AksesDataPribadi.objects.get(pengguna=pembina)
    assert akses.jenis == "unduh" and akses.objek == "laporan-bulanan-2026-09.xlsx"


def test_it_shows_the_error_of_a_failed_run_and_offers_a_retry(kepala_lpse, masuk, monkeypatch):
    from laporan import berkas

    monkeypatch.setattr(berkas, "tulis_pdf", lambda *a, **k: (_ for _ in ()).throw(OSError("disk penuh")))
    run, _ = services.minta_laporan(jenis="bulanan", periode="2026-09", oleh=kepala_lpse)
    services.jalankan_laporan(run_id=run.pk)
    isi = masuk(kepala_lpse).get(reverse("laporan:laporan_detail", args=[run.pk])).content.decode()
    assert "disk penuh" in isi and "Coba lagi" in isi


def _tiket_oleh(user, judul):
    from layanan import services as layanan
    from layanan.tests.conftest import data_tiket

    return layanan.buat_tiket(data=data_tiket(judul=judul), oleh=user)


def test_it_shows_an_official_only_their_own_requests_and_tickets(ppk_a, ppk_b, masuk, permintaan_penonaktifan):
    tahun = datetime.date.today().year
    permintaan_penonaktifan(ppk_a, nama="CV Milik PPK A")
    permintaan_penonaktifan(ppk_b, nama="CV Milik PPK B")
    _tiket_oleh(ppk_a, "Tiket PPK A")
    _tiket_oleh(ppk_a, "Tiket PPK A kedua")
    _tiket_oleh(ppk_b, "Tiket PPK B")
    url = reverse("laporan:ereporting_detail") + f"?tahun={tahun}"
    isi_a = masuk(ppk_a).get(url).content.decode()
    isi_b = masuk(ppk_b).get(url).content.decode()
    assert "CV Milik PPK A" in isi_a and "CV Milik PPK B" not in isi_a
    assert "CV Milik PPK B" in isi_b and "CV Milik PPK A" not in isi_b
    tabel_a = masuk(ppk_a).get(url).context["tabel_list"]
    tiket_a = next(t for t in tabel_a if t.kode == "tiket_anda")
    assert tiket_a.baris[0][-1] == 2
    tiket_b = next(t for t in masuk(ppk_b).get(url).context["tabel_list"] if t.kode == "tiket_anda")
    assert tiket_b.baris[0][-1] == 1


def test_it_downloads_an_officials_figures_as_csv(ppk_a, ppk_b, masuk, permintaan_penonaktifan):
    permintaan_penonaktifan(ppk_a, nama="CV Milik PPK A")
    permintaan_penonaktifan(ppk_b, nama="CV Milik PPK B")
    respons = masuk(ppk_a).get(reverse("laporan:ereporting_csv"))
    assert respons.status_code == 200
    assert respons["Content-Disposition"].startswith("attachment")
    isi = respons.content.decode()
    assert "CV Milik PPK A" in isi and "CV Milik PPK B" not in isi
    assert AksesDataPribadi.objects.filter(pengguna=ppk_a, jenis="unduh").exists()


def test_it_falls_back_to_this_year_for_a_bad_filter(ppk_a, masuk):
    respons = masuk(ppk_a).get(reverse("laporan:ereporting_detail") + "?tahun=abc&bulan=99")
    assert respons.status_code == 200
    assert str(datetime.date.today().year) in respons.context["periode"].label


def test_it_shows_the_trainings_of_the_officials_own_perangkat_daerah(
    ppk_a, ppk_b, pejabat_factory, masuk, petugas_layanan
):
    from django.utils import timezone

    from layanan import services as layanan
    from layanan.models import Pelatihan

    rekan_a = pejabat_factory("pokja.pupr", perangkat_daerah="pupr", sub_peran="pokja_pemilihan")
    mulai = timezone.now() + datetime.timedelta(days=1)
    pelatihan = layanan.simpan_pelatihan(
        data={
            "judul": "Pelatihan e-Tendering untuk Pokja",
            "deskripsi": "",
            "sasaran": Pelatihan.Sasaran.POKJA,
            "mulai": mulai,
            "selesai": mulai + datetime.timedelta(hours=3),
            "moda": Pelatihan.Moda.LURING,
            "tempat": "LPSE",
            "tautan": "",
            "kapasitas": 10,
            "pelatih": "Narasumber",
            "terbit": True,
        },
        oleh=petugas_layanan,
    )
    layanan.daftar_pelatihan(
        pelatihan_id=pelatihan.pk,
        data={"nama": "Pokja PUPR", "email": rekan_a.email, "telepon": "", "instansi": "PUPR"},
        oleh=rekan_a,
    )
    url = reverse("laporan:ereporting_detail") + f"?tahun={timezone.localtime(mulai).year}"
    assert "Pelatihan e-Tendering untuk Pokja" in masuk(ppk_a).get(url).content.decode()
    assert "Pelatihan e-Tendering untuk Pokja" not in masuk(ppk_b).get(url).content.decode()
