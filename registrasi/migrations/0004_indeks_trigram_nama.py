"""A trigram index for the vendor name search (issue 10): pg_trgm, then a GIN index on
UPPER(nama), the expression icontains compares. Both are skipped on SQLite."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from lpse_portal.operasi_migrasi import AddIndexPostgres


class Migration(migrations.Migration):
    dependencies = [
        ("registrasi", "0003_sanksi_daftar_hitam"),
    ]

    operations = [
        # CREATE EXTENSION IF NOT EXISTS pg_trgm; a no-op on other databases. pg_trgm is a
        # trusted extension: the database owner may create it without being a superuser.
        TrigramExtension(),
        AddIndexPostgres(
            model_name="penyedia",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("nama"), name="gin_trgm_ops"
                ),
                name="penyedia_nama_trgm_idx",
            ),
        ),
    ]
