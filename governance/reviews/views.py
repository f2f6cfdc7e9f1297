"""Review actions on a version: vote and comment. (Submitting and withdrawing are buttons
of the charter app's version page, which go through ``governance.reviews.workflow`` via the
registry.)

Each answers an htmx request with the review panel and a plain form post with a redirect
to the version's page, where the panel is shown.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, workspace_view
from charter.errors import DomainError, NotAllowed
from charter.models import CharterVersion

from ..links import version_url
from .forms import CommentForm, VoteForm
from .panel import review_panel
from .reauth import reauthenticated_at
from .rules import Outcome
from .workflow import add_comment, cast_vote

PANEL = "governance/reviews/panel.html"


def _version(request, charterversion_pk) -> CharterVersion:
    return get_in_workspace(
        request, CharterVersion.objects.select_related("charter__workspace"), pk=charterversion_pk
    )


def _panel(request, version, status=200, fresh=False, **forms):
    """The review panel alone (htmx), or the review page that shows it (a full request);
    ``fresh`` when nothing was written since ``version`` was loaded."""
    if not fresh:
        # A vote may just have decided the review: show the status it left, not the one loaded.
        version.refresh_from_db()
    context = {"panel": review_panel(request, version, **forms), "version": version}
    template = PANEL if request.htmx else "governance/reviews/review.html"
    return render(request, template, context, status=status)


def _done(request, version, message):
    messages.success(request, message)
    if request.htmx:
        return _panel(request, version)
    return redirect(version_url(version))


def _refused(request, version, error, status=409):
    messages.error(request, str(error))
    return _panel(request, version, status=status)


@workspace_view()
def review(request, charterversion_pk):
    version = _version(request, charterversion_pk)
    # Only after the lookup, so that another workspace's version is a 404 for every method.
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return _panel(request, version, fresh=True)


@workspace_view()
@require_POST
def review_vote(request, charterversion_pk):
    version = _version(request, charterversion_pk)
    if not request.membership.can("vote"):
        raise PermissionDenied
    form = VoteForm(
        request.POST,
        request=request,
        version_id=version.pk,
        reauthenticated=reauthenticated_at(request, version.pk) is not None,
    )
    if not form.is_valid():
        throttled = form.has_error("password", "throttled") or form.has_error("code", "throttled")
        status = 429 if throttled else 400
        return _panel(request, version, status=status, vote_form=form)
    try:
        outcome = cast_vote(
            version,
            request.membership,
            form.cleaned_data["decision"],
            form.cleaned_data["comment"],
            reauthenticated_at=reauthenticated_at(request, version.pk),
        )
    except DomainError as error:
        return _refused(
            request, version, error, status=403 if isinstance(error, NotAllowed) else 409
        )
    return _done(request, version, OUTCOME_MESSAGES[outcome])


OUTCOME_MESSAGES = {
    Outcome.PENDING: gettext_lazy("Your vote is recorded."),
    Outcome.APPROVED: gettext_lazy("Your vote is recorded. The board approved this version."),
    Outcome.CHANGES_REQUESTED: gettext_lazy("Your vote is recorded. The board requested changes."),
}


@workspace_view("comment")
@require_POST
def review_comment(request, charterversion_pk):
    version = _version(request, charterversion_pk)
    form = CommentForm(request.POST, prefix="review-comment")
    if not form.is_valid():
        return _panel(request, version, status=400, comment_form=form)
    try:
        add_comment(version, form.cleaned_data["body"], author=request.user)
    except DomainError as error:
        return _refused(request, version, error)
    return _done(request, version, _("Comment posted."))
