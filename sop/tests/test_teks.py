"""Safe rich text: typed HTML and scripts are shown as text, never run; the diff is escaped too."""

import pytest

from sop.teks import banding, markdown_aman
from sop.tests import alur

SERANGAN = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_it_renders_markdown_emphasis_and_lists():
    html = markdown_aman("**penting**\n\n- satu\n- dua")
    assert "<strong>penting</strong>" in html and "<li>satu</li>" in html


def test_it_shows_typed_html_as_text():
    html = markdown_aman(SERANGAN)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html


@pytest.mark.parametrize("tautan", ["javascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:x"])
def test_it_drops_links_with_dangerous_schemes(tautan):
    html = markdown_aman(f"[klik]({tautan})")
    assert "href" not in html and "klik" in html


def test_it_keeps_https_links_without_opener_access():
    html = markdown_aman("[LKPP](https://lkpp.go.id)")
    assert 'href="https://lkpp.go.id"' in html and 'rel="noopener noreferrer nofollow"' in html


def test_it_shows_script_in_every_field_escaped_on_the_pages(kepala_lpse, pembina, masuk, anonim):
    versi = alur.draf(
        kepala_lpse, judul=f"Judul {SERANGAN}", tujuan=SERANGAN, dasar_hukum=SERANGAN, formulir_catatan=SERANGAN
    )
    from sop import services

    services.ubah_draf(
        versi_id=versi.pk,
        data={},
        langkah=[{"uraian": SERANGAN, "pelaksana": SERANGAN, "masukan": SERANGAN, "keluaran": "", "waktu": ""}],
        oleh=kepala_lpse,
    )
    versi = alur.disetujui(versi, kepala_lpse, pembina)
    for c, url in (
        (anonim, f"/sop/{versi.sop_id}/"),
        (anonim, f"/sop/versi/{versi.pk}/"),
        (masuk(kepala_lpse), "/sop/daftar/"),
        (anonim, "/sop/"),
    ):
        halaman = c.get(url).content.decode()
        assert "<script>alert" not in halaman, url
        assert "<img src=x" not in halaman, url
        assert "&lt;script&gt;alert" in halaman, url


def test_it_compares_two_versions_line_by_line():
    baris = banding(["a", "b", "c"], ["a", "B", "c", "d"])
    assert [(b.jenis, b.kiri, b.kanan) for b in baris] == [
        ("sama", "a", "a"),
        ("ubah", "b", "B"),
        ("sama", "c", "c"),
        ("tambah", "", "d"),
    ]


def test_it_escapes_both_sides_of_the_comparison(berlaku, kepala_lpse, pembina, anonim):
    lama = berlaku()
    baru = alur.versi_baru(lama, kepala_lpse, tujuan=f"Tujuan baru {SERANGAN}")
    alur.disetujui(baru, kepala_lpse, pembina)
    halaman = anonim.get(f"/sop/{lama.sop_id}/banding/?a={lama.pk}&b={baru.pk}").content.decode()
    assert "<script>alert" not in halaman
    assert "Tujuan baru &lt;script&gt;" in halaman
    assert 'class="banding-ubah"' in halaman
