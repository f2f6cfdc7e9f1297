"""Comments on charter sections: threads of one level, resolvable and reopenable."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from charter.errors import NotAllowed
from charter.models import AuditEvent, Charter, Comment, Membership


@dataclass
class Threads:
    open: list[Comment]
    resolved: list[Comment]

    @property
    def count(self) -> int:
        return len(self.open) + len(self.resolved)


def threads_for(charter: Charter, section_key: str) -> Threads:
    """The section's threads with their replies and authors, in three queries."""
    roots = (
        Comment.objects.filter(charter=charter, section_key=section_key, parent=None)
        .select_related("author__profile", "resolved_by__profile")
        .prefetch_related(
            Prefetch(
                "replies", queryset=Comment.objects.select_related("author__profile").order_by("pk")
            )
        )
    )
    threads = Threads(open=[], resolved=[])
    for root in roots:
        (threads.resolved if root.resolved_at else threads.open).append(root)
    return threads


def may_resolve(comment: Comment, membership: Membership) -> bool:
    """Editors tidy up any thread; everyone else only the threads they started."""
    return membership.can("edit") or (
        membership.can("comment") and comment.author_id == membership.user_id
    )


def post(charter: Charter, section_key: str, author, body: str) -> Comment:
    return Comment.objects.create(
        charter=charter, section_key=section_key, author=author, body=body
    )


def reply(parent: Comment, author, body: str) -> Comment:
    """Answer a thread; a reply to a reply joins the same thread, and a resolved one reopens."""
    root = parent.parent or parent
    if root.resolved_at:
        root.resolved_at, root.resolved_by = None, None
        root.save(update_fields=["resolved_at", "resolved_by"])
    return Comment.objects.create(
        charter=root.charter,
        section_key=root.section_key,
        parent=root,
        author=author,
        body=body,
    )


def resolve(comment: Comment, membership: Membership) -> None:
    _set_resolved(comment, membership, resolved=True)


def reopen(comment: Comment, membership: Membership) -> None:
    _set_resolved(comment, membership, resolved=False)


def _set_resolved(comment: Comment, membership: Membership, resolved: bool) -> None:
    root = comment.parent or comment
    if not may_resolve(root, membership):
        raise NotAllowed(_("Only editors and the person who started a thread can close it."))
    if bool(root.resolved_at) == resolved:
        return
    root.resolved_at = timezone.now() if resolved else None
    root.resolved_by = membership.user if resolved else None
    root.save(update_fields=["resolved_at", "resolved_by"])
    AuditEvent.record(
        membership.workspace,
        membership.user,
        "comment.resolved" if resolved else "comment.reopened",
        root,
        changes={"section": root.section_key},
    )
