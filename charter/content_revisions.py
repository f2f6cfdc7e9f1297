"""Database triggers that count every change to what a charter's live snapshot reads.

Each app registers its own tables from its migrations with ``track_content(table, charters)``,
where ``charters`` is a ``SELECT`` of the ``charter_id`` column naming the charters a row
belongs to, written with ``{row}`` for the changed row (``NEW`` or ``OLD``), e.g.
``"SELECT charter_id FROM charter_metric WHERE id = {row}.metric_id"``. The triggers run in
the writer's transaction for inserts, updates and deletes whoever issues them (the ORM's
``save()``, ``update()``, bulk writes, the deletes of a cascade, raw SQL), so a revision read
after a commit always tells whether what a cache holds is still what the tables hold.
"""

from collections.abc import Sequence

from django.db import migrations

from charter.models import Charter, ContentRevision

TRIGGER_PREFIX = "content_revision_"
REVISIONS = ContentRevision._meta.db_table

OWN_CHARTER = "SELECT {row}.charter_id AS charter_id"
PEOPLE = f"SELECT {ContentRevision.PEOPLE} AS charter_id"


def through(parent_table: str, column: str) -> str:
    """The charter of the row's parent, e.g. a metric actual's metric."""
    return f"SELECT charter_id FROM {parent_table} WHERE id = {{row}}.{column}"


def workspace_charters(workspace_id: str = "{row}.workspace_id") -> str:
    """Every charter of a workspace, for rows that all of a workspace's charters show."""
    return f"SELECT id AS charter_id FROM charter_charter WHERE workspace_id = {workspace_id}"


def _bump(charters: str, row: str) -> str:
    return (
        f"INSERT INTO {REVISIONS} (charter_id, revision) "
        f"SELECT DISTINCT touched.charter_id, 1 FROM ({charters.format(row=row)}) AS touched "
        "WHERE touched.charter_id IS NOT NULL "
        f"ON CONFLICT (charter_id) DO UPDATE SET revision = {REVISIONS}.revision + 1"
    )


def _changed(columns: Sequence[str], distinct: str) -> str:
    return " OR ".join(f"OLD.{column} {distinct} NEW.{column}" for column in columns)


# A truncated table may have held any charter's rows: count a change for every charter.
POSTGRES_TRUNCATE_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}truncated() RETURNS trigger AS $$
BEGIN
  INSERT INTO {REVISIONS} (charter_id, revision)
    SELECT id, 1 FROM charter_charter UNION SELECT {ContentRevision.PEOPLE}, 1
    ON CONFLICT (charter_id) DO UPDATE SET revision = {REVISIONS}.revision + 1;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
"""


def postgres_forward(table: str, charters: str, update_columns: Sequence[str] = ()) -> str:
    name = f"{TRIGGER_PREFIX}{table}"
    when = f" WHEN ({_changed(update_columns, 'IS DISTINCT FROM')})" if update_columns else ""
    return f"""
CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN
    {_bump(charters, "NEW")};
  END IF;
  IF TG_OP <> 'INSERT' THEN
    {_bump(charters, "OLD")};
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER {name} AFTER INSERT OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION {name}();
CREATE TRIGGER {name}_update AFTER UPDATE ON {table}
  FOR EACH ROW{when} EXECUTE FUNCTION {name}();
CREATE TRIGGER {name}_truncate AFTER TRUNCATE ON {table}
  FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_PREFIX}truncated();
"""


def postgres_backward(table: str) -> str:
    name = f"{TRIGGER_PREFIX}{table}"
    return f"""
DROP TRIGGER IF EXISTS {name}_truncate ON {table};
DROP TRIGGER IF EXISTS {name}_update ON {table};
DROP TRIGGER IF EXISTS {name} ON {table};
DROP FUNCTION IF EXISTS {name}();
"""


def sqlite_forward(table: str, charters: str, update_columns: Sequence[str] = ()) -> list[str]:
    name = f"{TRIGGER_PREFIX}{table}"
    when = f" WHEN {_changed(update_columns, 'IS NOT')}" if update_columns else ""
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {table} "
        f"BEGIN {_bump(charters, 'NEW')}; END;",
        f"CREATE TRIGGER {name}_update AFTER UPDATE ON {table}{when} "
        f"BEGIN {_bump(charters, 'NEW')}; {_bump(charters, 'OLD')}; END;",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {table} "
        f"BEGIN {_bump(charters, 'OLD')}; END;",
    ]


def sqlite_backward(table: str) -> list[str]:
    name = f"{TRIGGER_PREFIX}{table}"
    return [f"DROP TRIGGER IF EXISTS {name}_{event};" for event in ("insert", "update", "delete")]


def track_content(
    table: str, charters: str, update_columns: Sequence[str] = ()
) -> migrations.RunPython:
    """A migration operation: count every change to ``table`` for the charters it names.

    ``update_columns``, when given, limits updates that count to those changing one of them
    (e.g. a user's name, not their last login).
    """

    def forward(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(postgres_forward(table, charters, update_columns), params=None)
        elif vendor == "sqlite":
            for statement in sqlite_forward(table, charters, update_columns):
                schema_editor.execute(statement, params=None)

    def backward(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor == "postgresql":
            schema_editor.execute(postgres_backward(table), params=None)
        elif vendor == "sqlite":
            for statement in sqlite_backward(table):
                schema_editor.execute(statement, params=None)

    return migrations.RunPython(forward, backward)


def tracked_tables(connection) -> set[str]:
    """The tables that carry a content revision trigger, as the database says."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name LIKE %s",
                [TRIGGER_PREFIX.replace("_", r"\_") + "%"],
            )
        else:
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE %s ESCAPE '\\'",
                [TRIGGER_PREFIX.replace("_", r"\_") + "%"],
            )
        return {table for (table,) in cursor.fetchall()}


def revisions(charter: Charter) -> tuple[int, int]:
    """The charter's content revision and the people's, in one query (0 before any change)."""
    counted = dict(
        ContentRevision.objects.filter(
            charter_id__in=[charter.pk, ContentRevision.PEOPLE]
        ).values_list("charter_id", "revision")
    )
    return counted.get(charter.pk, 0), counted.get(ContentRevision.PEOPLE, 0)
