"""Database triggers: a published snapshot and the audit trail cannot be rewritten.

The models refuse these writes already; the triggers make the database refuse them too,
so that raw SQL, a bulk update or another client cannot bypass the rule.
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION charter_refuse_snapshot_update() RETURNS trigger AS $$
BEGIN
  IF NEW.snapshot IS DISTINCT FROM OLD.snapshot
     OR NEW.snapshot_sha256 IS DISTINCT FROM OLD.snapshot_sha256
     OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.charter_id IS DISTINCT FROM OLD.charter_id THEN
    RAISE EXCEPTION 'charter version % is immutable', OLD.id USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER charter_version_immutable BEFORE UPDATE ON charter_charterversion
  FOR EACH ROW EXECUTE FUNCTION charter_refuse_snapshot_update();

CREATE OR REPLACE FUNCTION charter_refuse_audit_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER charter_audit_append_only BEFORE UPDATE ON charter_auditevent
  FOR EACH ROW EXECUTE FUNCTION charter_refuse_audit_update();
"""

POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS charter_version_immutable ON charter_charterversion;
DROP FUNCTION IF EXISTS charter_refuse_snapshot_update();
DROP TRIGGER IF EXISTS charter_audit_append_only ON charter_auditevent;
DROP FUNCTION IF EXISTS charter_refuse_audit_update();
"""

SQLITE_FORWARD = [
    """CREATE TRIGGER charter_version_immutable BEFORE UPDATE ON charter_charterversion
       WHEN NEW.snapshot IS NOT OLD.snapshot OR NEW.snapshot_sha256 IS NOT OLD.snapshot_sha256
         OR NEW.number IS NOT OLD.number OR NEW.charter_id IS NOT OLD.charter_id
       BEGIN SELECT RAISE(ABORT, 'charter version is immutable'); END;""",
    """CREATE TRIGGER charter_audit_append_only BEFORE UPDATE ON charter_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS charter_version_immutable;",
    "DROP TRIGGER IF EXISTS charter_audit_append_only;",
]


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD, params=None)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_FORWARD:
            schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD, params=None)
    elif schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("charter", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
