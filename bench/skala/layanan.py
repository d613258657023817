"""Layanan at provincial scale: 200,000 tickets with their hash-chained events, and 2,000
trainings with 60,000 participants."""

TIKET = 200_000
PELATIHAN = 2_000
PESERTA_PER_PELATIHAN = 30


def _petugas():
    from organisasi.models import User

    return User.objects.filter(groups__name="layanan", is_active=True).order_by("pk").first()


def tiket(ktx) -> str:
    """COPY through bench/layanan_antrean.py's loader (it keeps the event chain valid)."""
    from bench.layanan_antrean import muat
    from layanan.models import Tiket
    from lpse_portal.models import Peristiwa

    ada = Tiket.objects.filter(nomor__startswith="TKB-").count()
    if ada < TIKET:
        muat(TIKET - ada, _petugas().pk)
    return f"{Tiket.objects.count()} tiket, {Peristiwa.objects.filter(rantai='layanan.tiket').count()} peristiwa"


def pelatihan(ktx) -> str:
    """Five years of sessions, half in the past (attendance recorded, certificates issued for
    those who came) and a few in the coming months; each 30 participants."""
    import datetime
    import random

    from django.db import transaction
    from django.utils import timezone

    from layanan.models import Pelatihan, PesertaPelatihan

    ada = Pelatihan.objects.filter(judul__startswith="Bench ").count()
    if ada >= PELATIHAN:
        return f"{ada} pelatihan sudah ada"
    rnd = random.Random(7)
    petugas = _petugas()
    sekarang = timezone.now()
    sasaran = [s for s, _ in Pelatihan.Sasaran.choices]
    for awal in range(ada, PELATIHAN, 200):
        with transaction.atomic():
            sesi = Pelatihan.objects.bulk_create(
                [
                    Pelatihan(
                        judul=f"Bench SPSE angkatan {i}",
                        sasaran=rnd.choice(sasaran),
                        mulai=(
                            m := sekarang - datetime.timedelta(days=rnd.randint(-90, 5 * 365), hours=rnd.randint(0, 8))
                        ),
                        selesai=m + datetime.timedelta(hours=4),
                        moda=rnd.choice(["luring", "daring", "hibrida"]),
                        tempat="Ruang Pelatihan LPSE",
                        kapasitas=PESERTA_PER_PELATIHAN + 5,
                        pelatih="Narasumber Bench",
                        terbit=True,
                        dibuat_oleh=petugas,
                    )
                    for i in range(awal, min(awal + 200, PELATIHAN))
                ]
            )
            peserta = []
            for s in sesi:
                lalu = s.selesai < sekarang
                for j in range(PESERTA_PER_PELATIHAN):
                    hadir = lalu and rnd.random() < 0.85
                    peserta.append(
                        PesertaPelatihan(
                            pelatihan=s,
                            nama=f"Peserta {s.pk}-{j}",
                            email=f"peserta{j}.{s.pk}@bench.id",
                            instansi="CV Bench",
                            status="batal" if rnd.random() < 0.03 else "terdaftar",
                            hadir_pada=s.mulai if hadir else None,
                            kode_sertifikat=f"B{s.pk:06d}-{j:02d}" if hadir else None,
                        )
                    )
            PesertaPelatihan.objects.bulk_create(peserta, batch_size=5_000)
    return f"{Pelatihan.objects.count()} pelatihan, {PesertaPelatihan.objects.count()} peserta"
