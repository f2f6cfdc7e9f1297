"""The advisory board and its seats, shown in every charter's governance section, count as
changes to the content of the workspace's charters."""

from django.db import migrations

from charter.content_revisions import track_content, workspace_charters


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0010_keep_roll_call_names_after_member_removal"),
        ("charter", "0019_content_revisions"),
    ]

    operations = [
        track_content("governance_advisoryboard", workspace_charters()),
        track_content(
            "governance_boardseat",
            workspace_charters(
                "(SELECT workspace_id FROM governance_advisoryboard WHERE id = {row}.board_id)"
            ),
        ),
    ]
