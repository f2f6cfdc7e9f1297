"""Outside reviewers: owners invite and revoke; the reviewer reads, comments and votes
through a signed link, with no account."""

from functools import wraps

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, scoped, workspace_view
from charter.errors import DomainError
from charter.models import Charter
from charter.registry import registry
from charter.throttle import client_address, too_many_requests

from ..models import AdvisoryBoard, OutsideReviewer
from ..reviews.forms import BallotForm, CommentForm
from ..reviews.workflow import (
    add_outside_comment,
    cast_outside_vote,
    current_version_for,
    open_review,
    review_summary,
)
from ..tokens import link_for, reviewer_from_token
from .forms import OutsideReviewerForm
from .invitations import BAD_LINKS_PER_ADDRESS, LINK_REQUESTS_PER_ADDRESS, invite, revoke


def _invite_form(request, data=None):
    return OutsideReviewerForm(
        data,
        board=AdvisoryBoard.for_workspace(request.workspace),
        charters=scoped(request, Charter),
    )


def _reviewers_page(request, form=None, status=200):
    reviewers = scoped(request, OutsideReviewer).select_related("charter", "invited_by")
    context = {
        "reviewers": [(reviewer, link_for(reviewer)) for reviewer in reviewers],
        "form": form or _invite_form(request),
    }
    return render(request, "governance/outside_reviewers/reviewers.html", context, status=status)


@workspace_view("manage")
def reviewers(request):
    if request.method != "POST":
        return _reviewers_page(request)
    form = _invite_form(request, request.POST)
    if not form.is_valid():
        return _reviewers_page(request, form, status=400)
    details = dict(form.cleaned_data)
    reviewer = invite(details.pop("charter"), request.user, **details)
    messages.success(request, _("%(name)s was emailed a review link.") % {"name": reviewer.name})
    return redirect("governance:reviewers", request.workspace.slug)


@workspace_view("manage")
@require_POST
def reviewer_revoke(request, outsidereviewer_pk):
    reviewer = get_in_workspace(
        request, OutsideReviewer.objects.select_related("charter__workspace"), pk=outsidereviewer_pk
    )
    revoke(reviewer, request.user)
    messages.success(request, _("%(name)s’s link no longer works.") % {"name": reviewer.name})
    return redirect("governance:reviewers", request.workspace.slug)


# The reviewer's side: no login; the signed token is the only key. Anything wrong with it
# is the same bare 404, so a probe learns nothing.


def _throttled(view):
    @wraps(view)
    def wrapper(request, token):
        address = client_address(request)
        for ceiling in (BAD_LINKS_PER_ADDRESS, LINK_REQUESTS_PER_ADDRESS):
            if ceiling.is_reached(address):
                message = _("Too many requests came from your network for review links.")
                return too_many_requests(request, message, ceiling.seconds_left())
        LINK_REQUESTS_PER_ADDRESS.add(address)
        return view(request, token)

    return wrapper


def _reviewer(request, token: str) -> OutsideReviewer:
    reviewer = reviewer_from_token(token)
    if reviewer is None:
        BAD_LINKS_PER_ADDRESS.add(client_address(request))
        raise Http404
    return reviewer


def _outside_page(request, token, reviewer, status=200, comment_form=None, vote_form=None):
    version = current_version_for(reviewer)
    review = open_review(version) if version else None
    my_vote = review.votes.filter(outside_reviewer=reviewer).first() if review else None
    context = {
        "token": token,
        "reviewer": reviewer,
        "charter": reviewer.charter,
        "version": version,
        "summary": review_summary(review) if review else None,
        "sections": [
            (section, version.snapshot["sections"].get(section.key, {}))
            for section in registry.all()
        ]
        if version
        else [],
        "charter_info": version.snapshot["charter"] if version else None,
        "may_vote": bool(review and review.outside_reviewers_may_vote and reviewer.may_vote),
        "my_vote": my_vote,
        "comment_form": comment_form or CommentForm(prefix="review-comment"),
        "vote_form": vote_form
        or BallotForm(
            initial={"decision": my_vote.decision, "comment": my_vote.comment} if my_vote else None
        ),
    }
    return render(
        request, "governance/outside_reviewers/outside_review.html", context, status=status
    )


@_throttled
def outside_review(request, token):
    return _outside_page(request, token, _reviewer(request, token))


@require_POST
@_throttled
def outside_comment(request, token):
    reviewer = _reviewer(request, token)
    form = CommentForm(request.POST, prefix="review-comment")
    if not form.is_valid():
        return _outside_page(request, token, reviewer, 400, comment_form=form)
    try:
        add_outside_comment(reviewer, form.cleaned_data["body"])
    except DomainError as error:
        messages.error(request, str(error))
        return _outside_page(request, token, reviewer, 409, comment_form=form)
    messages.success(request, _("Thank you, your comment is posted."))
    return redirect("outside_review:review", token)


@require_POST
@_throttled
def outside_vote(request, token):
    reviewer = _reviewer(request, token)
    form = BallotForm(request.POST)
    if not form.is_valid():
        return _outside_page(request, token, reviewer, 400, vote_form=form)
    try:
        cast_outside_vote(reviewer, form.cleaned_data["decision"], form.cleaned_data["comment"])
    except DomainError as error:
        messages.error(request, str(error))
        return _outside_page(request, token, reviewer, 409, vote_form=form)
    messages.success(request, _("Thank you, your vote is recorded."))
    return redirect("outside_review:review", token)
