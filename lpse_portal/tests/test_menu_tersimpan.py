"""The menu is built once per role combination (issue 10) and still follows each user's roles."""

from lpse_portal.navigasi import _menu_untuk_peran, menu_untuk


def _url(menu):
    return {e["url"] for m in menu for e in (m.get("anak") or [m])}


def test_it_builds_a_role_combinations_menu_once_and_keeps_roles_apart(verifikator, sekretaris, db):
    _menu_untuk_peran.cache_clear()
    m_verifikator, m_sekretaris = menu_untuk(verifikator), menu_untuk(sekretaris)
    assert menu_untuk(verifikator) is m_verifikator
    assert "/registrasi/verifikasi/" in _url(m_verifikator)
    assert "/registrasi/verifikasi/" not in _url(m_sekretaris)
    assert _menu_untuk_peran.cache_info().hits == 1


def test_it_renders_a_role_combinations_menu_once_and_marks_the_page_open(verifikator, sekretaris, masuk):
    from lpse_portal.navigasi import _html_menu

    _html_menu.cache_clear()
    halaman = masuk(verifikator).get("/registrasi/verifikasi/").content.decode()
    masuk(verifikator).get("/registrasi/verifikasi/")
    assert _html_menu.cache_info().hits == 1
    assert 'href="/registrasi/verifikasi/"' in halaman
    lain = masuk(sekretaris).get("/organisasi/pegawai/").content.decode()
    assert 'href="/registrasi/verifikasi/"' not in lain


def test_it_marks_the_open_top_level_page_active(petugas_layanan, masuk):
    from lpse_portal.navigasi import menu_untuk

    atas = [m["url"] for m in menu_untuk(petugas_layanan) if not m.get("anak")]
    url = next(u for u in atas if masuk(petugas_layanan).get(u).status_code == 200)
    halaman = masuk(petugas_layanan).get(url).content.decode()
    assert f'class="nav-link active" href="{url}" aria-current="page"' in halaman
    assert halaman.count("nav-link active") == 1
