"""Incidents: recorded, closed with cause and action, reported to LKPP; availability from downtime."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from lpse_portal.exceptions import TransisiTidakSah
from lpse_portal.peristiwa import riwayat
from sistem import services
from sistem.models import Insiden
from sistem.retensi import WITA


def w(*a):
    return datetime.datetime(*a, tzinfo=WITA)


def test_it_records_an_incident_with_its_linked_tickets(insiden_terbuka, admin_sistem):
    insiden = insiden_terbuka()
    services.simpan_insiden(data={}, tiket="tkt-0001, TKT-0002;TKT-0001", insiden_id=insiden.pk, oleh=admin_sistem)
    assert list(insiden.tiket_terkait.values_list("nomor_tiket", flat=True)) == ["TKT-0001", "TKT-0002"]
    assert [p.aksi for p in riwayat(insiden)] == ["catat", "ubah"]


def test_it_closes_an_incident_only_with_cause_and_action(insiden_terbuka, admin_sistem):
    insiden = insiden_terbuka()
    with pytest.raises(TransisiTidakSah, match="Penyebab dan tindakan wajib"):
        services.selesaikan_insiden(
            insiden_id=insiden.pk, selesai=timezone.now(), penyebab="", tindakan="Restart", oleh=admin_sistem
        )
    services.selesaikan_insiden(
        insiden_id=insiden.pk, selesai=timezone.now(), penyebab="Disk penuh", tindakan="Log dirotasi", oleh=admin_sistem
    )
    insiden.refresh_from_db()
    assert insiden.status == "selesai"
    with pytest.raises(TransisiTidakSah, match="sudah selesai"):
        services.selesaikan_insiden(
            insiden_id=insiden.pk, selesai=timezone.now(), penyebab="x", tindakan="y", oleh=admin_sistem
        )


def test_it_refuses_an_end_before_the_start(insiden_terbuka, admin_sistem):
    insiden = insiden_terbuka()
    with pytest.raises(TransisiTidakSah, match="tidak boleh sebelum waktu mulai"):
        services.selesaikan_insiden(
            insiden_id=insiden.pk,
            selesai=insiden.mulai - datetime.timedelta(minutes=1),
            penyebab="x",
            tindakan="y",
            oleh=admin_sistem,
        )


def test_it_records_the_report_to_lkpp_and_its_answer(insiden_terbuka, admin_sistem):
    insiden = insiden_terbuka()
    hari_ini = timezone.localdate()
    services.laporkan_ke_lkpp(insiden_id=insiden.pk, nomor="LKPP-77", tanggal=hari_ini, oleh=admin_sistem)
    services.laporkan_ke_lkpp(
        insiden_id=insiden.pk, nomor="LKPP-77", tanggal=hari_ini, jawaban="Patch 4.5.1", oleh=admin_sistem
    )
    insiden.refresh_from_db()
    assert (insiden.nomor_laporan_lkpp, insiden.jawaban_lkpp) == ("LKPP-77", "Patch 4.5.1")
    assert [p.aksi for p in riwayat(insiden)][-2:] == ["lapor_lkpp", "jawaban_lkpp"]


def test_it_refuses_an_incident_from_someone_outside_the_unit(verifikator):
    with pytest.raises(PermissionDenied):
        services.simpan_insiden(
            data={"judul": "x", "layanan": "spse", "tingkat": "rendah", "mulai": timezone.now()}, oleh=verifikator
        )


def test_it_counts_overlapping_downtime_once():
    awal, akhir = w(2026, 3, 1), w(2026, 3, 2)
    interval = [(w(2026, 3, 1, 1), w(2026, 3, 1, 3)), (w(2026, 3, 1, 2), w(2026, 3, 1, 4)), (w(2026, 2, 28, 23), None)]
    # 23.00 the day before is cut at the start of the window; the open one runs to its end.
    assert services.waktu_henti(interval, awal, akhir) == datetime.timedelta(days=1)
    assert services.waktu_henti(interval[:2], awal, akhir) == datetime.timedelta(hours=3)


def test_it_computes_monthly_availability_from_downtime_incidents(admin_sistem, insiden_terbuka):
    with time_machine.travel(w(2026, 7, 20, 12), tick=False):
        # June 2026: 30 days; 3 hours down on SPSE, plus a slow-network incident that is not downtime.
        insiden_terbuka(mulai=w(2026, 6, 10, 8), selesai=w(2026, 6, 10, 11), penyebab="a", tindakan="b")
        insiden_terbuka(
            layanan="jaringan",
            layanan_terhenti=False,
            mulai=w(2026, 6, 11, 8),
            selesai=w(2026, 6, 12, 8),
            penyebab="a",
            tindakan="b",
        )
        juni = services.ketersediaan_bulanan(2026, 6, "spse")
        assert juni["waktu_henti"] == datetime.timedelta(hours=3)
        assert juni["persen"] == pytest.approx(100 * (1 - 3 / (30 * 24)))
        assert services.ketersediaan_bulanan(2026, 6, "jaringan")["persen"] == 100.0
        # An incident crossing into July counts in both months, each its own part.
        insiden_terbuka(mulai=w(2026, 6, 30, 23), selesai=w(2026, 7, 1, 1), penyebab="a", tindakan="b")
        assert services.ketersediaan_bulanan(2026, 7, "spse")["waktu_henti"] == datetime.timedelta(hours=1)
        tabel = services.tabel_ketersediaan()
        assert tabel[1]["bulan"] == 6
        assert tabel[1]["layanan"]["spse"][0] == datetime.timedelta(hours=4)


def test_it_refuses_a_start_in_the_future(admin_sistem):
    with pytest.raises(TransisiTidakSah, match="masa depan"):
        services.simpan_insiden(
            data={
                "judul": "x",
                "layanan": "spse",
                "tingkat": "rendah",
                "mulai": timezone.now() + datetime.timedelta(days=1),
            },
            oleh=admin_sistem,
        )
    assert not Insiden.objects.exists()


def test_it_links_a_ticket_number_known_to_the_helpdesk_generically(insiden_terbuka, admin_sistem):
    from django.apps import apps

    Tiket = apps.get_model("layanan", "Tiket")
    kategori = apps.get_model("layanan", "KategoriTiket").objects.first()
    tiket = Tiket.objects.create(
        nomor="TKT-2026-00077", jenis=Tiket.Jenis.choices[0][0], kategori=kategori, judul="SPSE mati", uraian="x"
    )
    insiden = insiden_terbuka()
    services.simpan_insiden(data={}, tiket="tkt-2026-00077, TKT-LUAR-1", insiden_id=insiden.pk, oleh=admin_sistem)
    dikenal, luar = insiden.tiket_terkait.order_by("nomor_tiket")
    assert (dikenal.nomor_tiket, dikenal.content_type.model, dikenal.object_id) == ("TKT-2026-00077", "tiket", tiket.pk)
    assert (luar.nomor_tiket, luar.object_id) == ("TKT-LUAR-1", None)
