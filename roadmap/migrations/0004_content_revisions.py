"""Roadmap rows count as changes to their charter's content."""

from django.db import migrations

from charter.content_revisions import OWN_CHARTER, through, track_content


class Migration(migrations.Migration):
    dependencies = [
        ("roadmap", "0003_audience_phases_from_numbers"),
        ("charter", "0019_content_revisions"),
    ]

    operations = [
        track_content("roadmap_phase", OWN_CHARTER),
        track_content("roadmap_milestone", OWN_CHARTER),
        track_content("roadmap_milestone_objectives", through("roadmap_milestone", "milestone_id")),
        track_content("roadmap_milestone_metrics", through("roadmap_milestone", "milestone_id")),
        track_content(
            "roadmap_milestone_depends_on", through("roadmap_milestone", "from_milestone_id")
        ),
    ]
