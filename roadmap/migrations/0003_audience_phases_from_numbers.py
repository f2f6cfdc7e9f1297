# An audience's "Phase 2" becomes a link to the charter's second roadmap phase (phases in the
# order of the levels they reach), where the charter has one; otherwise it is left unlinked.

from django.db import migrations


def phase_ids_by_charter(apps) -> dict[int, list[int]]:
    """Each charter's phase ids, the first phase first."""
    Phase = apps.get_model("roadmap", "Phase")
    phases_by_charter = {}
    for phase in Phase.objects.order_by("charter_id", "target_level__rank", "pk"):
        phases_by_charter.setdefault(phase.charter_id, []).append(phase.pk)
    return phases_by_charter


def link_audiences_to_numbered_phases(apps, schema_editor):
    Audience = apps.get_model("charter", "Audience")
    phases_by_charter = phase_ids_by_charter(apps)
    linked = []
    for audience in Audience.objects.filter(charter_id__in=phases_by_charter):
        phases = phases_by_charter[audience.charter_id]
        if 1 <= audience.phase <= len(phases):
            audience.served_from_phase = phases[audience.phase - 1]
            linked.append(audience)
    Audience.objects.bulk_update(linked, ["served_from_phase"])


def numbers_from_links(apps, schema_editor):
    Audience = apps.get_model("charter", "Audience")
    phases_by_charter = phase_ids_by_charter(apps)
    for audience in Audience.objects.exclude(served_from_phase=None):
        phases = phases_by_charter.get(audience.charter_id, [])
        if audience.served_from_phase in phases:
            audience.phase = phases.index(audience.served_from_phase) + 1
            audience.save(update_fields=["phase"])


class Migration(migrations.Migration):
    dependencies = [
        ("charter", "0017_audience_served_from_phase"),
        ("roadmap", "0002_milestone_position_within_phase"),
    ]
    run_before = [("charter", "0018_remove_audience_phase_number")]

    operations = [
        migrations.RunPython(link_audiences_to_numbered_phases, numbers_from_links),
    ]
