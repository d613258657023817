"""Migration operations for PostgreSQL-only objects, so the SQLite demo (`make run`) still
migrates: a GIN index (full text, trigram) exists on PostgreSQL and is skipped on SQLite,
where the searches fall back to a plain scan."""

from django.db import migrations


class AddIndexPostgres(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
