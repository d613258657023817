"""Trigram indexes for the blacklist search (issue 10): GIN on UPPER(nama_penyedia) and
UPPER(nomor_sk), the expressions icontains compares. pg_trgm comes from 0004; both are skipped
on SQLite."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations

from lpse_portal.operasi_migrasi import AddIndexPostgres


def _trigram(kolom, nama):
    return django.contrib.postgres.indexes.GinIndex(
        django.contrib.postgres.indexes.OpClass(django.db.models.functions.text.Upper(kolom), name="gin_trgm_ops"),
        name=nama,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("registrasi", "0006_indeks_sanksi_terbaru"),
    ]

    operations = [
        AddIndexPostgres(model_name="sanksidaftarhitam", index=_trigram("nama_penyedia", "sanksi_nama_trgm_idx")),
        AddIndexPostgres(model_name="sanksidaftarhitam", index=_trigram("nomor_sk", "sanksi_nomor_sk_trgm_idx")),
    ]
