"""Assets with maintenance records; LKPP instructions with status and who carried them out."""

import datetime

import pytest
from django.utils import timezone

from lpse_portal.exceptions import TransisiTidakSah
from sistem import services
from sistem.models import InstruksiLkpp, Pemeliharaan


@pytest.fixture
def aset(admin_sistem):
    return services.simpan_aset(
        data={
            "kode": "SRV-01",
            "nama": "Server SPSE",
            "jenis": "perangkat_keras",
            "pemilik": "Unit Adm. Sistem",
            "lokasi": "Ruang server",
            "tanggal_pembelian": datetime.date(2024, 1, 10),
            "garansi_sampai": datetime.date(2027, 1, 10),
        },
        oleh=admin_sistem,
    )


@pytest.fixture
def instruksi(admin_sistem):
    return services.catat_instruksi(
        data={
            "nomor": "B-100/LKPP/2026",
            "perihal": "Pembaruan SPSE 4.5",
            "tanggal_diterima": timezone.localdate(),
            "isi": "Perbarui SPSE.",
            "tenggat": timezone.localdate() + datetime.timedelta(days=7),
        },
        oleh=admin_sistem,
    )


def test_it_refuses_a_duplicate_inventory_code(aset, admin_sistem):
    with pytest.raises(TransisiTidakSah, match="sudah dipakai"):
        services.simpan_aset(
            data={"kode": "srv-01", "nama": "x", "jenis": "jaringan", "pemilik": "x", "lokasi": "x"}, oleh=admin_sistem
        )


def test_it_refuses_a_warranty_ending_before_the_purchase(aset, admin_sistem):
    with pytest.raises(TransisiTidakSah, match="Garansi"):
        services.simpan_aset(data={"garansi_sampai": datetime.date(2023, 1, 1)}, aset_id=aset.pk, oleh=admin_sistem)


def test_it_records_maintenance_but_not_in_the_future(aset, admin_sistem):
    data = {"tanggal": timezone.localdate(), "jenis": "preventif", "uraian": "Ganti kipas", "pelaksana": "Teknisi"}
    services.catat_pemeliharaan(aset_id=aset.pk, data=data, oleh=admin_sistem)
    with pytest.raises(TransisiTidakSah, match="masa depan"):
        services.catat_pemeliharaan(
            aset_id=aset.pk,
            data={**data, "tanggal": timezone.localdate() + datetime.timedelta(days=1)},
            oleh=admin_sistem,
        )
    assert Pemeliharaan.objects.filter(aset=aset).count() == 1


def test_it_records_who_carried_out_an_instruction(instruksi, admin_sistem, buat_staf):
    rekan = buat_staf("rekan.sistem", "pelaksana-adm-sistem")
    services.kerjakan_instruksi(instruksi_id=instruksi.pk, oleh=admin_sistem)
    services.selesaikan_instruksi(
        instruksi_id=instruksi.pk, pelaksana=[admin_sistem, rekan], catatan="SPSE diperbarui", oleh=admin_sistem
    )
    instruksi.refresh_from_db()
    assert instruksi.status == InstruksiLkpp.Status.SELESAI
    assert set(instruksi.pelaksana.all()) == {admin_sistem, rekan}
    with pytest.raises(TransisiTidakSah, match="sudah selesai"):
        services.selesaikan_instruksi(instruksi_id=instruksi.pk, pelaksana=[rekan], catatan="x", oleh=admin_sistem)


def test_it_refuses_to_finish_an_instruction_without_who_and_what(instruksi, admin_sistem):
    with pytest.raises(TransisiTidakSah, match="siapa yang melaksanakan"):
        services.selesaikan_instruksi(instruksi_id=instruksi.pk, pelaksana=[], catatan="x", oleh=admin_sistem)
    with pytest.raises(TransisiTidakSah, match="Catatan pelaksanaan wajib"):
        services.selesaikan_instruksi(
            instruksi_id=instruksi.pk, pelaksana=[admin_sistem], catatan=" ", oleh=admin_sistem
        )


def test_it_flags_an_instruction_past_its_deadline(instruksi):
    InstruksiLkpp.objects.filter(pk=instruksi.pk).update(tenggat=timezone.localdate() - datetime.timedelta(days=1))
    assert list(InstruksiLkpp.objects.lewat_tenggat()) == [instruksi]


def test_it_refuses_a_deadline_before_receipt(admin_sistem):
    with pytest.raises(TransisiTidakSah, match="Tenggat"):
        services.catat_instruksi(
            data={
                "nomor": "1",
                "perihal": "x",
                "tanggal_diterima": timezone.localdate(),
                "isi": "x",
                "tenggat": timezone.localdate() - datetime.timedelta(days=1),
            },
            oleh=admin_sistem,
        )
