"""Pages of the registrasi app: scope, masking, the viewer, the archive and query budgets."""

import io
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lpse_portal.models import AksesDataPribadi
from registrasi.models import Dokumen, Penyedia


def test_it_lists_the_requirements_per_form_of_business(client, db):
    halaman = client.get("/registrasi/persyaratan/").content.decode()
    for teks in ("Perseroan Terbatas (PT)", "Usaha perorangan", "Akta pendirian", "Bukti Konfirmasi Status Wajib"):
        assert teks in halaman
    assert "bila pendaftar bukan direktur/pemilik" in halaman


def test_it_gives_vendor_a_404_for_vendor_bs_documents_and_status(penyedia_a, penyedia_b, masuk):
    b = Penyedia.objects.get(user=penyedia_b)
    c = masuk(penyedia_a)
    assert c.get(f"/registrasi/pendaftaran/{b.pendaftaran.pk}/").status_code == 404
    for dok in b.dokumen.all():
        assert c.get(f"/registrasi/dokumen/{dok.pk}/berkas/").status_code == 404
    sendiri = Penyedia.objects.get(user=penyedia_a)
    assert c.get(f"/registrasi/pendaftaran/{sendiri.pendaftaran.pk}/").status_code == 200
    assert c.get(f"/registrasi/dokumen/{sendiri.dokumen.first().pk}/berkas/").status_code == 200


def test_it_gives_an_applicant_a_404_for_another_registration(client, draf, penyedia_a):
    from conftest import KATA_SANDI

    client.post("/registrasi/lanjutkan/", {"user_id": draf.penyedia.user.username, "kata_sandi": KATA_SANDI})
    lain = Penyedia.objects.get(user=penyedia_a)
    assert client.get(f"/registrasi/pendaftaran/{draf.pk}/").status_code == 200
    assert client.get(f"/registrasi/pendaftaran/{lain.pendaftaran.pk}/").status_code == 404
    assert client.get(f"/registrasi/dokumen/{lain.dokumen.first().pk}/berkas/").status_code == 404


def test_it_serves_the_viewer_inline_sandboxed_and_records_it(diverifikasi, verifikator, masuk):
    dok = diverifikasi.dokumen_terkini().first()
    response = masuk(verifikator).get(f"/registrasi/dokumen/{dok.pk}/berkas/?lihat=1")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "DENY"
    assert "sandbox" in response["Content-Security-Policy"]
    assert AksesDataPribadi.objects.filter(pengguna=verifikator, jenis="lihat", object_id=dok.pk).exists()


def test_it_masks_the_npwp_in_the_vendor_list_and_records_the_full_view(penyedia_a, verifikator, masuk):
    penyedia = Penyedia.objects.get(user=penyedia_a)
    c = masuk(verifikator)
    daftar = c.get("/registrasi/penyedia/").content.decode()
    assert penyedia.npwp not in daftar and penyedia.npwp[-4:] in daftar
    penuh = c.get(f"/registrasi/penyedia/{penyedia.pk}/identitas/").content.decode()
    assert penyedia.npwp_tampil in penuh
    assert AksesDataPribadi.objects.filter(pengguna=verifikator, object_id=penyedia.pk, jenis="lihat").exists()


def test_it_finds_a_vendor_by_user_id_or_its_npwp(penyedia_a, penyedia_b, verifikator, masuk):
    from urllib.parse import quote

    c = masuk(verifikator)
    b = Penyedia.objects.get(user=penyedia_b)
    assert "penyedia.b" in c.get("/registrasi/penyedia/?q=penyedia.b").content.decode()
    halaman = c.get(f"/registrasi/penyedia/?q={quote(b.npwp_tampil)}").content.decode()
    assert b.nama in halaman and Penyedia.objects.get(user=penyedia_a).nama not in halaman


def test_it_exports_every_version_as_a_zip_with_an_index_pdf(diverifikasi, verifikator, masuk, pdf):
    from registrasi import services

    dok = diverifikasi.dokumen_terkini().first()
    from registrasi.models import AlasanTidakValid

    alasan = AlasanTidakValid.objects.get(kode="tidak-terbaca").pk
    services.periksa_dokumen(dokumen_id=dok.pk, hasil="tidak_valid", alasan_id=alasan, oleh=verifikator)
    services.kembalikan_pendaftaran(pendaftaran_id=diverifikasi.pk, catatan="", oleh=verifikator)
    services.unggah_dokumen(
        pendaftaran_id=diverifikasi.pk, jenis_id=dok.jenis_id, berkas=pdf(), nomor="N", oleh=diverifikasi.penyedia.user
    )
    response = masuk(verifikator).get(f"/registrasi/penyedia/{diverifikasi.penyedia_id}/arsip/")
    assert response.status_code == 200
    arsip = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    nama = arsip.namelist()
    assert nama[0] == "00-indeks.pdf" and arsip.read(nama[0]).startswith(b"%PDF-")
    assert len(nama) == 1 + Dokumen.objects.filter(penyedia=diverifikasi.penyedia).count()
    assert any(n.endswith(".pdf") and "/v2-" in n for n in nama)
    assert AksesDataPribadi.objects.filter(pengguna=verifikator, jenis="ekspor").count() == 1


def test_it_filters_the_queue_by_pre_check_flag_and_form_of_business(penyedia_factory, verifikator, masuk):
    from registrasi.models import Pendaftaran

    bersih = penyedia_factory("cv.bersih", status="diajukan")
    pt = penyedia_factory("pt.flag", status="diajukan", bentuk="pt")
    Pendaftaran.objects.filter(pk=pt.pk).update(pra_duplikat=True)
    c = masuk(verifikator)
    halaman = c.get("/registrasi/verifikasi/?temuan=duplikat").content.decode()
    assert pt.penyedia.nama in halaman and bersih.penyedia.nama not in halaman
    halaman = c.get(f"/registrasi/verifikasi/?bentuk_usaha={bersih.penyedia.bentuk_usaha_id}").content.decode()
    assert bersih.penyedia.nama in halaman and pt.penyedia.nama not in halaman


def test_it_lists_the_queue_oldest_first(penyedia_factory, verifikator, masuk):
    lama = penyedia_factory("cv.lama", status="diajukan")
    baru = penyedia_factory("cv.baru", status="diajukan")
    halaman = masuk(verifikator).get("/registrasi/verifikasi/").content.decode()
    assert halaman.index(lama.penyedia.nama) < halaman.index(baru.penyedia.nama)


def _jumlah_query(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/registrasi/verifikasi/", "/registrasi/penyedia/"])
def test_it_lists_with_a_fixed_number_of_queries(url, verifikator, masuk, penyedia_factory, settings):
    from registrasi.models import Pendaftaran

    # The budget of a request whose page count is not kept yet (lpse_portal/paginasi.py); the
    # bulk copies below would not bump a kept count.
    settings.PAGINASI_SIMPAN_HITUNGAN = False

    for i in range(5):
        penyedia_factory(f"cv.sedikit{i}", status="diajukan")
    c = masuk(verifikator)
    c.get(url)  # the first request of a session saves it; count from the second on
    sedikit = _jumlah_query(c, url)
    # 45 more rows through bulk copies of the submitted files: the page size is what matters.
    contoh = Pendaftaran.objects.select_related("penyedia__user").filter(status="diajukan").first()
    _salin(contoh, 45)
    banyak = _jumlah_query(c, url)
    assert Pendaftaran.objects.filter(status="diajukan").count() == 50
    assert banyak == sedikit
    assert banyak <= 12


def _salin(contoh, n):
    """Copies of a submitted registration (new account, vendor, documents) without the services:
    a query budget needs many rows quickly."""
    from organisasi.models import User
    from registrasi.models import Pendaftaran
    from registrasi.tests.pabrik import nib_uji, nik_uji, npwp_uji

    for i in range(n):
        user = User.objects.create(username=f"salinan.{i}", is_active=False)
        penyedia = Penyedia.objects.get(pk=contoh.penyedia_id)
        penyedia.pk = None
        penyedia.user = user
        penyedia.nama = f"CV Salinan {i}"
        penyedia.npwp, penyedia.nib, penyedia.pj_nik = npwp_uji(7000 + i), nib_uji(7000 + i), nik_uji(7000 + i)
        penyedia.email = f"salinan{i}@usaha.contoh.id"
        penyedia.save()
        p = Pendaftaran.objects.get(pk=contoh.pk)
        p.pk = None
        p.penyedia = penyedia
        p.save()
        for dok in Dokumen.objects.filter(pendaftaran=contoh):
            dok.pk = None
            dok.penyedia = penyedia
            dok.pendaftaran = p
            dok.save()


def _csv(response):
    import csv

    assert response.streaming
    teks = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(teks)))


def test_it_exports_the_filtered_vendor_list_as_streamed_csv_without_nik(verifikator, masuk, penyedia_factory):
    penyedia_factory("cv.ekspor1")
    penyedia_factory("cv.ekspor2", status="diajukan")
    c = masuk(verifikator)
    semua = _csv(c.get("/registrasi/penyedia/ekspor.csv"))
    aktif = _csv(c.get("/registrasi/penyedia/ekspor.csv?status=aktif"))
    assert semua[0][:2] == ["User ID", "Nama penyedia"]
    assert len(semua) - 1 == Penyedia.objects.count()
    assert len(aktif) - 1 == Penyedia.objects.filter(status="aktif").count() < len(semua) - 1
    niks = set(Penyedia.objects.values_list("pj_nik", flat=True))
    assert not any(sel in niks for baris in semua for sel in baris)
    assert AksesDataPribadi.objects.filter(pengguna=verifikator, jenis="ekspor").count() == 2


def test_it_keeps_a_vendor_name_that_looks_like_a_formula_as_text(verifikator, masuk, penyedia_factory):
    p = Penyedia.objects.get(pk=penyedia_factory("cv.rumus").penyedia_id)
    Penyedia.objects.filter(pk=p.pk).update(nama="=HYPERLINK(1)")
    baris = _csv(masuk(verifikator).get("/registrasi/penyedia/ekspor.csv"))
    assert [b[1] for b in baris if "HYPERLINK" in b[1]] == ["'=HYPERLINK(1)"]


def test_it_exports_in_a_fixed_number_of_queries(verifikator, masuk, penyedia_factory):
    for i in range(5):
        penyedia_factory(f"cv.hitung{i}", status="diajukan")
    c = masuk(verifikator)
    c.get("/registrasi/penyedia/")

    def jumlah():
        with CaptureQueriesContext(connection) as ctx:
            _csv(c.get("/registrasi/penyedia/ekspor.csv"))
        return len(ctx.captured_queries)

    sedikit = jumlah()
    _salin(Penyedia.objects.filter(status="nonaktif").first().pendaftaran, 45)
    assert jumlah() == sedikit <= 10
