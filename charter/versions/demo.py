"""Demo history: an approved first version, then a revised draft published as version 2.

It runs after every app has seeded its part of the charter (``DEMO_VERSION_ORDER``), so the
snapshots hold the whole demo charter. Governance seeds the review of version 2 after it.
"""

from charter.models import Audience, Scope
from charter.versions.publishing import publish


def seed_versions(charter, users) -> None:
    editor, chair = users["editor"], users["board"]
    membership = editor.memberships.get(workspace=charter.workspace)
    first = publish(
        charter,
        editor,
        membership,
        label="2026-Q3",
        summary="First charter for the board: current state, goals, scope and roadmap.",
    )
    first.submit(editor, membership)
    first.approve(chair)
    _revise_after_first_review(charter)
    publish(
        charter,
        editor,
        membership,
        label="2026-Q4",
        summary=(
            "After the Q3 review: the account executive headcount follows the hiring plan, "
            "partner success managers join as an audience, and the budget is reviewed monthly."
        ),
    )


def _revise_after_first_review(charter) -> None:
    Audience.objects.filter(charter=charter, role="Account executives").update(headcount=135)
    Audience.objects.create(
        charter=charter,
        role="Partner success managers",
        segment="APAC",
        headcount=12,
        priority=Audience.Priority.SECONDARY,
        phase=3,
        position=Audience.objects.filter(charter=charter).count(),
    )
    Scope.objects.filter(charter=charter).update(
        budget_notes="Funding is reviewed each **month** with the CRO and each quarter with "
        "the advisory board."
    )
