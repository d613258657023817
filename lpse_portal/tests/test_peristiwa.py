"""Event rows: chained by hash, append-only in PostgreSQL, and a tampered row is named."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.utils import InternalError

from lpse_portal.models import Peristiwa
from lpse_portal.peristiwa import catat_peristiwa, periksa_rantai


def _tiga_peristiwa(objek, oleh):
    with transaction.atomic():
        for i in range(3):
            catat_peristiwa(objek, oleh=oleh, aksi=f"langkah{i}", dari=str(i), ke=str(i + 1), ip="10.0.0.1")


def test_it_chains_each_event_to_the_previous_one(sekretaris):
    _tiga_peristiwa(sekretaris, sekretaris)
    rantai = list(Peristiwa.objects.filter(rantai="organisasi.user", aksi__startswith="langkah").order_by("urutan"))
    for sebelum, sesudah in zip(rantai, rantai[1:], strict=False):
        assert sesudah.hash_sebelumnya == sebelum.hash
    assert periksa_rantai() == []


def test_it_refuses_to_update_or_delete_an_event_row(sekretaris):
    _tiga_peristiwa(sekretaris, sekretaris)
    p = Peristiwa.objects.filter(aksi="langkah1").get()
    with pytest.raises(InternalError, match="hanya boleh ditambah"), transaction.atomic():
        Peristiwa.objects.filter(pk=p.pk).update(catatan="diubah")
    with pytest.raises(InternalError, match="hanya boleh ditambah"), transaction.atomic():
        Peristiwa.objects.filter(pk=p.pk).delete()


def _ubah_diam_diam(pk, **nilai):
    """What an attacker with database access would do: bypass the append-only trigger."""
    with connection.cursor() as c:
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
        c.execute("ALTER TABLE lpse_portal_peristiwa DISABLE TRIGGER USER")
        Peristiwa.objects.filter(pk=pk).update(**nilai)
        c.execute("ALTER TABLE lpse_portal_peristiwa ENABLE TRIGGER USER")


def test_it_reports_exactly_the_row_that_was_changed(sekretaris, capsys):
    _tiga_peristiwa(sekretaris, sekretaris)
    diubah = Peristiwa.objects.get(aksi="langkah1")
    _ubah_diam_diam(diubah.pk, ke="dipalsukan")
    with pytest.raises(CommandError):
        call_command("verify_audit_chain")
    keluaran = capsys.readouterr().err
    assert f"id={diubah.pk}" in keluaran
    assert "isi baris telah diubah" in keluaran
    assert keluaran.count("RUSAK") == 1


def test_it_reports_a_deleted_row(sekretaris):
    _tiga_peristiwa(sekretaris, sekretaris)
    dihapus = Peristiwa.objects.get(aksi="langkah1")
    with connection.cursor() as c:
        c.execute("SET CONSTRAINTS ALL IMMEDIATE")
        c.execute("ALTER TABLE lpse_portal_peristiwa DISABLE TRIGGER USER")
        Peristiwa.objects.filter(pk=dihapus.pk).delete()
        c.execute("ALTER TABLE lpse_portal_peristiwa ENABLE TRIGGER USER")
    rusak = periksa_rantai("organisasi.user")
    assert len(rusak) == 1
    assert rusak[0].urutan == dihapus.urutan


def test_it_passes_an_intact_chain(sekretaris, capsys):
    _tiga_peristiwa(sekretaris, sekretaris)
    call_command("verify_audit_chain")
    assert "utuh" in capsys.readouterr().out
