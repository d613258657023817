"""The figures the Sekretariat's programme reads from sistem, and letters that may concern it."""

from organisasi.angka_otomatis import tersedia
from organisasi.tautan_surat import jenis_dari_kunci


def test_it_registers_its_figures_for_the_programme():
    assert tersedia("sistem.cadangan_terverifikasi")
    assert tersedia("sistem.insiden_ditangani")


def test_it_lets_a_letter_concern_an_lkpp_instruction():
    assert jenis_dari_kunci("sistem.instruksilkpp") is not None
