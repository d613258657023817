"""Indonesian identifiers, validated at the edge, once, here.

Every form and model field that takes a NIK, NIP, NPWP or NIB uses these functions, so a
rule is fixed in one place. Values are stored as digits only and formatted for display.
python-stdnum checks NIK (region table and birth date) and NPWP (check digit); NIP and NIB
are checked here. Messages are Indonesian because they reach the user as they are.
"""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exc
from stdnum.id import nik as stdnum_nik
from stdnum.id import npwp as stdnum_npwp

_PEMISAH = re.compile(r"[\s.\-/]")


def hanya_digit(nilai: str) -> str:
    """Strip the separators people type (spaces, dots, dashes, slashes)."""
    return _PEMISAH.sub("", str(nilai or "")).strip()


def _wajib_digit(nilai: str, nama: str, panjang: tuple[int, ...]) -> str:
    angka = hanya_digit(nilai)
    if not angka.isdigit():
        raise ValidationError(_("%(nama)s hanya boleh berisi angka.") % {"nama": nama}, code="format")
    if len(angka) not in panjang:
        raise ValidationError(
            _("%(nama)s harus %(panjang)s digit (tertulis %(n)d digit).")
            % {"nama": nama, "panjang": _(" atau ").join(str(p) for p in panjang), "n": len(angka)},
            code="panjang",
        )
    return angka


def validasi_nik(nilai: str) -> str:
    """NIK: 16 digits — region code, birth date (day + 40 for women), serial."""
    angka = _wajib_digit(nilai, "NIK", (16,))
    hari = int(angka[6:8])
    if not (1 <= hari <= 31 or 41 <= hari <= 71):
        raise ValidationError(
            _("NIK tidak sah: tanggal lahir (digit 7–8) harus 01–31, atau 41–71 untuk perempuan."), code="tanggal"
        )
    try:
        stdnum_nik.get_birth_date(angka)
    except stdnum_exc.ValidationError:
        raise ValidationError(_("NIK tidak sah: tanggal lahir di dalamnya tidak ada di kalender."), code="tanggal")
    try:
        stdnum_nik.validate(angka)
    except stdnum_exc.ValidationError:
        raise ValidationError(_("NIK tidak sah: kode wilayah (6 digit pertama) tidak dikenal."), code="wilayah")
    return angka


def _tanggal(tahun: int, bulan: int, hari: int) -> datetime.date | None:
    try:
        return datetime.date(tahun, bulan, hari)
    except ValueError:
        return None


def validasi_nip(nilai: str) -> str:
    """NIP: 18 digits — birth date yyyymmdd, appointment yyyymm, sex 1 or 2, serial of 3."""
    angka = _wajib_digit(nilai, "NIP", (18,))
    lahir = _tanggal(int(angka[0:4]), int(angka[4:6]), int(angka[6:8]))
    hari_ini = timezone.localdate()
    if lahir is None or lahir.year < 1930 or lahir > hari_ini:
        raise ValidationError(_("NIP tidak sah: tanggal lahir (digit 1–8) bukan tanggal yang mungkin."), code="lahir")
    tahun_angkat, bulan_angkat = int(angka[8:12]), int(angka[12:14])
    if not 1 <= bulan_angkat <= 12 or datetime.date(tahun_angkat, 1, 1) > hari_ini:
        raise ValidationError(
            _("NIP tidak sah: tahun dan bulan pengangkatan (digit 9–14) bukan tanggal yang mungkin."),
            code="pengangkatan",
        )
    if (tahun_angkat, bulan_angkat) < (lahir.year + 18, lahir.month):
        raise ValidationError(
            _("NIP tidak sah: pengangkatan (digit 9–14) sebelum pegawai berusia 18 tahun."), code="pengangkatan"
        )
    if (tahun_angkat, bulan_angkat) > (hari_ini.year, hari_ini.month):
        raise ValidationError(_("NIP tidak sah: tanggal pengangkatan di masa depan."), code="pengangkatan")
    if angka[14] not in "12":
        raise ValidationError(_("NIP tidak sah: digit ke-15 (jenis kelamin) harus 1 atau 2."), code="kelamin")
    return angka


def validasi_npwp(nilai: str) -> str:
    """NPWP: 15-digit legacy (check digit at position 9) or 16 digits; stored as 16 digits."""
    angka = _wajib_digit(nilai, "NPWP", (15, 16))
    try:
        stdnum_npwp.validate(angka)
    except stdnum_exc.InvalidChecksum:
        raise ValidationError(_("NPWP tidak sah: digit pemeriksa (digit ke-9) tidak cocok."), code="checksum")
    except stdnum_exc.ValidationError:
        if len(angka) == 16 and not angka.startswith("0"):
            # A 16-digit NPWP not starting with 0 is a NIK: give the NIK's own reason.
            validasi_nik(angka)
        raise ValidationError(_("NPWP tidak sah."), code="tidak_sah")
    return angka if len(angka) == 16 else "0" + angka


def validasi_nib(nilai: str) -> str:
    """NIB (Nomor Induk Berusaha, OSS): 13 digits."""
    angka = _wajib_digit(nilai, "NIB", (13,))
    if set(angka) == {"0"}:
        raise ValidationError(_("NIB tidak sah."), code="tidak_sah")
    return angka


# --- display -----------------------------------------------------------------------------


def format_nik(angka: str) -> str:
    a = hanya_digit(angka)
    return " ".join(a[i : i + 4] for i in range(0, len(a), 4)) if len(a) == 16 else a


def format_nip(angka: str) -> str:
    a = hanya_digit(angka)
    return f"{a[:8]} {a[8:14]} {a[14]} {a[15:]}" if len(a) == 18 else a


def format_npwp(angka: str) -> str:
    a = hanya_digit(angka)
    if len(a) == 16 and a.startswith("0"):
        lama = a[1:]
        return f"0{lama[:2]}.{lama[2:5]}.{lama[5:8]}.{lama[8]}-{lama[9:12]}.{lama[12:]}"
    return format_nik(a)


def format_nib(angka: str) -> str:
    return hanya_digit(angka)


def samarkan(angka: str, tampak: int = 4) -> str:
    """Mask all but the last `tampak` digits: lists never show a whole NIK or NPWP."""
    a = hanya_digit(angka)
    if not a:
        return ""
    return "•" * max(len(a) - tampak, 0) + a[-tampak:]


# --- form fields -------------------------------------------------------------------------


class _IdentitasField(forms.CharField):
    validator = staticmethod(lambda v: v)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 30)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("inputmode", "numeric")
        self.widget.attrs.setdefault("autocomplete", "off")

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return value
        return self.validator(value)


class NIKField(_IdentitasField):
    validator = staticmethod(validasi_nik)


class NIPField(_IdentitasField):
    validator = staticmethod(validasi_nip)


class NPWPField(_IdentitasField):
    validator = staticmethod(validasi_npwp)


class NIBField(_IdentitasField):
    validator = staticmethod(validasi_nib)


# Model-level validators (admin and model forms): they check but do not normalise, so
# model forms should use the form fields above.
def validator_nik(nilai):
    validasi_nik(nilai)


def validator_nip(nilai):
    validasi_nip(nilai)


def validator_npwp(nilai):
    validasi_npwp(nilai)


def validator_nib(nilai):
    validasi_nib(nilai)
