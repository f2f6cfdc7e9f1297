from django.db import migrations


def give_board_members_their_seats(apps, schema_editor):
    """Every member with the board role holds a seat: create the missing ones, function
    "other" and no title, for the owner to complete on the Board page."""
    Membership = apps.get_model("charter", "Membership")
    AdvisoryBoard = apps.get_model("governance", "AdvisoryBoard")
    BoardSeat = apps.get_model("governance", "BoardSeat")
    unseated = Membership.objects.filter(role="board", board_seat__isnull=True)
    for membership in unseated.iterator():
        board, _created = AdvisoryBoard.objects.get_or_create(workspace_id=membership.workspace_id)
        BoardSeat.objects.create(
            board=board, membership=membership, title="", function="other", is_chair=False
        )


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0006_seats_held_by_role_receipts_draft_meetings_replays"),
    ]

    operations = [
        migrations.RunPython(give_board_members_their_seats, migrations.RunPython.noop),
    ]
