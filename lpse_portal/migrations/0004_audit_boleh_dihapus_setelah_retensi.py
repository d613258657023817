"""The access audit stays append-only, except that rows older than the five-year retention
period may be deleted (lpse_portal.retensi). Events (peristiwa) stay append-only forever."""

from django.db import migrations

FUNGSI = """
CREATE OR REPLACE FUNCTION lpse_tolak_ubah_audit() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.created_at < now() - interval '5 years' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Tabel % hanya boleh ditambah: % ditolak', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNGSI, params=None)
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS lpse_portal_aksesdatapribadi_hanya_tambah ON lpse_portal_aksesdatapribadi"
    )
    schema_editor.execute(
        "CREATE TRIGGER lpse_portal_aksesdatapribadi_hanya_tambah BEFORE UPDATE OR DELETE "
        "ON lpse_portal_aksesdatapribadi FOR EACH ROW EXECUTE FUNCTION lpse_tolak_ubah_audit()"
    )


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "DROP TRIGGER IF EXISTS lpse_portal_aksesdatapribadi_hanya_tambah ON lpse_portal_aksesdatapribadi"
    )
    schema_editor.execute(
        "CREATE TRIGGER lpse_portal_aksesdatapribadi_hanya_tambah BEFORE UPDATE OR DELETE "
        "ON lpse_portal_aksesdatapribadi FOR EACH ROW EXECUTE FUNCTION lpse_tolak_ubah()"
    )


class Migration(migrations.Migration):
    dependencies = [("lpse_portal", "0003_tabel_hanya_tambah")]

    operations = [migrations.RunPython(pasang, lepas)]
