"""Pages: readers see the current version and never a draft; forms refuse bad input and save nothing."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from sop.models import SOP, VersiSOP
from sop.tests import alur


def test_it_shows_the_public_the_current_version_while_a_new_one_is_pending(berlaku, kepala_lpse, anonim):
    lama = berlaku(tujuan="Tujuan versi lama")
    alur.diajukan(alur.versi_baru(lama, kepala_lpse, tujuan="Tujuan versi baru"), kepala_lpse)
    halaman = anonim.get(f"/sop/{lama.sop_id}/").content.decode()
    assert "Tujuan versi lama" in halaman
    assert "Tujuan versi baru" not in halaman
    assert "sedang diproses" not in halaman  # the public is not told about drafts at all


def test_it_tells_drafters_that_a_new_version_is_pending(berlaku, kepala_lpse, masuk):
    lama = berlaku()
    alur.versi_baru(lama, kepala_lpse)
    halaman = masuk(kepala_lpse).get(f"/sop/{lama.sop_id}/").content.decode()
    assert "Versi 1.1 sedang diproses" in halaman


@pytest.mark.parametrize("pembaca", ["anonim", "verifikator", "ppk_a"])
def test_it_never_shows_a_draft_to_a_reader(pembaca, draf, request, masuk):
    versi = draf()
    user = request.getfixturevalue(pembaca)
    c = user if pembaca == "anonim" else masuk(user)
    assert c.get(f"/sop/versi/{versi.pk}/").status_code == 404
    assert c.get(f"/sop/versi/{versi.pk}/pdf/").status_code == 404
    assert c.get(f"/sop/{versi.sop_id}/").status_code == 404


def test_it_hides_a_non_public_sop_from_the_public_but_not_from_staff(berlaku, anonim, masuk, verifikator):
    versi = berlaku(publik=False)
    assert anonim.get(f"/sop/{versi.sop_id}/").status_code == 404
    assert versi.sop.kode not in anonim.get("/sop/").content.decode()
    assert masuk(verifikator).get(f"/sop/{versi.sop_id}/").status_code == 200


def test_it_answers_404_to_a_coordinator_of_another_unit_for_a_draft(draf, koordinator_layanan, masuk):
    versi = draf(unit="registrasi")
    c = masuk(koordinator_layanan)
    assert c.get(f"/sop/versi/{versi.pk}/ubah/").status_code == 404
    assert c.post(f"/sop/versi/{versi.pk}/ajukan/").status_code == 404


def test_it_refuses_a_coordinator_editing_the_register_of_another_unit(berlaku, koordinator_layanan, masuk):
    versi = berlaku(unit="registrasi")
    response = masuk(koordinator_layanan).post(
        f"/sop/{versi.sop_id}/ubah/",
        {"kategori": versi.sop.kategori_id, "unit": versi.sop.unit_id, "interval_tinjauan_bulan": 6},
    )
    assert response.status_code == 403
    assert SOP.objects.get(pk=versi.sop_id).interval_tinjauan_bulan == 12


def test_it_refuses_an_effective_date_before_today_in_the_portal_form(diajukan, pembina, masuk):
    versi = diajukan()
    kemarin = (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d-%m-%Y")
    response = masuk(pembina).post(f"/sop/versi/{versi.pk}/setujui/", {"tanggal_berlaku": kemarin})
    assert response.status_code == 200
    assert "tidak boleh sebelum tanggal persetujuan" in response.content.decode()
    assert VersiSOP.objects.get(pk=versi.pk).status == "diajukan"


def test_it_lets_the_pembina_approve_in_the_portal(diajukan, pembina, masuk):
    versi = diajukan()
    nanti = timezone.localdate() + datetime.timedelta(days=3)
    response = masuk(pembina).post(
        f"/sop/versi/{versi.pk}/setujui/", {"tanggal_berlaku": nanti.isoformat()}, follow=True
    )
    assert "Versi SOP disetujui" in response.content.decode()
    versi.refresh_from_db()
    assert (versi.status, versi.tanggal_berlaku) == ("disetujui", nanti)


@pytest.mark.parametrize("peran", ["kepala_lpse", "sekretaris", "sistem"])
def test_it_refuses_a_crafted_approval_post_in_the_portal(peran, diajukan, request, masuk):
    versi = diajukan()
    response = masuk(request.getfixturevalue(peran)).post(
        f"/sop/versi/{versi.pk}/setujui/", {"tanggal_berlaku": timezone.localdate().isoformat()}
    )
    assert response.status_code == 403
    assert VersiSOP.objects.get(pk=versi.pk).status == "diajukan"


def test_it_refuses_a_second_draft_in_the_portal_with_a_clear_message(berlaku, kepala_lpse, sekretaris, masuk):
    lama = berlaku()
    alur.versi_baru(lama, kepala_lpse)
    response = masuk(sekretaris).post(
        f"/sop/{lama.sop_id}/versi/baru/", {"jenis": "mayor", "alasan_perubahan": "Lagi"}, follow=True
    )
    assert "sudah memiliki versi yang sedang diproses" in response.content.decode()
    assert lama.sop.versi.count() == 2


def test_it_refuses_a_return_without_notes_in_the_portal(diajukan, pembina, masuk):
    versi = diajukan()
    response = masuk(pembina).post(f"/sop/versi/{versi.pk}/kembalikan/", {"catatan": ""})
    assert response.status_code == 200
    assert VersiSOP.objects.get(pk=versi.pk).status == "diajukan"


def test_it_creates_an_sop_and_saves_a_draft_with_ordered_steps(kepala_lpse, masuk):
    from organisasi.models import Unit
    from sop.models import Kategori

    c = masuk(kepala_lpse)
    response = c.post(
        "/sop/baru/",
        {
            "kode": "SOP-LPSE/LY-01",
            "judul": "Layanan konsultasi",
            "kategori": Kategori.objects.get(kode="layanan-pengguna").pk,
            "unit": Unit.objects.get(kode="layanan").pk,
            "publik": "on",
            "interval_tinjauan_bulan": 12,
        },
    )
    versi = VersiSOP.objects.get(sop__kode="SOP-LPSE/LY-01")
    assert response.url == f"/sop/versi/{versi.pk}/ubah/"
    data = {
        "judul": "Layanan konsultasi",
        "tujuan": "Menjawab pertanyaan",
        "ruang_lingkup": "Penyedia",
        "langkah-TOTAL_FORMS": "3",
        "langkah-INITIAL_FORMS": "0",
        "langkah-0-ORDER": "2",
        "langkah-0-uraian": "Menjawab",
        "langkah-0-pelaksana": "Petugas layanan",
        "langkah-1-ORDER": "1",
        "langkah-1-uraian": "Menerima pertanyaan",
        "langkah-1-pelaksana": "Petugas layanan",
        "langkah-2-ORDER": "",
    }
    assert c.post(f"/sop/versi/{versi.pk}/ubah/", data).status_code == 302
    assert [s.uraian for s in versi.langkah.all()] == ["Menerima pertanyaan", "Menjawab"]


def test_it_refuses_a_step_without_a_responsible_role_on_the_form(draf, kepala_lpse, masuk):
    versi = draf()
    data = {
        "judul": "X",
        "langkah-TOTAL_FORMS": "1",
        "langkah-INITIAL_FORMS": "0",
        "langkah-0-uraian": "Sesuatu",
        "langkah-0-pelaksana": "",
    }
    response = masuk(kepala_lpse).post(f"/sop/versi/{versi.pk}/ubah/", data)
    assert response.status_code == 200
    assert "Pelaksana wajib diisi" in response.content.decode()
    assert VersiSOP.objects.get(pk=versi.pk).judul != "X"


def test_it_refuses_a_bad_scan_and_leaves_no_file(draf, kepala_lpse, masuk, settings):
    from lpse_portal.tests import berkas_uji as b

    versi = draf()
    data = {
        "judul": "X",
        "langkah-TOTAL_FORMS": "0",
        "langkah-INITIAL_FORMS": "0",
        "berkas_ttd": b.unggahan("ttd.pdf", b.png_sah()),
    }
    response = masuk(kepala_lpse).post(f"/sop/versi/{versi.pk}/ubah/", data)
    assert "bukan PDF yang sah" in response.content.decode()
    assert not VersiSOP.objects.get(pk=versi.pk).berkas_ttd
    assert not (settings.MEDIA_ROOT / "sop").exists()


def test_it_serves_a_pdf_with_the_approval_block_and_page_numbers(berlaku, anonim):
    versi = berlaku()
    response = anonim.get(f"/sop/versi/{versi.pk}/pdf/")
    assert response["Content-Type"] == "application/pdf"
    teks = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Halaman 1 dari" in teks
    assert versi.hash_isi in teks.replace("\n", "")
    assert versi.nama_penyetuju in teks
    assert "Versi" in teks and versi.nomor in teks


def test_it_marks_a_draft_pdf_as_not_approved(draf, kepala_lpse, masuk):
    versi = draf()
    response = masuk(kepala_lpse).get(f"/sop/versi/{versi.pk}/pdf/")
    teks = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "DRAF" in teks


def _jumlah_query(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _banyak_sop(contoh, n, awal=0):
    """Copies of one SOP built through the services (current version plus a pending draft).

    Only the row count matters to a query budget, so the copies are inserted in bulk: building
    fifty SOPs through the whole workflow would cost more time than it proves.
    """
    from django.forms.models import model_to_dict

    sop, versi = contoh.sop, list(contoh.sop.versi.all())
    salinan = SOP.objects.bulk_create(
        SOP(**{**model_to_dict(sop, exclude=["id", "kategori", "unit", "dibuat_oleh"]), "kode": f"SOP-Q-{i:03d}"},
            kategori_id=sop.kategori_id, unit_id=sop.unit_id)
        for i in range(awal, awal + n)
    )  # fmt: skip
    VersiSOP.objects.bulk_create(
        VersiSOP(
            **model_to_dict(v, exclude=["id", "sop", "disusun_oleh", "ditinjau_oleh", "disetujui_oleh", "berkas_ttd"]),
            sop=s,
            disetujui_oleh_id=v.disetujui_oleh_id,
        )
        for s in salinan
        for v in versi
    )


BATAS_QUERY = {"/sop/": 10, "/sop/daftar/": 12, "/sop/cakupan/": 12, "/sop/tinjauan/": 12, "/sop/antrean/": 12}


def test_it_lists_with_a_fixed_number_of_queries(berlaku, kepala_lpse, masuk):
    # Every list page: 5 SOPs (each current with a pending draft), then 50.
    contoh = berlaku()
    alur.diajukan(alur.versi_baru(contoh, kepala_lpse), kepala_lpse)
    c = masuk(kepala_lpse)
    # Warm-up: the first request of a staff session writes it once (idle timeout), and the
    # first reading of the calendar is kept (lpse_portal/tersimpan.py).
    for url in BATAS_QUERY:
        c.get(url)
    _banyak_sop(contoh, 4)
    sedikit = {url: _jumlah_query(c, url) for url in BATAS_QUERY}
    _banyak_sop(contoh, 45, awal=4)
    banyak = {url: _jumlah_query(c, url) for url in BATAS_QUERY}
    assert banyak == sedikit
    assert all(banyak[url] <= batas for url, batas in BATAS_QUERY.items()), banyak


def test_it_does_not_tell_a_reader_about_drafts_in_lists(berlaku, draf, kepala_lpse, verifikator, masuk):
    lama = berlaku(kode="SOP-TERBIT")
    alur.versi_baru(lama, kepala_lpse)
    draf(kode="SOP-HANYA-DRAF", kategori="layanan-pengguna", unit="layanan")
    c = masuk(verifikator)
    for url in ("/sop/daftar/", "/sop/cakupan/", "/sop/"):
        halaman = c.get(url).content.decode()
        assert "SOP-TERBIT" in halaman, url
        assert "SOP-HANYA-DRAF" not in halaman and "Draf" not in halaman, url


def test_it_marks_the_pdf_of_a_superseded_version_even_after_caching_it(berlaku, kepala_lpse, pembina, anonim):
    lama = berlaku()
    url = f"/sop/versi/{lama.pk}/pdf/"
    assert "VERSI LAMA" not in PdfReader(io.BytesIO(anonim.get(url).content)).pages[0].extract_text()
    alur.disetujui(alur.versi_baru(lama, kepala_lpse), kepala_lpse, pembina)
    assert "VERSI LAMA" in PdfReader(io.BytesIO(anonim.get(url).content)).pages[0].extract_text()


def test_it_shows_a_newly_approved_sop_on_the_cached_public_list_at_once(berlaku):
    from django.test import Client

    assert "SOP-BARU-PUBLIK" not in Client().get("/sop/").content.decode()
    berlaku(kode="SOP-BARU-PUBLIK")
    assert "SOP-BARU-PUBLIK" in Client().get("/sop/").content.decode()


def test_it_shows_the_oldest_of_a_long_queue_group_and_how_many_there_are(berlaku, kepala_lpse, masuk, monkeypatch):
    from sop.views import dasbor

    monkeypatch.setattr(dasbor, "PER_KELOMPOK", 2)
    contoh = berlaku()
    alur.diajukan(alur.versi_baru(contoh, kepala_lpse), kepala_lpse)
    _banyak_sop(contoh, 3)  # four SOPs, each with a submitted version
    halaman = masuk(kepala_lpse).get("/sop/antrean/").content.decode()
    tabel = halaman.split('data-status="diajukan"')[1].split("</table>")[0]
    assert tabel.count("<tr>") == 1 + 2  # the header and the two oldest
    assert "Menampilkan 2 versi terlama dari 4" in halaman
