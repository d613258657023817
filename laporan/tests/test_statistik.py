"""The figures of a period on a dataset the test builds through the services. Each expected
number is counted from what the test made, never by calling the code under test twice."""

import datetime

import pytest

from laporan import periode as per
from laporan import statistik
from laporan.tests.conftest import pada

OKT = (datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))


def _baris(tabel, label):
    return next(b for b in tabel.baris if b[0] == label)


def test_it_parses_the_period_codes_of_each_kind():
    assert per.urai("bulanan", "2026-10") == per.Periode("bulanan", datetime.date(2026, 10, 1), OKT[1])
    assert per.urai("triwulanan", "2026-T4").mulai == datetime.date(2026, 10, 1)
    assert per.urai("triwulanan", "2026-q1").sampai == datetime.date(2026, 3, 31)
    assert per.urai("tahunan", "2025").sampai == datetime.date(2025, 12, 31)
    for jenis, salah in [("bulanan", "2026-13"), ("bulanan", "10-2026"), ("triwulanan", "2026-T5"), ("tahunan", "x")]:
        with pytest.raises(per.PeriodeTidakSah):
            per.urai(jenis, salah)


def test_it_counts_the_last_minute_of_the_month_in_wita_inside_the_month():
    awal, akhir = statistik.rentang(*OKT)
    assert awal.isoformat() == "2026-10-01T00:00:00+08:00"
    assert akhir.isoformat() == "2026-11-01T00:00:00+08:00"
    assert per.sebelumnya("bulanan", datetime.datetime(2026, 11, 1, 0, 5, tzinfo=per.WITA)).kode == "2026-10"
    assert per.sebelumnya("triwulanan", datetime.datetime(2027, 1, 1, 1, tzinfo=per.WITA)).kode == "2026-T4"
    assert per.sebelumnya("tahunan", datetime.datetime(2027, 1, 1, 1, tzinfo=per.WITA)).kode == "2026"


def test_it_takes_percentiles_as_postgresql_percentile_cont_does():
    assert statistik.persentil([1, 2, 3, 4], 0.5) == 2.5
    assert statistik.persentil([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9) == pytest.approx(91)
    assert statistik.persentil([], 0.5) is None


@pytest.fixture
def pendaftaran_oktober(penyedia_factory, verifikator):
    """3 approved (2 CV, 1 PT) and 2 rejected in October, 1 approved in September, 2 waiting
    since October; one of the waiting ones is approved in November."""
    from registrasi import services

    dibuat = {"disetujui": [], "ditolak": [], "diajukan": []}
    with pada(2026, 9, 20):
        september = penyedia_factory("lap.sept", verifikator=verifikator)
    for i, bentuk in enumerate(["cv", "cv", "pt"]):
        with pada(2026, 10, 5 + i):
            dibuat["disetujui"].append(penyedia_factory(f"lap.ok{i}", verifikator=verifikator, bentuk=bentuk))
    for i in range(2):
        with pada(2026, 10, 12 + i):
            dibuat["ditolak"].append(penyedia_factory(f"lap.tolak{i}", status="ditolak", verifikator=verifikator))
    for i in range(2):
        with pada(2026, 10, 31, 23, 59):
            dibuat["diajukan"].append(penyedia_factory(f"lap.tunggu{i}", status="diajukan", verifikator=verifikator))
    with pada(2026, 11, 2):
        tunggu = dibuat["diajukan"][0]
        services.ambil_pendaftaran(pendaftaran_id=tunggu.pk, oleh=verifikator)
        from registrasi.tests.pabrik import nyatakan_semua

        nyatakan_semua(tunggu, oleh=verifikator)
        services.setujui_pendaftaran(pendaftaran_id=tunggu.pk, oleh=verifikator)
    return {"september": september, **dibuat}


def test_it_counts_registrations_by_their_status_at_the_end_of_the_period(pendaftaran_oktober):
    tabel = statistik.pendaftaran_per_status(*OKT)
    kolom = tabel.kolom
    jumlah = _baris(tabel, "Jumlah")
    # 3 approved in October + 1 in September; the one approved on 2 November still waits in October.
    assert jumlah[kolom.index("Disetujui")] == 3 + 1
    assert jumlah[kolom.index("Ditolak")] == 2
    assert jumlah[kolom.index("Diajukan")] == 2
    assert jumlah[-1] == 8
    pt = _baris(tabel, "Perseroan Terbatas (PT)")
    assert pt[kolom.index("Disetujui")] == 1


def test_it_counts_the_status_changes_inside_the_period(pendaftaran_oktober):
    arus = {b[0]: b for b in statistik.arus_pendaftaran(*OKT).baris}
    assert arus["Disetujui"][2] == 3
    assert arus["Ditolak"][2] == 2
    # Submitted in October: 3 approved, 2 rejected and 2 waiting (the September one was submitted then).
    assert arus["Diajukan (termasuk pengajuan ulang)"][2] == 7
    user_id = statistik.user_id(*OKT)
    assert user_id.baris[0][1] == 3
    november = statistik.arus_pendaftaran(datetime.date(2026, 11, 1), datetime.date(2026, 11, 30))
    assert {b[0]: b for b in november.baris}["Disetujui"][2] == 1


def test_it_measures_turnaround_of_registrations_decided_in_the_period(pendaftaran_oktober):
    tabel = statistik.waktu_verifikasi(*OKT)
    disetujui = tabel.baris[0]
    # Each was submitted and decided at the same frozen instant: zero hours.
    assert disetujui[1] == 3
    assert disetujui[2] == 0.0
    assert _baris(tabel, "Semua")[1] == 5


def _tiket(buat_tiket_data, **ubah):
    from layanan import services

    return services.buat_tiket(data=buat_tiket_data(**ubah))


@pytest.fixture
def tiket_oktober(petugas_layanan):
    """A: answered in 30 minutes, resolved the same morning (meets both targets).
    B: taken but never answered, resolved 15 days later (breaches both).
    C: a proposal (no SLA target), resolved. D: open at the end of October.
    E: received in September, resolved on 1 October at 08.30, before its 3 working days ran out."""
    from layanan import services
    from layanan.tests.conftest import data_tiket

    def jalan(tiket, *langkah):
        for waktu, aksi in langkah:
            with pada(*waktu):
                if aksi == "ambil":
                    services.ambil_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)
                elif aksi == "balas":
                    services.balas_tiket(tiket_id=tiket.pk, isi="Sudah kami perbaiki.", oleh=petugas_layanan)
                elif aksi == "selesai":
                    services.selesaikan_tiket(tiket_id=tiket.pk, oleh=petugas_layanan)

    with pada(2026, 9, 28, 9):
        e = _tiket(data_tiket)
    jalan(e, ((2026, 9, 28, 9, 30), "ambil"), ((2026, 9, 28, 9, 40), "balas"), ((2026, 10, 1, 8, 30), "selesai"))
    with pada(2026, 10, 5, 9):
        a = _tiket(data_tiket)
        b = _tiket(data_tiket)
        c = _tiket(data_tiket, jenis="usulan")
        d = _tiket(data_tiket)
    jalan(a, ((2026, 10, 5, 9, 20), "ambil"), ((2026, 10, 5, 9, 30), "balas"), ((2026, 10, 5, 10), "selesai"))
    jalan(b, ((2026, 10, 5, 9, 10), "ambil"), ((2026, 10, 20, 10), "selesai"))
    jalan(c, ((2026, 10, 6, 9), "ambil"), ((2026, 10, 6, 10), "selesai"))
    # A is reopened in November: October's figures must not move.
    with pada(2026, 11, 3, 9):
        services.buka_kembali_tiket(tiket_id=a.pk, oleh=petugas_layanan, alasan="Muncul lagi")
    return {"a": a, "b": b, "c": c, "d": d, "e": e}


def test_it_reports_tickets_and_sla_compliance_of_those_finished_in_the_period(tiket_oktober):
    tabel = statistik.tiket(*OKT)
    teknis = _baris(tabel, "Permasalahan teknis")
    # received: A, B, D (October); finished: A, B, E; with a target: A, B, E; within it: A, E.
    assert teknis[2:6] == [3, 3, 3, 2]
    assert teknis[6] == round(100 * 2 / 3, 1)
    usulan = _baris(tabel, "Usulan")
    assert usulan[2:6] == [1, 1, 0, 0]
    assert usulan[6] is None
    assert tabel.baris[-1][2:6] == [4, 4, 3, 2]


def test_it_counts_trainings_held_and_attendance(petugas_layanan):
    from layanan import services
    from layanan.models import Pelatihan
    from layanan.tests.conftest import peserta_data

    def buat_pelatihan(mulai, kapasitas):
        data = {
            "judul": "Pelatihan SPSE untuk Penyedia",
            "deskripsi": "Pendaftaran, SIKaP dan penawaran.",
            "sasaran": Pelatihan.Sasaran.PENYEDIA,
            "mulai": mulai,
            "selesai": mulai + datetime.timedelta(hours=3),
            "moda": Pelatihan.Moda.LURING,
            "tempat": "Ruang Pelatihan LPSE, Mataram",
            "tautan": "",
            "kapasitas": kapasitas,
            "pelatih": "Rizki Pratama",
            "terbit": True,
        }
        return services.simpan_pelatihan(data=data, oleh=petugas_layanan)

    with pada(2026, 9, 1):
        oktober = buat_pelatihan(mulai=datetime.datetime(2026, 10, 14, 9, tzinfo=per.WITA), kapasitas=10)
        november = buat_pelatihan(mulai=datetime.datetime(2026, 11, 3, 9, tzinfo=per.WITA), kapasitas=5)
        peserta = [services.daftar_pelatihan(pelatihan_id=oktober.pk, data=peserta_data(i)) for i in range(3)]
        services.daftar_pelatihan(pelatihan_id=november.pk, data=peserta_data(9))
    with pada(2026, 10, 14, 9, 5):
        for p in peserta[:2]:
            services.catat_kehadiran(peserta_id=p.pk, oleh=petugas_layanan)
    tabel = statistik.pelatihan(*OKT)
    assert tabel.baris[-1] == ["Jumlah", 1, 10, 2]
