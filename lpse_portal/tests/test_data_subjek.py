"""Subject access (UU 27/2022 Pasal 32): one command gathers what every app holds about a person."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from layanan.tests.conftest import data_tiket
from lpse_portal.models import AksesDataPribadi


def _ekspor(email, oleh="kepala", alasan="Surat 12/XI/2026"):
    keluaran = StringIO()
    call_command("ekspor_data_subjek", email=email, oleh=oleh, alasan=alasan, stdout=keluaran)
    return json.loads(keluaran.getvalue())


def test_it_gathers_the_vendor_its_documents_and_its_tickets(kepala_lpse, penyedia_a):
    from layanan import services as layanan

    penyedia = penyedia_a.penyedia
    layanan.buat_tiket(data=data_tiket(email_pelapor=penyedia_a.email.upper()), oleh=None)

    data = _ekspor(penyedia_a.email)["data"]

    assert data["registrasi"]["penyedia"][0]["nik_penanggung_jawab"] == penyedia.pj_nik
    assert data["registrasi"]["penyedia"][0]["npwp"] == penyedia.npwp
    assert len(data["registrasi"]["dokumen"]) == penyedia.dokumen.count() > 0
    assert data["layanan"]["tiket"][0]["judul"] == "Tidak bisa masuk SPSE"
    assert data["organisasi"]["akun"][0]["nama_pengguna"] == penyedia_a.username


def test_it_records_the_export_in_the_access_audit(kepala_lpse, penyedia_a):
    _ekspor(penyedia_a.email)

    akses = AksesDataPribadi.objects.get()
    assert akses.pengguna == kepala_lpse
    assert akses.jenis == AksesDataPribadi.Jenis.EKSPOR
    assert penyedia_a.email in akses.objek


def test_it_answers_an_unknown_person_with_empty_data(kepala_lpse):
    assert _ekspor("tidak.ada@contoh.co.id")["data"] == {}


def test_it_refuses_an_unknown_officer_or_an_empty_basis(kepala_lpse, penyedia_a):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        _ekspor(penyedia_a.email, oleh="siapa")
    with pytest.raises(CommandError, match="Dasar permintaan wajib"):
        _ekspor(penyedia_a.email, alasan="  ")
    assert not AksesDataPribadi.objects.exists()
