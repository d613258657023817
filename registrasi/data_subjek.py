"""Personal data registrasi holds about a person (lpse_portal.data_subjek): the vendor account
registered with this e-mail (its responsible person's NIK included), its registration and the
list of its documents (the scans themselves are handed over through the document view)."""

from django.db.models import Q

from registrasi.models import Dokumen, PejabatPengadaan, Penyedia


def kumpulkan(email: str) -> dict:
    penyedia = list(
        Penyedia.objects.filter(Q(email__iexact=email) | Q(user__email__iexact=email)).select_related(
            "bentuk_usaha", "pendaftaran"
        )
    )
    return {
        "penyedia": [
            {
                "nama": p.nama,
                "bentuk_usaha": str(p.bentuk_usaha),
                "npwp": p.npwp,
                "nib": p.nib,
                "alamat": p.alamat,
                "kabupaten_kota": p.kabupaten_kota,
                "provinsi": p.provinsi,
                "telepon": p.telepon,
                "email": p.email,
                "penanggung_jawab": p.pj_nama,
                "nik_penanggung_jawab": p.pj_nik,
                "jabatan_penanggung_jawab": p.pj_jabatan,
                "status_user_id": p.get_status_display(),
                "status_pendaftaran": p.pendaftaran.get_status_display() if hasattr(p, "pendaftaran") else None,
            }
            for p in penyedia
        ],
        "dokumen": [
            {
                "jenis": str(d.jenis),
                "versi": d.versi,
                "nama_berkas": d.nama_berkas,
                "nomor": d.nomor,
                "berlaku_sampai": d.berlaku_sampai,
                "keadaan": d.get_keadaan_display(),
                "hasil_verifikasi": d.get_hasil_display(),
                "diunggah_pada": d.created_at,
            }
            for d in Dokumen.objects.filter(penyedia__in=penyedia).select_related("jenis").order_by("created_at", "pk")
        ],
        "pejabat_pengadaan": [
            {
                "nama": j.nama,
                "nip": j.nip,
                "peran_di_spse": j.get_sub_peran_display(),
                "perangkat_daerah": str(j.perangkat_daerah),
                "jabatan": j.jabatan,
                "email": j.email,
                "telepon": j.telepon,
            }
            for j in PejabatPengadaan.objects.filter(Q(email__iexact=email) | Q(user__email__iexact=email))
        ],
    }
