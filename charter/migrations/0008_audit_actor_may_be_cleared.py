"""Deleting a user account clears ``actor`` on their audit events (SET NULL).

The append-only trigger refused that update, so nobody who had ever acted could be deleted.
It now lets exactly that through: the actor link becomes NULL and every other column, the
actor's name in ``actor_label`` included, stays as recorded.
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION charter_refuse_audit_update() RETURNS trigger AS $$
BEGIN
  IF NEW.actor_id IS NULL AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""

POSTGRES_BACKWARD = """
CREATE OR REPLACE FUNCTION charter_refuse_audit_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""

SQLITE_COLUMNS = (
    "id",
    "workspace_id",
    "actor_label",
    "action",
    "object_type",
    "object_id",
    "object_repr",
    "changes",
    "created_at",
)
SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS charter_audit_append_only;",
    f"""CREATE TRIGGER charter_audit_append_only BEFORE UPDATE ON charter_auditevent
       WHEN NOT (NEW.actor_id IS NULL AND {" AND ".join(f"NEW.{c} IS OLD.{c}" for c in SQLITE_COLUMNS)})
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS charter_audit_append_only;",
    """CREATE TRIGGER charter_audit_append_only BEFORE UPDATE ON charter_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]


def run(postgres: str, sqlite: list[str]):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(postgres, params=None)
        elif schema_editor.connection.vendor == "sqlite":
            for statement in sqlite:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("charter", "0007_service_revision_service_updated_at_and_more")]

    operations = [
        migrations.RunPython(
            run(POSTGRES_FORWARD, SQLITE_FORWARD), run(POSTGRES_BACKWARD, SQLITE_BACKWARD)
        )
    ]
