"""Comments on any section: read by every member, written by those who may comment."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, workspace_view
from charter.charters.completeness import charter_section
from charter.comments import threads as comments
from charter.comments.forms import CommentForm, ReplyForm
from charter.errors import NotAllowed
from charter.models import Comment
from charter.registry import registry


def comments_context(request, charter, section_key, form=None, reply_form=None, reply_to=None):
    """What the comments block needs; also used by the template tag on every section page."""
    threads = comments.threads_for(charter, section_key)
    for thread in threads.open + threads.resolved:
        thread.may_resolve = comments.may_resolve(thread, request.membership)
        thread.reply_form = (
            reply_form if thread.pk == reply_to else ReplyForm(prefix=f"reply-{thread.pk}")
        )
    return {
        "charter": charter,
        "section_key": section_key,
        "threads": threads,
        "can_comment": request.membership.can("comment"),
        "form": form or CommentForm(prefix="comment"),
        "reply_to": reply_to,
    }


def _block(request, charter, section_key, status=200, **forms):
    context = comments_context(request, charter, section_key, **forms)
    if request.htmx:
        return render(request, "charter/comments/comments.html", context, status=status)
    section = registry.get(section_key)
    context.update({"section": section, "sections": registry.all()})
    return render(request, "charter/comments/page.html", context, status=status)


def _back(request, charter, section_key):
    if request.htmx:
        return _block(request, charter, section_key)
    url = reverse("charter:section", args=[request.workspace.slug, charter.pk, section_key])
    return redirect(f"{url}#comments")


@workspace_view()
def comment_list(request, charter_pk, section_key):
    charter, _section = charter_section(request, charter_pk, section_key)
    return _block(request, charter, section_key)


@workspace_view("comment")
@require_POST
def comment_add(request, charter_pk, section_key):
    charter, _section = charter_section(request, charter_pk, section_key)
    form = CommentForm(request.POST, prefix="comment")
    if not form.is_valid():
        return _block(request, charter, section_key, status=400, form=form)
    comments.post(charter, section_key, request.user, form.cleaned_data["body"])
    return _back(request, charter, section_key)


def _comment(request, charter_pk, comment_pk) -> Comment:
    return get_in_workspace(
        request,
        Comment.objects.select_related("charter", "parent"),
        pk=comment_pk,
        charter=charter_pk,
    )


@workspace_view("comment")
@require_POST
def comment_reply(request, charter_pk, comment_pk):
    thread = _comment(request, charter_pk, comment_pk)
    thread = thread.parent or thread
    form = ReplyForm(request.POST, prefix=f"reply-{thread.pk}")
    if not form.is_valid():
        return _block(
            request, thread.charter, thread.section_key, 400, reply_form=form, reply_to=thread.pk
        )
    comments.reply(thread, request.user, form.cleaned_data["body"])
    return _back(request, thread.charter, thread.section_key)


def _set_resolved(request, charter_pk, comment_pk, action):
    comment = _comment(request, charter_pk, comment_pk)
    try:
        action(comment, request.membership)
    except NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    return _back(request, comment.charter, comment.section_key)


@workspace_view("comment")
@require_POST
def comment_resolve(request, charter_pk, comment_pk):
    return _set_resolved(request, charter_pk, comment_pk, comments.resolve)


@workspace_view("comment")
@require_POST
def comment_reopen(request, charter_pk, comment_pk):
    return _set_resolved(request, charter_pk, comment_pk, comments.reopen)
