"""NIK, NIP, NPWP and NIB: table-driven cases and property tests (only ValidationError escapes)."""

import contextlib

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from lpse_portal import identitas


@pytest.mark.parametrize(
    "nilai, hasil",
    [
        ("5271011708450001", "5271011708450001"),  # male, 17-08-1945, Kota Mataram
        ("5271 0157 0845 0001", "5271015708450001"),  # female (+40), separators stripped
    ],
)
def test_it_accepts_a_valid_nik(nilai, hasil):
    assert identitas.validasi_nik(nilai) == hasil


@pytest.mark.parametrize(
    "nilai, pesan",
    [
        ("527101170845000", "16 digit"),
        ("52710117084500011", "16 digit"),
        ("52710132084500", "16 digit"),
        ("5271013208450001", "tanggal lahir"),  # day 32
        ("5271017208450001", "tanggal lahir"),  # day 72 (32 + 40)
        ("5271013002450001", "tidak ada di kalender"),  # 30 February
        ("9971011708450001", "kode wilayah"),
        ("52710117O8450001", "hanya boleh berisi angka"),
    ],
)
def test_it_refuses_an_impossible_nik(nilai, pesan):
    with pytest.raises(ValidationError, match=pesan):
        identitas.validasi_nik(nilai)


def test_it_accepts_a_valid_nip():
    assert identitas.validasi_nip("19800101 200501 1 001") == "198001012005011001"


@pytest.mark.parametrize(
    "nilai, pesan",
    [
        ("19800101200501100", "18 digit"),
        ("1980010120050110011", "18 digit"),
        ("198002302005011001", "tanggal lahir"),  # 30 February
        ("198013012005011001", "tanggal lahir"),  # month 13
        ("198001012005131001", "pengangkatan"),  # appointment month 13
        ("198001011995011001", "berusia 18"),  # appointed at 15
        ("198001012099011001", "pengangkatan"),  # in the future
        ("198001012005013001", "jenis kelamin"),
        ("198001012005010001", "jenis kelamin"),
    ],
)
def test_it_refuses_an_impossible_nip(nilai, pesan):
    with pytest.raises(ValidationError, match=pesan):
        identitas.validasi_nip(nilai)


@pytest.mark.parametrize(
    "nilai, hasil",
    [
        ("01.312.166.0-091.000", "0013121660091000"),  # legacy 15 digits stored with a leading 0
        ("0013121660091000", "0013121660091000"),
        ("5271011708450001", "5271011708450001"),  # a NIK is an individual's NPWP
    ],
)
def test_it_accepts_and_normalises_a_valid_npwp(nilai, hasil):
    assert identitas.validasi_npwp(nilai) == hasil


@pytest.mark.parametrize(
    "nilai, pesan",
    [
        ("01.312.166.1-091.000", "digit pemeriksa"),
        ("0131216609100", "15 atau 16 digit"),
        ("5271013208450001", "tanggal lahir"),  # a NIK-shaped NPWP with day 32
    ],
)
def test_it_refuses_an_invalid_npwp(nilai, pesan):
    with pytest.raises(ValidationError, match=pesan):
        identitas.validasi_npwp(nilai)


def test_it_accepts_a_thirteen_digit_nib():
    assert identitas.validasi_nib("9120 0012 3456 7") == "9120001234567"


@pytest.mark.parametrize("nilai", ["912000123456", "91200012345678", "0000000000000", "91200012345AB"])
def test_it_refuses_an_invalid_nib(nilai):
    with pytest.raises(ValidationError):
        identitas.validasi_nib(nilai)


def test_it_formats_and_masks_for_display():
    assert identitas.format_npwp("0013121660091000") == "001.312.166.0-091.000"
    assert identitas.format_nip("198001012005011001") == "19800101 200501 1 001"
    assert identitas.samarkan("5271011708450001") == "••••••••••••0001"


@given(st.text(max_size=40))
def test_it_raises_only_validation_errors_for_any_text(teks):
    for fungsi in (identitas.validasi_nik, identitas.validasi_nip, identitas.validasi_npwp, identitas.validasi_nib):
        with contextlib.suppress(ValidationError):
            fungsi(teks)


@given(st.from_regex(r"\d{13,19}", fullmatch=True))
def test_it_raises_only_validation_errors_for_any_digits(angka):
    for fungsi in (identitas.validasi_nik, identitas.validasi_nip, identitas.validasi_npwp, identitas.validasi_nib):
        try:
            hasil = fungsi(angka)
        except ValidationError:
            continue
        assert hasil.isdigit()
