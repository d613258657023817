"""Pages of layanan: public forms refuse bad input and abuse, token links stay on their ticket,
the queue runs a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from layanan import services, tautan
from layanan.models import KategoriTiket, LampiranTiket, Masukan, Tiket
from lpse_portal.tests import berkas_uji as b


def _form_tiket(**ubah):
    data = {
        "nama_pelapor": "Budi",
        "email_pelapor": "budi@contoh.co.id",
        "jenis": "konsultasi",
        "kategori": KategoriTiket.objects.get(kode="tender").pk,
        "aplikasi": "spse",
        "judul": "Cara unggah dokumen penawaran",
        "uraian": "Bagaimana caranya?",
    }
    data.update(ubah)
    return data


def _lacak(tiket):
    return reverse("layanan:tiket_lacak", kwargs={"nomor": tiket.nomor, "token": tautan.token_tiket(tiket)})


def test_it_opens_a_ticket_without_login_and_shows_its_token_page(anonim, db):
    r = anonim.post(reverse("layanan:tiket_create"), _form_tiket(), follow=True)
    tiket = Tiket.objects.get()
    # The token is signed with a timestamp: compare what it proves, not its bytes.
    *awal, nomor, token = r.redirect_chain[-1][0].rstrip("/").split("/")
    assert nomor == tiket.nomor and tautan.token_tiket_cocok(tiket, token)
    assert tiket.nomor in r.content.decode() and tiket.pelapor is None


def test_it_lists_a_logged_in_requesters_tickets_under_my_tickets(masuk, penyedia_a, buat_tiket):
    buat_tiket(oleh=penyedia_a, judul="Tiket milik A")
    buat_tiket(judul="Tiket orang lain")
    isi = masuk(penyedia_a).get(reverse("layanan:tiket_saya")).content.decode()
    assert "Tiket milik A" in isi and "Tiket orang lain" not in isi


def test_it_limits_many_tickets_from_one_address(anonim, db):
    url = reverse("layanan:tiket_create")
    for _ in range(10):
        anonim.post(url, _form_tiket())
    r = anonim.post(url, _form_tiket())
    assert r.status_code == 429 and "Terlalu banyak" in r.content.decode()
    assert Tiket.objects.count() == 10


@pytest.mark.parametrize(
    "berkas, pesan",
    [
        (b.unggahan("bukti.pdf", b.pdf_javascript()), "JavaScript"),
        (b.unggahan("bukti.pdf", b.pdf_terenkripsi()), "terenkripsi"),
        (b.unggahan("bukti.pdf", b"MZ\x90\x00 bukan pdf"), "bukan"),
        (b.unggahan("bukti.pdf", b.pdf_terpotong()), "terpotong"),
    ],
)
def test_it_refuses_a_bad_attachment_and_saves_nothing(anonim, db, berkas, pesan, settings):
    r = anonim.post(reverse("layanan:tiket_create"), {**_form_tiket(), "lampiran": berkas})
    assert r.status_code == 200 and pesan in r.content.decode()
    assert not Tiket.objects.exists() and not LampiranTiket.objects.exists()


def test_it_saves_good_attachments_and_serves_them_through_the_token_link(anonim, db):
    anonim.post(reverse("layanan:tiket_create"), {**_form_tiket(), "lampiran": b.unggahan("layar.pdf", b.pdf_sah())})
    tiket = Tiket.objects.get()
    lampiran = tiket.lampiran.get()
    url = reverse(
        "layanan:tiket_lampiran_token",
        kwargs={"nomor": tiket.nomor, "token": tautan.token_tiket(tiket), "pk": lampiran.pk},
    )
    r = anonim.get(url)
    assert r.status_code == 200 and r["Content-Disposition"].startswith("attachment")


def test_it_answers_404_to_a_token_of_another_ticket(anonim, buat_tiket):
    a, b_ = buat_tiket(), buat_tiket(nama_pelapor="Requester B")
    url = reverse("layanan:tiket_lacak", kwargs={"nomor": b_.nomor, "token": tautan.token_tiket(a)})
    assert anonim.get(url).status_code == 404
    assert anonim.post(url, {"isi": "menyusup"}).status_code == 404
    assert not b_.balasan.exists()


def test_it_answers_404_to_a_forged_token(anonim, buat_tiket):
    tiket = buat_tiket()
    url = reverse("layanan:tiket_lacak", kwargs={"nomor": tiket.nomor, "token": f"[{tiket.pk},'tebakan']:palsu"})
    assert anonim.get(url).status_code == 404


def test_it_hides_internal_notes_from_the_token_page(anonim, buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    services.balas_tiket(tiket_id=tiket.pk, isi="RAHASIA-INTERNAL", internal=True, oleh=petugas_layanan)
    services.balas_tiket(tiket_id=tiket.pk, isi="Balasan publik", oleh=petugas_layanan)
    isi = anonim.get(_lacak(tiket)).content.decode()
    assert "Balasan publik" in isi and "RAHASIA-INTERNAL" not in isi


def test_it_lets_the_requester_reply_through_the_token_link(anonim, buat_tiket, petugas_layanan):
    tiket = buat_tiket()
    services.balas_tiket(tiket_id=tiket.pk, isi="Kirim tangkapan layar", tunggu_pengguna=True, oleh=petugas_layanan)
    anonim.post(_lacak(tiket), {"isi": "Ini tangkapan layarnya"})
    assert Tiket.objects.get(pk=tiket.pk).status == "ditangani"


def test_it_gives_requester_a_404_for_requester_bs_ticket_in_the_staff_pages(masuk, penyedia_a, penyedia_b, buat_tiket):
    tiket_b = buat_tiket(oleh=penyedia_b)
    assert Tiket.objects.visible_to(penyedia_a).filter(pk=tiket_b.pk).count() == 0
    assert masuk(penyedia_a).get(reverse("layanan:tiket_detail", args=[tiket_b.pk])).status_code == 403


def test_it_refuses_a_satisfaction_answer_before_resolution_with_a_message(anonim, buat_tiket):
    tiket = buat_tiket()
    url = reverse("layanan:tiket_kepuasan", kwargs={"nomor": tiket.nomor, "token": tautan.token_tiket(tiket)})
    r = anonim.post(url, {"nilai": 5}, follow=True)
    assert "belum diselesaikan" in r.content.decode()


def test_it_refuses_a_second_registration_on_the_public_page_with_a_message(anonim, buat_pelatihan):
    pelatihan = buat_pelatihan()
    url = reverse("layanan:pelatihan_detail", args=[pelatihan.pk])
    data = {"nama": "Ani", "email": "ani@contoh.id"}
    anonim.post(url, data)
    r = anonim.post(url, data)
    assert "sudah terdaftar" in r.content.decode() and pelatihan.peserta.count() == 1


def test_it_searches_the_help_centre_with_full_text_search(anonim, petugas_layanan):
    for judul, isi in [
        ("Lupa kata sandi SPSE", "Gunakan menu lupa kata sandi pada halaman masuk."),
        ("Mengunggah dokumen penawaran", "Dokumen penawaran dienkripsi sebelum diunggah."),
        ("Draf rahasia", "kata sandi"),
    ]:
        services.simpan_artikel(
            data={"judul": judul, "jenis": "tanya_jawab", "isi": isi, "terbit": judul != "Draf rahasia"},
            oleh=petugas_layanan,
        )
    isi = anonim.get(reverse("layanan:bantuan"), {"q": "sandi"}).content.decode()
    assert "Lupa kata sandi SPSE" in isi and "Mengunggah" not in isi and "Draf rahasia" not in isi
    # the stemmer finds "penawaran" from "menawar"-less queries like "penawaran dokumen"
    assert "Mengunggah dokumen" in anonim.get(reverse("layanan:bantuan"), {"q": "dokumen penawaran"}).content.decode()


def test_it_has_a_gin_index_for_the_help_centre_search(db):
    with connection.cursor() as c:
        c.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'artikel_fts_idx'")
        (definisi,) = c.fetchone()
    assert "USING gin" in definisi and "indonesian" in definisi


def test_it_shows_a_genuine_certificate_on_the_public_verification_page(anonim, db):
    assert (
        "tidak ditemukan"
        in anonim.get(reverse("layanan:sertifikat_verifikasi"), {"kode": "ZZZZZ-ZZZZZ"}).content.decode()
    )


def test_it_counts_feedback_per_category_for_the_reports(anonim, db):
    url = reverse("layanan:masukan_create")
    for kategori in ("pelayanan", "pelayanan", "spse"):
        anonim.post(url, {"pengirim": "publik", "kategori": kategori, "nama": "A", "email": "a@b.id", "isi": "Saran"})
    rekap = {(r["kategori"], r["status"]): r["jumlah"] for r in Masukan.objects.rekap()}
    assert rekap == {("pelayanan", "baru"): 2, ("spse", "baru"): 1}


def test_it_answers_feedback_by_e_mail(masuk, petugas_layanan, django_capture_on_commit_callbacks):
    from django.core import mail

    m = services.kirim_masukan(
        data={"kategori": "spse", "pengirim": "pejabat", "nama": "PPK", "email": "ppk@x.id", "isi": "?"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        masuk(petugas_layanan).post(reverse("layanan:masukan_detail", args=[m.pk]), {"jawaban": "Terima kasih."})
    assert Masukan.objects.get(pk=m.pk).status == "dijawab" and mail.outbox[0].to == ["ppk@x.id"]


# --- query budget ------------------------------------------------------------------------------------------


def _jumlah_kueri(client, url):
    with CaptureQueriesContext(connection) as q:
        assert client.get(url).status_code == 200
    return len(q)


def test_it_runs_the_staff_queue_in_a_fixed_number_of_queries(masuk, petugas_layanan, buat_tiket, settings):
    settings.PAGINASI_SIMPAN_HITUNGAN = False  # the budget of a request that counts (lpse_portal/paginasi.py)
    client = masuk(petugas_layanan)
    url = reverse("layanan:tiket_list") + "?status=semua"
    for i in range(5):
        t = buat_tiket(judul=f"Tiket {i}")
        services.balas_tiket(tiket_id=t.pk, isi="Halo", oleh=petugas_layanan)
    client.get(url)  # warm caches (content types, session)
    sedikit = _jumlah_kueri(client, url)
    for i in range(45):
        t = buat_tiket(judul=f"Tiket lagi {i}", jenis="pengaduan", tingkat="ringan")
        services.balas_tiket(tiket_id=t.pk, isi="Halo", tunggu_pengguna=bool(i % 2), oleh=petugas_layanan)
    banyak = _jumlah_kueri(client, url)
    assert sedikit == banyak
    assert banyak <= 15


def test_it_counts_the_queue_again_only_after_a_ticket_changes(masuk, petugas_layanan, buat_tiket):
    client = masuk(petugas_layanan)
    url = reverse("layanan:tiket_list")
    buat_tiket(judul="Pertama")
    client.get(url)
    sekali = _jumlah_kueri(client, url)
    assert _jumlah_kueri(client, url) == sekali
    buat_tiket(judul="Kedua")
    assert _jumlah_kueri(client, url) == sekali + 1  # counted again, once
    halaman = client.get(url).content.decode()
    assert "Pertama" in halaman and "Kedua" in halaman


def test_it_shows_green_amber_red_in_the_queue(masuk, petugas_layanan, buat_tiket):
    import datetime as dt

    import time_machine

    from organisasi.kalender import WITA

    with time_machine.travel(dt.datetime(2026, 11, 23, 8, tzinfo=WITA), tick=False):
        buat_tiket(jenis="pengaduan", tingkat="ringan", judul="merah")
    with time_machine.travel(dt.datetime(2026, 11, 23, 12, tzinfo=WITA), tick=False):
        buat_tiket(jenis="usulan", judul="tanpa")
        isi = masuk(petugas_layanan).get(reverse("layanan:tiket_list")).content.decode()
    assert 'data-sla="merah"' in isi and 'data-sla=""' in isi
