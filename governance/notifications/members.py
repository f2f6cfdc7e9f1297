"""Notifying members by email, each as they chose: at once, or in one daily digest."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from charter.mail import queue_email
from charter.models import Membership

from ..models import NotificationMode, NotificationPreference, PendingNotification


def mode_of(membership: Membership) -> str:
    preference = NotificationPreference.objects.filter(membership=membership).first()
    return preference.mode if preference else NotificationMode.IMMEDIATE


def set_mode(membership: Membership, mode: str) -> NotificationPreference:
    preference, _created = NotificationPreference.objects.update_or_create(
        membership=membership, defaults={"mode": mode}
    )
    return preference


def notify_member(
    membership: Membership, subject: str, body: str, files: list | None = None
) -> None:
    """Email at once (with ``files``, see ``queue_email``) or keep it for the digest, which
    carries the text only: its links lead to the files."""
    if not membership.user.email:
        return
    if mode_of(membership) == NotificationMode.DIGEST:
        PendingNotification.objects.create(membership=membership, subject=subject, body=body)
    else:
        queue_email(subject, body, [membership.user.email], files=files)


def send_digests() -> int:
    """One email per digest member with everything kept for them since the last one."""
    pending = PendingNotification.objects.filter(sent_at__isnull=True).select_related(
        "membership__user", "membership__workspace"
    )
    by_member: dict[int, list[PendingNotification]] = {}
    for notification in pending:
        by_member.setdefault(notification.membership_id, []).append(notification)
    for notifications in by_member.values():
        membership = notifications[0].membership
        with transaction.atomic():
            claimed = PendingNotification.objects.filter(
                pk__in=[n.pk for n in notifications], sent_at__isnull=True
            ).update(sent_at=timezone.now())
            if claimed != len(notifications):
                # Another run is sending this member's digest.
                transaction.set_rollback(True)
                continue
            queue_email(
                _("Your board digest for %(workspace)s: %(count)s notifications")
                % {"workspace": membership.workspace.name, "count": len(notifications)},
                "\n\n".join(f"{n.subject}\n{n.body}" for n in notifications),
                [membership.user.email],
            )
    return len(by_member)
