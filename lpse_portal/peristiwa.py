"""Event rows for every workflow step, chained by hash per stream (one stream per model)."""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone

from lpse_portal.models import Peristiwa, RantaiPeristiwa

HASH_AWAL = "0" * 64


def hitung_hash(*, hash_sebelumnya: str, isi: dict) -> str:
    """sha256 over the previous hash and the canonical JSON of the row's content."""
    kanonik = json.dumps(isi, sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256((hash_sebelumnya + kanonik).encode("utf-8")).hexdigest()


def isi_peristiwa(p: Peristiwa) -> dict:
    """The fields a row's hash covers. Changing any of them breaks the chain."""
    return {
        "rantai": p.rantai,
        "urutan": p.urutan,
        "content_type": p.content_type_id,
        "object_id": p.object_id,
        "aksi": p.aksi,
        "dari": p.dari,
        "ke": p.ke,
        "catatan": p.catatan,
        "data": p.data,
        "oleh": p.oleh_id,
        "ip": p.ip,
        "created_at": p.created_at.astimezone(UTC).isoformat(),
    }


def _kepala_rantai(nama: str) -> RantaiPeristiwa:
    try:
        return RantaiPeristiwa.objects.select_for_update().get(nama=nama)
    except RantaiPeristiwa.DoesNotExist:
        try:
            with transaction.atomic():
                RantaiPeristiwa.objects.create(nama=nama)
        except IntegrityError:
            pass  # another transaction created it first
        return RantaiPeristiwa.objects.select_for_update().get(nama=nama)


def catat_peristiwa(
    objek,
    *,
    oleh,
    aksi: str,
    dari: str = "",
    ke: str = "",
    catatan: str = "",
    ip: str | None = None,
    data: dict | None = None,
) -> Peristiwa:
    """Append an event for `objek` to its model's stream. Call inside the service's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("catat_peristiwa harus dipanggil di dalam transaksi layanan.")
    ct = ContentType.objects.get_for_model(objek, for_concrete_model=True)
    kepala = _kepala_rantai(ct.app_label + "." + ct.model)
    p = Peristiwa(
        rantai=kepala.nama,
        urutan=kepala.urutan_terakhir + 1,
        content_type=ct,
        object_id=objek.pk,
        aksi=aksi,
        dari=str(dari or ""),
        ke=str(ke or ""),
        catatan=catatan or "",
        data=json.loads(json.dumps(data or {}, cls=DjangoJSONEncoder)),
        oleh=oleh if getattr(oleh, "pk", None) else None,
        ip=ip or None,
        created_at=timezone.now(),
        hash_sebelumnya=kepala.hash_terakhir,
    )
    p.hash = hitung_hash(hash_sebelumnya=p.hash_sebelumnya, isi=isi_peristiwa(p))
    p.save(force_insert=True)
    kepala.urutan_terakhir = p.urutan
    kepala.hash_terakhir = p.hash
    kepala.save(update_fields=["urutan_terakhir", "hash_terakhir"])
    return p


@dataclass
class MataRantaiRusak:
    rantai: str
    urutan: int
    pk: int
    alasan: str


def periksa_rantai(nama: str | None = None) -> list[MataRantaiRusak]:
    """Walk each stream in order; report the first broken link of every broken stream."""
    rusak: list[MataRantaiRusak] = []
    kepala_qs = RantaiPeristiwa.objects.order_by("nama")
    if nama:
        kepala_qs = kepala_qs.filter(nama=nama)
    for kepala in kepala_qs:
        sebelumnya = HASH_AWAL
        harapan_urutan = 1
        temuan = None
        for p in Peristiwa.objects.filter(rantai=kepala.nama).order_by("urutan").iterator(chunk_size=2000):
            if p.urutan != harapan_urutan:
                temuan = MataRantaiRusak(kepala.nama, harapan_urutan, p.pk, "urutan hilang atau terhapus")
            elif p.hash_sebelumnya != sebelumnya:
                temuan = MataRantaiRusak(kepala.nama, p.urutan, p.pk, "hash_sebelumnya tidak cocok")
            elif hitung_hash(hash_sebelumnya=p.hash_sebelumnya, isi=isi_peristiwa(p)) != p.hash:
                temuan = MataRantaiRusak(kepala.nama, p.urutan, p.pk, "isi baris telah diubah")
            if temuan:
                break
            sebelumnya = p.hash
            harapan_urutan += 1
        if not temuan and (kepala.urutan_terakhir != harapan_urutan - 1 or kepala.hash_terakhir != sebelumnya):
            temuan = MataRantaiRusak(kepala.nama, harapan_urutan, 0, "ujung rantai tidak cocok (baris terakhir hilang)")
        if temuan:
            rusak.append(temuan)
    return rusak


def riwayat(objek):
    """The events of one object, oldest first (for timelines and SLA clocks)."""
    ct = ContentType.objects.get_for_model(objek, for_concrete_model=True)
    return (
        Peristiwa.objects.filter(content_type=ct, object_id=objek.pk)
        .select_related("oleh")
        .order_by("created_at", "pk")
    )


def riwayat_gabungan(*kelompok):
    """Events of several objects in one timeline: riwayat_gabungan(pegawai, pegawai.penugasan.all())."""
    from django.db.models import Q

    syarat = Q(pk__in=[])
    for objek in kelompok:
        daftar = list(objek) if hasattr(objek, "__iter__") else [objek]
        for o in daftar:
            ct = ContentType.objects.get_for_model(o, for_concrete_model=True)
            syarat |= Q(content_type=ct, object_id=o.pk)
    return Peristiwa.objects.filter(syarat).select_related("oleh").order_by("created_at", "pk")
