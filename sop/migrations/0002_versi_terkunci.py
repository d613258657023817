"""An approved SOP version is never edited (DESIGN: "a change is a new version").

The services and VersiSOP.save() refuse it; this trigger refuses it also for QuerySet.update(),
bulk operations and raw SQL. On a locked version (disetujui, berlaku, diganti) only the status
may move on (disetujui → berlaku → diganti) with its superseded date; its steps are frozen too.
(SQLite, the embedded demo database, has no such guard; the content hash still reveals edits.)
"""

from django.db import migrations

FUNGSI = """
CREATE OR REPLACE FUNCTION sop_versi_terkunci() RETURNS trigger AS $$
DECLARE
    terkunci text[] := ARRAY['disetujui', 'berlaku', 'diganti'];
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = ANY(terkunci) THEN
            RAISE EXCEPTION 'Versi SOP % sudah disetujui dan tidak dapat dihapus', OLD.id;
        END IF;
        RETURN OLD;
    END IF;
    IF OLD.status = ANY(terkunci) THEN
        IF NOT (NEW.status = ANY(terkunci))
           OR (to_jsonb(NEW) - 'status' - 'diganti_pada' - 'updated_at')
              IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'diganti_pada' - 'updated_at') THEN
            RAISE EXCEPTION 'Versi SOP % sudah disetujui dan tidak dapat diubah; buat versi baru', OLD.id;
        END IF;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION sop_langkah_terkunci() RETURNS trigger AS $$
DECLARE
    terkunci text[] := ARRAY['disetujui', 'berlaku', 'diganti'];
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND EXISTS (
        SELECT 1 FROM sop_versisop v WHERE v.id = OLD.versi_id AND v.status = ANY(terkunci)
    ) THEN
        RAISE EXCEPTION 'Langkah versi SOP % sudah disetujui dan tidak dapat diubah', OLD.versi_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (
        SELECT 1 FROM sop_versisop v WHERE v.id = NEW.versi_id AND v.status = ANY(terkunci)
    ) THEN
        RAISE EXCEPTION 'Langkah versi SOP % sudah disetujui dan tidak dapat diubah', NEW.versi_id;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER sop_versisop_terkunci BEFORE UPDATE OR DELETE ON sop_versisop
    FOR EACH ROW EXECUTE FUNCTION sop_versi_terkunci();
CREATE TRIGGER sop_langkahsop_terkunci BEFORE INSERT OR UPDATE OR DELETE ON sop_langkahsop
    FOR EACH ROW EXECUTE FUNCTION sop_langkah_terkunci();
"""

LEPAS = """
DROP TRIGGER IF EXISTS sop_versisop_terkunci ON sop_versisop;
DROP TRIGGER IF EXISTS sop_langkahsop_terkunci ON sop_langkahsop;
DROP FUNCTION IF EXISTS sop_versi_terkunci();
DROP FUNCTION IF EXISTS sop_langkah_terkunci();
"""


def pasang(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNGSI, params=None)


def lepas(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(LEPAS, params=None)


class Migration(migrations.Migration):
    dependencies = [("sop", "0001_initial")]

    operations = [migrations.RunPython(pasang, lepas)]
