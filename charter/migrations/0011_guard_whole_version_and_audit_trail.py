"""Database triggers guard all of a version and all of the audit trail.

0002 refused only rewriting a snapshot and editing audit events. Raw SQL could still change
an approved version's status, label, summary or author, delete it, insert a version that
claims to be approved, and delete or truncate the audit trail. Now:

- a version is inserted as a draft; what it published (charter, number, label, summary,
  author, created_at, snapshot, hash) never changes, except the author becoming NULL when
  their account is deleted; its status moves only along the app's transitions;
- an approved or superseded version is never deleted, and versions are never truncated;
- audit events are never deleted or truncated (updating stays refused except clearing the
  actor, see 0008).

The transitions are copied here rather than imported from the model so that this migration
keeps meaning what it meant when it ran.
"""

from django.db import migrations

# (from, to) pairs: submit, withdraw, approve, request changes, supersede.
TRANSITIONS = (
    ("draft", "in_review"),
    ("in_review", "draft"),
    ("in_review", "approved"),
    ("in_review", "changes_requested"),
    ("approved", "superseded"),
)
UNDELETABLE = ("approved", "superseded")
FROZEN = ("charter_id", "number", "label", "summary", "created_at", "snapshot", "snapshot_sha256")

ALLOWED_MOVES = ", ".join(f"'{old}>{new}'" for old, new in TRANSITIONS)
UNDELETABLE_LIST = ", ".join(f"'{status}'" for status in UNDELETABLE)

POSTGRES_FORWARD = f"""
DROP TRIGGER IF EXISTS charter_version_immutable ON charter_charterversion;
DROP FUNCTION IF EXISTS charter_refuse_snapshot_update();

CREATE OR REPLACE FUNCTION charter_guard_version() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'a charter version is published as a draft, not as %', NEW.status
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.status IN ({UNDELETABLE_LIST}) THEN
      RAISE EXCEPTION 'charter version % is % and cannot be deleted', OLD.id, OLD.status
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF {" OR ".join(f"NEW.{column} IS DISTINCT FROM OLD.{column}" for column in FROZEN)}
     OR (NEW.author_id IS DISTINCT FROM OLD.author_id AND NEW.author_id IS NOT NULL) THEN
    RAISE EXCEPTION 'charter version % is immutable', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status
     AND (OLD.status || '>' || NEW.status) NOT IN ({ALLOWED_MOVES}) THEN
    RAISE EXCEPTION 'charter version % cannot move from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER charter_version_guard BEFORE INSERT OR UPDATE OR DELETE ON charter_charterversion
  FOR EACH ROW EXECUTE FUNCTION charter_guard_version();

CREATE OR REPLACE FUNCTION charter_refuse_truncate() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% cannot be truncated: its rows are a permanent record', TG_TABLE_NAME
    USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER charter_version_no_truncate BEFORE TRUNCATE ON charter_charterversion
  FOR EACH STATEMENT EXECUTE FUNCTION charter_refuse_truncate();

CREATE OR REPLACE FUNCTION charter_refuse_audit_delete() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER charter_audit_no_delete BEFORE DELETE ON charter_auditevent
  FOR EACH ROW EXECUTE FUNCTION charter_refuse_audit_delete();
CREATE TRIGGER charter_audit_no_truncate BEFORE TRUNCATE ON charter_auditevent
  FOR EACH STATEMENT EXECUTE FUNCTION charter_refuse_truncate();
"""

POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS charter_audit_no_truncate ON charter_auditevent;
DROP TRIGGER IF EXISTS charter_audit_no_delete ON charter_auditevent;
DROP FUNCTION IF EXISTS charter_refuse_audit_delete();
DROP TRIGGER IF EXISTS charter_version_no_truncate ON charter_charterversion;
DROP TRIGGER IF EXISTS charter_version_guard ON charter_charterversion;
DROP FUNCTION IF EXISTS charter_guard_version();
"""

SQLITE_FORWARD = [
    "DROP TRIGGER IF EXISTS charter_version_immutable;",
    """CREATE TRIGGER charter_version_inserted_as_draft BEFORE INSERT ON charter_charterversion
       WHEN NEW.status IS NOT 'draft'
       BEGIN SELECT RAISE(ABORT, 'a charter version is published as a draft'); END;""",
    f"""CREATE TRIGGER charter_version_immutable BEFORE UPDATE ON charter_charterversion
       WHEN {" OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in FROZEN)}
         OR (NEW.author_id IS NOT OLD.author_id AND NEW.author_id IS NOT NULL)
       BEGIN SELECT RAISE(ABORT, 'charter version is immutable'); END;""",
    f"""CREATE TRIGGER charter_version_transitions BEFORE UPDATE ON charter_charterversion
       WHEN NEW.status IS NOT OLD.status AND (OLD.status || '>' || NEW.status) NOT IN ({ALLOWED_MOVES})
       BEGIN SELECT RAISE(ABORT, 'charter version cannot move to this status'); END;""",
    f"""CREATE TRIGGER charter_version_kept BEFORE DELETE ON charter_charterversion
       WHEN OLD.status IN ({UNDELETABLE_LIST})
       BEGIN SELECT RAISE(ABORT, 'an approved charter version cannot be deleted'); END;""",
    """CREATE TRIGGER charter_audit_no_delete BEFORE DELETE ON charter_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS charter_audit_no_delete;",
    "DROP TRIGGER IF EXISTS charter_version_kept;",
    "DROP TRIGGER IF EXISTS charter_version_transitions;",
    "DROP TRIGGER IF EXISTS charter_version_immutable;",
    "DROP TRIGGER IF EXISTS charter_version_inserted_as_draft;",
]


# Reversing puts back 0002's update trigger, which this migration replaced.
POSTGRES_0002_VERSION_TRIGGER = """
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
"""
SQLITE_0002_VERSION_TRIGGER = """CREATE TRIGGER charter_version_immutable BEFORE UPDATE ON charter_charterversion
   WHEN NEW.snapshot IS NOT OLD.snapshot OR NEW.snapshot_sha256 IS NOT OLD.snapshot_sha256
     OR NEW.number IS NOT OLD.number OR NEW.charter_id IS NOT OLD.charter_id
   BEGIN SELECT RAISE(ABORT, 'charter version is immutable'); END;"""


def run(postgres: list[str], sqlite: list[str]):
    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in {"postgresql": postgres, "sqlite": sqlite}.get(vendor, []):
            schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("charter", "0010_outbox_and_render_heartbeat")]

    operations = [
        migrations.RunPython(
            run([POSTGRES_FORWARD], SQLITE_FORWARD),
            run(
                [POSTGRES_BACKWARD, POSTGRES_0002_VERSION_TRIGGER],
                [*SQLITE_BACKWARD, SQLITE_0002_VERSION_TRIGGER],
            ),
        )
    ]
