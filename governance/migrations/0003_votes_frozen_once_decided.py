"""Database triggers: once a review is closed, its votes are the record of the decision.

A vote may change while its review is open (people change their minds until the decision);
after that, raw SQL can no longer insert, change or delete a vote of that review, nor
truncate the votes. One change stays allowed: the voter becoming NULL when their account is
deleted (SET NULL), with the name and email kept as recorded.
"""

from django.db import migrations

VOTE_COLUMNS = (
    "id",
    "review_id",
    "version_id",
    "outside_reviewer_id",
    "voter_name",
    "voter_email",
    "voter_title",
    "decision",
    "comment",
    "reauthenticated",
    "created_at",
    "updated_at",
)

# FOR SHARE waits for a transaction that is closing the review, then reads the closed status.
POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION governance_guard_vote() RETURNS trigger AS $$
DECLARE
  review_status text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT status INTO review_status FROM governance_review WHERE id = OLD.review_id FOR SHARE;
    IF review_status IS DISTINCT FROM 'open' THEN
      IF TG_OP = 'UPDATE' AND NEW.voter_id IS NULL
         AND (to_jsonb(NEW) - 'voter_id') = (to_jsonb(OLD) - 'voter_id') THEN
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'vote % belongs to a closed review and cannot change', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  SELECT status INTO review_status FROM governance_review WHERE id = NEW.review_id FOR SHARE;
  IF review_status IS DISTINCT FROM 'open' THEN
    RAISE EXCEPTION 'a vote cannot be cast in a closed review'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER governance_vote_guard BEFORE INSERT OR UPDATE OR DELETE ON governance_vote
  FOR EACH ROW EXECUTE FUNCTION governance_guard_vote();
CREATE TRIGGER governance_vote_no_truncate BEFORE TRUNCATE ON governance_vote
  FOR EACH STATEMENT EXECUTE FUNCTION charter_refuse_truncate();
"""

POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS governance_vote_no_truncate ON governance_vote;
DROP TRIGGER IF EXISTS governance_vote_guard ON governance_vote;
DROP FUNCTION IF EXISTS governance_guard_vote();
"""

CLOSED = "(SELECT status FROM governance_review WHERE id = {review}) IS NOT 'open'"
ONLY_VOTER_CLEARED = "NEW.voter_id IS NULL AND " + " AND ".join(
    f"NEW.{column} IS OLD.{column}" for column in VOTE_COLUMNS
)
SQLITE_FORWARD = [
    f"""CREATE TRIGGER governance_vote_cast_while_open BEFORE INSERT ON governance_vote
       WHEN {CLOSED.format(review="NEW.review_id")}
       BEGIN SELECT RAISE(ABORT, 'a vote cannot be cast in a closed review'); END;""",
    f"""CREATE TRIGGER governance_vote_frozen BEFORE UPDATE ON governance_vote
       WHEN ({CLOSED.format(review="OLD.review_id")} AND NOT ({ONLY_VOTER_CLEARED}))
         OR ({CLOSED.format(review="NEW.review_id")} AND NEW.review_id IS NOT OLD.review_id)
       BEGIN SELECT RAISE(ABORT, 'a vote of a closed review cannot change'); END;""",
    f"""CREATE TRIGGER governance_vote_kept BEFORE DELETE ON governance_vote
       WHEN {CLOSED.format(review="OLD.review_id")}
       BEGIN SELECT RAISE(ABORT, 'a vote of a closed review cannot change'); END;""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS governance_vote_kept;",
    "DROP TRIGGER IF EXISTS governance_vote_frozen;",
    "DROP TRIGGER IF EXISTS governance_vote_cast_while_open;",
]


def run(postgres: list[str], sqlite: list[str]):
    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in {"postgresql": postgres, "sqlite": sqlite}.get(vendor, []):
            schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0002_review_status_label"),
        # charter_refuse_truncate() is defined there.
        ("charter", "0011_guard_whole_version_and_audit_trail"),
    ]

    operations = [
        migrations.RunPython(
            run([POSTGRES_FORWARD], SQLITE_FORWARD), run([POSTGRES_BACKWARD], SQLITE_BACKWARD)
        )
    ]
