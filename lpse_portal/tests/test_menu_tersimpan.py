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
