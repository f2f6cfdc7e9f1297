"""Starting a charter: what every new charter holds before anyone edits it."""

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from charter.models import AuditEvent, Charter, PartnerTeam


def create_charter(charter: Charter, by) -> Charter:
    """Save a new charter with the enablement team already among its partner teams.

    The RACI matrix needs the enablement team itself to hold the Accountable letter for most
    services; without it a new charter's matrix could not be filled in until someone thought
    of adding their own team. Its name is in the charter's language, like everything the
    charter prints.
    """
    with transaction.atomic():
        charter.created_by = by
        charter.save()
        with translation.override(charter.language):
            PartnerTeam.objects.create(
                charter=charter,
                name=gettext("Sales enablement"),
                description=gettext("Designs, runs and measures the enablement programmes."),
                position=0,
            )
        AuditEvent.record(charter.workspace, by, "charter.created", charter)
    return charter
