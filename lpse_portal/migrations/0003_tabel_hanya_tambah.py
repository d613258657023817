"""Event and personal-data access rows are append-only: PostgreSQL refuses UPDATE and DELETE.

(SQLite, the embedded demo database, has no such guard; the hash chain still reveals edits.)
"""

from django.db import migrations

TABEL = ["lpse_portal_peristiwa", "lpse_portal_aksesdatapribadi"]

FUNGSI = """
CREATE OR REPLACE FUNCTION lpse_tolak_ubah() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Tabel % hanya boleh ditambah: % ditolak', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNGSI, params=None)
    for tabel in TABEL:
        schema_editor.execute(
            f"CREATE TRIGGER {tabel}_hanya_tambah BEFORE UPDATE OR DELETE ON {tabel} "
            "FOR EACH ROW EXECUTE FUNCTION lpse_tolak_ubah()"
        )


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for tabel in TABEL:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {tabel}_hanya_tambah ON {tabel}")


class Migration(migrations.Migration):
    dependencies = [("lpse_portal", "0002_initial")]

    operations = [migrations.RunPython(pasang, lepas)]
