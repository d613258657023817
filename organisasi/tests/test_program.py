"""The programme of activities: targets, realisation per quarter, automatic figures, evaluation."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage

from lpse_portal.exceptions import TransisiTidakSah
from organisasi import angka_otomatis, services
from organisasi.evaluasi import evaluasi_program, nilai_warna
from organisasi.models import Realisasi, Target
from organisasi.tests import sekretariat_data as s

# 15 May 2026, 10.00 WITA: the second quarter is running, the first has ended.
MEI = datetime.datetime(2026, 5, 15, 2, tzinfo=datetime.UTC)


@pytest.fixture
def mei():
    with time_machine.travel(MEI, tick=False):
        yield


@pytest.fixture
def target_registrasi(mei, sekretaris):
    prog = s.program(sekretaris, 2026)
    return s.target(s.kegiatan(prog, sekretaris, kode_unit="registrasi"), sekretaris)


@pytest.fixture
def penyedia_angka():
    """Register (or, with None, withdraw) an automatic figure for one test, as another app
    would; the apps' real providers are put back afterwards."""
    semula = {}

    def daftarkan(kunci, fungsi):
        semula.setdefault(kunci, angka_otomatis._penyedia.get(kunci))
        if fungsi is None:
            angka_otomatis.hapus(kunci)
        else:
            angka_otomatis.daftarkan(kunci, fungsi)

    yield daftarkan
    for kunci, fungsi in semula.items():
        angka_otomatis.hapus(kunci)
        if fungsi is not None:
            angka_otomatis.daftarkan(kunci, fungsi)


def _isi(target, oleh, triwulan, nilai):
    return services.isi_realisasi(
        target_id=target.pk, triwulan=triwulan, nilai=Decimal(nilai), bukti=s.berkas(), oleh=oleh
    )


def test_it_refuses_a_target_without_a_unit_of_measure(sekretaris):
    keg = s.kegiatan(s.program(sekretaris), sekretaris)
    with pytest.raises(TransisiTidakSah, match="wajib memiliki satuan"):
        s.target(keg, sekretaris, satuan="  ")
    assert not Target.objects.exists()


def test_it_refuses_an_automatic_source_nobody_knows(sekretaris):
    keg = s.kegiatan(s.program(sekretaris), sekretaris)
    with pytest.raises(TransisiTidakSah, match="tidak dikenal"):
        s.target(keg, sekretaris, sumber_otomatis="registrasi.tidak_ada")


def test_it_refuses_a_second_programme_for_the_same_year(sekretaris):
    s.program(sekretaris, 2026)
    with pytest.raises(TransisiTidakSah, match="sudah ada"):
        s.program(sekretaris, 2026)


def test_it_refuses_an_activity_scheduled_outside_the_programme_year(sekretaris):
    prog = s.program(sekretaris, 2026)
    with pytest.raises(TransisiTidakSah, match="di dalam tahun program"):
        s.kegiatan(prog, sekretaris, jadwal_selesai=datetime.date(2027, 1, 31))


def test_it_refuses_a_realisation_for_a_quarter_that_has_not_started_and_keeps_no_file(
    target_registrasi, sekretaris, settings
):
    with pytest.raises(TransisiTidakSah, match="Triwulan III tahun 2026 belum dimulai"):
        _isi(target_registrasi, sekretaris, 3, 5)
    assert not Realisasi.objects.exists()
    assert not [p for p in settings.MEDIA_ROOT.rglob("organisasi/realisasi/**/*") if p.is_file()]


def test_it_accepts_the_running_quarter_and_keeps_the_evidence(target_registrasi, sekretaris):
    realisasi = _isi(target_registrasi, sekretaris, 2, 4)
    assert default_storage.exists(realisasi.bukti.name)


def test_it_counts_the_latest_entry_and_keeps_the_earlier_one(target_registrasi, sekretaris):
    _isi(target_registrasi, sekretaris, 1, 6)
    _isi(target_registrasi, sekretaris, 1, 9)
    (baris,) = evaluasi_program(target_registrasi.kegiatan.program)
    assert baris.target[0].sel[0].nilai == Decimal(9)
    assert Realisasi.objects.filter(target=target_registrasi, triwulan=1).count() == 2


def test_it_lets_a_coordinator_enter_only_the_realisation_of_their_own_unit(mei, sekretaris, koordinator):
    prog = s.program(sekretaris, 2026)
    milik = s.target(s.kegiatan(prog, sekretaris, kode_unit="registrasi"), sekretaris)
    lain = s.target(s.kegiatan(prog, sekretaris, kode_unit="layanan"), sekretaris)
    _isi(milik, koordinator, 1, 10)
    with pytest.raises(PermissionDenied):
        _isi(lain, koordinator, 1, 10)


def test_it_answers_404_to_a_coordinator_opening_another_units_realisation(mei, sekretaris, koordinator, masuk):
    prog = s.program(sekretaris, 2026)
    lain = s.target(s.kegiatan(prog, sekretaris, kode_unit="layanan"), sekretaris)
    assert masuk(koordinator).get(f"/organisasi/target/{lain.pk}/realisasi/1/").status_code == 404


@pytest.mark.parametrize(
    "nilai, target, dimulai, berakhir, persen, warna",
    [
        (10, 10, True, True, 100, "hijau"),
        (12, 10, True, True, 120, "hijau"),
        (Decimal("7.5"), 10, True, True, 75, "kuning"),
        (Decimal("7.4"), 10, True, True, 74, "merah"),
        (None, 10, True, True, None, "merah"),  # the quarter ended without a value
        (None, 10, True, False, None, "berjalan"),
        (None, 10, False, False, None, "belum"),
        (3, 0, True, True, None, "netral"),
    ],
)
def test_it_rates_achievement_red_amber_green(nilai, target, dimulai, berakhir, persen, warna):
    hasil = nilai_warna(None if nilai is None else Decimal(nilai), Decimal(target), dimulai=dimulai, berakhir=berakhir)
    assert hasil == (None if persen is None else Decimal(persen).quantize(Decimal("0.1")), warna)


def test_it_evaluates_the_year_so_far_over_the_quarters_that_have_started(target_registrasi, sekretaris):
    _isi(target_registrasi, sekretaris, 1, 10)
    _isi(target_registrasi, sekretaris, 2, 5)
    (baris,) = evaluasi_program(target_registrasi.kegiatan.program)
    capaian = baris.target[0].capaian
    assert (capaian.target_berjalan, capaian.nilai, capaian.persen, capaian.warna) == (20, 15, 75, "kuning")
    assert capaian.target_tahunan == 40
    assert [sel.warna for sel in baris.target[0].sel] == ["hijau", "merah", "belum", "belum"]


def test_it_shows_belum_tersedia_when_no_app_provides_the_automatic_figure(mei, sekretaris, penyedia_angka):
    penyedia_angka("layanan.tiket_selesai", None)
    keg = s.kegiatan(s.program(sekretaris, 2026), sekretaris)
    s.target(keg, sekretaris, sumber_otomatis="layanan.tiket_selesai")
    (baris,) = evaluasi_program(keg.program)
    sel = baris.target[0].sel[0]
    assert sel.otomatis.status == "belum_tersedia"
    assert sel.nilai is None


def test_it_uses_a_registered_provider_beside_the_manual_figure(mei, sekretaris, penyedia_angka, masuk):
    diminta = []

    def tiket_selesai(mulai, sampai):
        diminta.append((mulai, sampai))
        return 42

    penyedia_angka("layanan.tiket_selesai", tiket_selesai)
    keg = s.kegiatan(s.program(sekretaris, 2026), sekretaris)
    tgt = s.target(keg, sekretaris, indikator="Tiket selesai", satuan="tiket", sumber_otomatis="layanan.tiket_selesai")
    _isi(tgt, sekretaris, 2, 30)
    (baris,) = evaluasi_program(keg.program)
    tw1, tw2 = baris.target[0].sel[:2]
    assert (tw1.nilai, tw1.sumber) == (42, "otomatis")  # no manual entry: the portal's figure counts
    assert (tw2.nilai, tw2.sumber, tw2.otomatis.nilai) == (30, "manual", 42)  # the manual entry wins, shown beside
    # Quarter I in full; quarter II up to and including today (15 May), the end exclusive.
    assert diminta == [
        (datetime.date(2026, 1, 1), datetime.date(2026, 4, 1)),
        (datetime.date(2026, 4, 1), datetime.date(2026, 5, 16)),
    ]
    halaman = masuk(sekretaris).get(f"/organisasi/program/{keg.program_id}/evaluasi/").content.decode()
    assert "otomatis: 42" in halaman


def test_it_shows_a_failing_provider_as_failed_instead_of_breaking_the_page(mei, sekretaris, penyedia_angka, masuk):
    def rusak(mulai, sampai):
        raise RuntimeError("basis data layanan tidak terjangkau")

    penyedia_angka("sistem.cadangan_terverifikasi", rusak)
    keg = s.kegiatan(s.program(sekretaris, 2026), sekretaris)
    s.target(keg, sekretaris, sumber_otomatis="sistem.cadangan_terverifikasi")
    response = masuk(sekretaris).get(f"/organisasi/program/{keg.program_id}/evaluasi/")
    assert response.status_code == 200
    assert "gagal dihitung" in response.content.decode()


def test_it_exports_the_evaluation_to_xlsx_with_the_ratings(target_registrasi, sekretaris, masuk):
    from openpyxl import load_workbook

    _isi(target_registrasi, sekretaris, 1, 10)
    response = masuk(sekretaris).get(f"/organisasi/program/{target_registrasi.kegiatan.program_id}/ekspor/xlsx/")
    assert response["Content-Disposition"].startswith("attachment")
    ws = load_workbook(io.BytesIO(response.content)).active
    baris = [[c.value for c in r] for r in ws.iter_rows()]
    data = next(r for r in baris if r[4] == "Penyedia terverifikasi")
    assert data[6:9] == [10, 10, 100]  # TW I: target, realisation, %
    assert data[-1] == "Tercapai"  # the running quarter II has no value yet and is not counted


def test_it_exports_the_evaluation_as_pdf(target_registrasi, sekretaris, masuk):
    response = masuk(sekretaris).get(f"/organisasi/program/{target_registrasi.kegiatan.program_id}/ekspor/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
