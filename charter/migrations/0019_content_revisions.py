"""Count every change to what a charter's live snapshot reads (``charter.content_revisions``),
so that the overview and the version pages can keep the snapshot in the cache."""

from django.db import migrations, models

from charter.content_revisions import (
    OWN_CHARTER,
    PEOPLE,
    POSTGRES_TRUNCATE_FUNCTION,
    through,
    track_content,
    workspace_charters,
)

MATURITY_MODEL_CHARTERS = workspace_charters(
    "(SELECT workspace_id FROM charter_maturitymodel WHERE id = {row}.model_id)"
)


def create_truncate_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRUNCATE_FUNCTION, params=None)


def drop_truncate_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS content_revision_truncated();", params=None)


class Migration(migrations.Migration):
    dependencies = [("charter", "0018_remove_audience_phase_number")]

    operations = [
        migrations.CreateModel(
            name="ContentRevision",
            fields=[
                ("charter_id", models.BigIntegerField(primary_key=True, serialize=False)),
                ("revision", models.BigIntegerField(default=0)),
            ],
            options={"db_table": "charter_contentrevision"},
        ),
        migrations.RunPython(create_truncate_function, drop_truncate_function),
        track_content("charter_charter", "SELECT {row}.id AS charter_id"),
        track_content("charter_workspace", workspace_charters("{row}.id")),
        track_content("auth_user", PEOPLE, update_columns=("username", "first_name", "last_name")),
        track_content("charter_profile", PEOPLE, update_columns=("user_id", "display_name")),
        track_content("charter_membership", workspace_charters()),
        track_content("charter_currentstate", OWN_CHARTER),
        track_content("charter_executionkpi", OWN_CHARTER),
        track_content("charter_maturitymodel", workspace_charters()),
        track_content("charter_maturitylevel", MATURITY_MODEL_CHARTERS),
        track_content("charter_maturitydimension", MATURITY_MODEL_CHARTERS),
        track_content("charter_maturityscore", OWN_CHARTER),
        track_content("charter_futuresuccess", OWN_CHARTER),
        track_content("charter_metric", OWN_CHARTER),
        track_content("charter_metric_drivers", through("charter_metric", "from_metric_id")),
        track_content("charter_metricactual", through("charter_metric", "metric_id")),
        track_content("charter_objective", OWN_CHARTER),
        track_content("charter_objective_metrics", through("charter_objective", "objective_id")),
        track_content("charter_service", workspace_charters()),
        track_content("charter_scope", OWN_CHARTER),
        track_content("charter_scope_services", through("charter_scope", "scope_id")),
        track_content("charter_audience", OWN_CHARTER),
        track_content("charter_fundingsource", OWN_CHARTER),
        track_content("charter_partnerteam", OWN_CHARTER),
        track_content("charter_raciassignment", OWN_CHARTER),
        track_content("charter_meetingcadence", OWN_CHARTER),
    ]
