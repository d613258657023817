"""Allowances: rates with a legal basis, pro rata from the assignments, approval, exports."""

import datetime
import io
import itertools
from decimal import Decimal

import pytest
import time_machine
from django.core.files.base import ContentFile

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.models import AksesDataPribadi
from lpse_portal.pdf_sederhana import buat_pdf
from organisasi import services
from organisasi.models import DaftarTunjangan, Jabatan, Pegawai, TarifTunjangan
from organisasi.services.tunjangan import prorata
from organisasi.tests import sekretariat_data as s

D = datetime.date
JULI = datetime.datetime(2026, 7, 20, 2, tzinfo=datetime.UTC)  # 20 July 2026 WITA
_nip = itertools.count(1)


@pytest.fixture(autouse=True)
def juli():
    with time_machine.travel(JULI, tick=False):
        yield


@pytest.fixture
def tugaskan(sistem):
    """A new person holding `kode_jabatan` from `mulai` to `selesai` (TMT: first day without it)."""

    def buat(kode_jabatan, mulai, selesai=None, nama=None):
        n = next(_nip)
        pegawai = Pegawai.objects.create(
            nama=nama or f"Pegawai {n}", status_kepegawaian="pns", nip=f"19850505201001{1000 + n:04d}"
        )
        jabatan = Jabatan.objects.get(kode=kode_jabatan)
        return services.angkat_pegawai(
            pegawai_id=pegawai.pk,
            jabatan_id=jabatan.pk,
            nomor_sk=f"800/{n}/UJI",
            tanggal_sk=D(2025, 12, 1),
            penetap=jabatan.penetap_wajib,
            tmt_mulai=mulai,
            tmt_selesai=selesai,
            berkas_sk=ContentFile(buat_pdf("SK"), name="sk.pdf"),
            oleh=sistem,
        )

    return buat


def _baris(tahun, bulan):
    return [(b.mulai, b.sampai, b.hari, b.hari_bulan, b.jumlah) for b in services.hitung_rincian(tahun, bulan)]


# --- the pro-rata rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "mulai, selesai, harapan",
    [
        # June 2026 has 30 days; the rate is Rp900.000 a month.
        (D(2025, 1, 2), None, [(D(2026, 6, 1), D(2026, 6, 30), 30, 30, 900_000)]),
        (D(2026, 6, 16), None, [(D(2026, 6, 16), D(2026, 6, 30), 15, 30, 450_000)]),  # starts mid-month
        (D(2025, 1, 2), D(2026, 6, 11), [(D(2026, 6, 1), D(2026, 6, 10), 10, 30, 300_000)]),  # ends: 11 June is off
        (D(2026, 6, 5), D(2026, 6, 20), [(D(2026, 6, 5), D(2026, 6, 19), 15, 30, 450_000)]),  # both
        (D(2026, 6, 30), None, [(D(2026, 6, 30), D(2026, 6, 30), 1, 30, 30_000)]),  # the last day only
        (D(2025, 1, 2), D(2026, 6, 1), []),  # ended the day the month began
        (D(2026, 7, 1), None, []),  # starts after the month
    ],
)
def test_it_prorates_by_calendar_days_held_in_the_month(sekretaris, tugaskan, mulai, selesai, harapan):
    s.tarif(sekretaris, "pelaksana-sekretariat", 900_000, D(2026, 1, 1))
    tugaskan("pelaksana-sekretariat", mulai, selesai)
    assert _baris(2026, 6) == harapan


@pytest.mark.parametrize(
    "besaran, hari, hari_bulan, jumlah",
    [
        (1_000_000, 10, 31, 322_581),  # 322.580,645 rounds up
        (1_000_000, 7, 31, 225_806),  # 225.806,45 rounds down
        (750_000, 14, 28, 375_000),  # February 2026
        (1_250_000, 29, 29, 1_250_000),  # a full leap February is exactly the rate
        (999_999, 1, 30, 33_333),  # 33.333,3
        (15, 1, 30, 1),  # 0,5 rounds half up
    ],
)
def test_it_rounds_each_line_half_up_to_whole_rupiah(besaran, hari, hari_bulan, jumlah):
    assert prorata(Decimal(besaran), hari, hari_bulan) == Decimal(jumlah)


def test_it_splits_a_month_in_which_the_rate_changes(sekretaris, tugaskan):
    s.tarif(sekretaris, "pelaksana-sekretariat", 900_000, D(2026, 1, 1), D(2026, 6, 15))
    s.tarif(sekretaris, "pelaksana-sekretariat", 1_200_000, D(2026, 6, 16))
    tugaskan("pelaksana-sekretariat", D(2025, 1, 2))
    assert _baris(2026, 6) == [
        (D(2026, 6, 1), D(2026, 6, 15), 15, 30, 450_000),
        (D(2026, 6, 16), D(2026, 6, 30), 15, 30, 600_000),
    ]


def test_it_pays_predecessor_and_successor_each_for_their_own_days(sekretaris, kepala_lpse, tugaskan):
    """The Kepala LPSE changes on 16 June: nobody is paid twice for a day, no day is lost."""
    from organisasi.models import Penugasan

    s.tarif(sekretaris, "kepala-lpse", 1_250_000, D(2026, 1, 1))
    lama = Penugasan.objects.get(pegawai__user=kepala_lpse)
    # 16 June is the first day without the position, as the SK says.
    services.akhiri_penugasan(penugasan_id=lama.pk, tmt_selesai=D(2026, 6, 16), alasan="Mutasi", oleh=sekretaris)
    tugaskan("kepala-lpse", D(2026, 6, 16), nama="Pengganti")
    baris = services.hitung_rincian(2026, 6)
    assert [(b.penugasan.pegawai.nama, b.hari, b.jumlah) for b in baris] == [
        ("Kepala", 15, Decimal(625_000)),
        ("Pengganti", 15, Decimal(625_000)),
    ]


def test_it_gives_a_person_with_two_positions_a_line_for_each(sekretaris, tugaskan):
    s.tarif(sekretaris, "pelaksana-sekretariat", 600_000, D(2026, 1, 1))
    s.tarif(sekretaris, "pelaksana-layanan", 750_000, D(2026, 1, 1))
    satu = tugaskan("pelaksana-sekretariat", D(2026, 6, 1))
    services.angkat_pegawai(
        pegawai_id=satu.pegawai_id,
        jabatan_id=Jabatan.objects.get(kode="pelaksana-layanan").pk,
        nomor_sk="800/99/UJI",
        tanggal_sk=D(2026, 6, 1),
        penetap="kepala_dinas",
        tmt_mulai=D(2026, 6, 21),
        berkas_sk=ContentFile(buat_pdf("SK"), name="sk.pdf"),
        oleh=sekretaris,
    )
    jumlah = sorted(b.jumlah for b in services.hitung_rincian(2026, 6) if b.penugasan.pegawai_id == satu.pegawai_id)
    assert jumlah == [Decimal(250_000), Decimal(600_000)]


# --- rates ------------------------------------------------------------------------------------


def test_it_refuses_a_rate_without_a_legal_basis(sekretaris):
    with pytest.raises(TransisiTidakSah, match="wajib menyebut dasar hukum"):
        services.catat_tarif(
            jabatan_id=Jabatan.objects.get(kode="sekretaris").pk,
            besaran=Decimal(1_000_000),
            berlaku_mulai=D(2026, 1, 1),
            dasar_hukum_id=None,
            oleh=sekretaris,
        )
    assert not TarifTunjangan.objects.exists()


@pytest.mark.parametrize(
    "mulai, sampai",
    [
        (D(2026, 6, 1), None),
        (D(2025, 1, 1), D(2026, 1, 1)),  # touches the first day
        (D(2026, 12, 31), D(2027, 12, 31)),  # touches the last day
    ],
)
def test_it_refuses_two_rates_for_the_same_position_and_period(sekretaris, mulai, sampai):
    s.tarif(sekretaris, "sekretaris", 1_000_000, D(2026, 1, 1), D(2026, 12, 31))
    with pytest.raises(TransisiTidakSah, match="sudah memiliki tarif"):
        s.tarif(sekretaris, "sekretaris", 1_100_000, mulai, sampai)
    assert TarifTunjangan.objects.count() == 1


def test_it_accepts_a_rate_that_follows_the_previous_one(sekretaris):
    s.tarif(sekretaris, "sekretaris", 1_000_000, D(2026, 1, 1), D(2026, 12, 31))
    s.tarif(sekretaris, "sekretaris", 1_100_000, D(2027, 1, 1))
    assert TarifTunjangan.objects.count() == 2


def test_it_refuses_to_extend_a_rate_over_the_next_one(sekretaris):
    lama = s.tarif(sekretaris, "sekretaris", 1_000_000, D(2026, 1, 1), D(2026, 5, 31))
    s.tarif(sekretaris, "sekretaris", 1_100_000, D(2026, 6, 1))
    with pytest.raises(TransisiTidakSah, match="sudah memiliki tarif"):
        services.akhiri_tarif(tarif_id=lama.pk, berlaku_sampai=D(2026, 6, 30), oleh=sekretaris)


# --- the monthly list -------------------------------------------------------------------------


@pytest.fixture
def daftar_juni(sekretaris, tugaskan):
    s.tarif(sekretaris, "pelaksana-sekretariat", 900_000, D(2026, 1, 1))
    tugaskan("pelaksana-sekretariat", D(2026, 6, 16), nama="Baru Datang")
    tugaskan("pelaksana-sekretariat", D(2025, 1, 2), nama="Lama Bertugas")
    return services.susun_daftar_tunjangan(tahun=2026, bulan=6, oleh=sekretaris)


def _disetujui(daftar, sekretaris, kepala):
    services.ajukan_daftar_tunjangan(daftar_id=daftar.pk, oleh=sekretaris)
    return services.setujui_daftar_tunjangan(daftar_id=daftar.pk, oleh=kepala)


def test_it_computes_the_list_and_its_total_from_the_assignments(daftar_juni):
    assert [(r.nama, r.hari, r.jumlah) for r in daftar_juni.rincian.all()] == [
        ("Baru Datang", 15, Decimal(450_000)),
        ("Lama Bertugas", 30, Decimal(900_000)),
    ]
    assert daftar_juni.total == Decimal(1_350_000)


def test_it_refuses_a_list_for_a_month_that_has_not_started(sekretaris):
    with pytest.raises(TransisiTidakSah, match="belum dimulai"):
        services.susun_daftar_tunjangan(tahun=2026, bulan=8, oleh=sekretaris)
    assert not DaftarTunjangan.objects.exists()


def test_it_lets_only_the_kepala_lpse_approve(daftar_juni, sekretaris):
    from django.core.exceptions import PermissionDenied

    services.ajukan_daftar_tunjangan(daftar_id=daftar_juni.pk, oleh=sekretaris)
    with pytest.raises(PermissionDenied):
        services.setujui_daftar_tunjangan(daftar_id=daftar_juni.pk, oleh=sekretaris)


@pytest.mark.parametrize("aksi", ["hitung_ulang", "ajukan", "kembalikan"])
def test_it_refuses_any_change_to_an_approved_list(daftar_juni, sekretaris, kepala_lpse, tugaskan, aksi):
    _disetujui(daftar_juni, sekretaris, kepala_lpse)
    tugaskan("pelaksana-sekretariat", D(2026, 6, 1), nama="Datang Belakangan")
    with pytest.raises(TransisiTidakSah, match="sudah disetujui Kepala LPSE dan tidak dapat diubah"):
        if aksi == "hitung_ulang":
            services.susun_daftar_tunjangan(tahun=2026, bulan=6, oleh=sekretaris)
        elif aksi == "ajukan":
            services.ajukan_daftar_tunjangan(daftar_id=daftar_juni.pk, oleh=sekretaris)
        else:
            services.kembalikan_daftar_tunjangan(daftar_id=daftar_juni.pk, catatan="Ubah", oleh=kepala_lpse)
    daftar = DaftarTunjangan.objects.get(pk=daftar_juni.pk)
    assert (daftar.status, daftar.total, daftar.rincian.count()) == ("disetujui", Decimal(1_350_000), 2)


def test_it_shows_the_refusal_when_an_approved_list_is_recomputed_in_the_portal(
    daftar_juni, sekretaris, kepala_lpse, masuk
):
    _disetujui(daftar_juni, sekretaris, kepala_lpse)
    response = masuk(sekretaris).post(f"/organisasi/tunjangan/{daftar_juni.pk}/hitung/", follow=True)
    assert "sudah disetujui Kepala LPSE dan tidak dapat diubah" in response.content.decode()


def test_it_lets_a_returned_list_be_recomputed(daftar_juni, sekretaris, kepala_lpse, tugaskan):
    services.ajukan_daftar_tunjangan(daftar_id=daftar_juni.pk, oleh=sekretaris)
    services.kembalikan_daftar_tunjangan(daftar_id=daftar_juni.pk, catatan="Ada SK baru", oleh=kepala_lpse)
    tugaskan("pelaksana-sekretariat", D(2026, 6, 1), nama="Datang Belakangan")
    daftar = services.susun_daftar_tunjangan(tahun=2026, bulan=6, oleh=sekretaris)
    assert daftar.total == Decimal(2_250_000)


def test_it_keeps_an_approved_list_as_it_was_when_a_rate_ends_later(daftar_juni, sekretaris, kepala_lpse):
    _disetujui(daftar_juni, sekretaris, kepala_lpse)
    tarif = TarifTunjangan.objects.get()
    services.akhiri_tarif(tarif_id=tarif.pk, berlaku_sampai=D(2026, 6, 10), oleh=sekretaris)
    assert DaftarTunjangan.objects.get(pk=daftar_juni.pk).rincian.get(nama="Lama Bertugas").jumlah == 900_000


def test_it_exports_the_list_for_the_finance_office_and_records_the_export(daftar_juni, sekretaris, kepala_lpse, masuk):
    from openpyxl import load_workbook

    _disetujui(daftar_juni, sekretaris, kepala_lpse)
    response = masuk(kepala_lpse).get(f"/organisasi/tunjangan/{daftar_juni.pk}/ekspor/xlsx/")
    ws = load_workbook(io.BytesIO(response.content)).active
    nilai = [[c.value for c in r] for r in ws.iter_rows()]
    assert any(r[1] == "Lama Bertugas" and r[-1] == 900_000 for r in nilai)
    assert nilai[-1][-1] == 1_350_000
    assert "Disetujui" in " ".join(str(r[0]) for r in nilai[:3])
    assert AksesDataPribadi.objects.filter(pengguna=kepala_lpse, jenis="ekspor", object_id=daftar_juni.pk).exists()


def test_it_exports_the_list_as_pdf(daftar_juni, sekretaris, masuk):
    response = masuk(sekretaris).get(f"/organisasi/tunjangan/{daftar_juni.pk}/ekspor/pdf/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
