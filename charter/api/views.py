"""The person's API tokens: make one (its text shown once), see when each was last used, revoke."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from charter.models import ApiToken, AuditEvent

from .forms import ApiTokenForm

PAGE = "charter/api/tokens.html"
PANEL = "charter/api/tokens_panel.html"


def _tokens(user):
    return ApiToken.objects.filter(user=user).select_related("workspace")


def _respond(request, form, status=200, **extra):
    context = {"form": form, "tokens": _tokens(request.user), **extra}
    return render(request, PANEL if request.htmx else PAGE, context, status=status)


@login_required
def api_tokens(request):
    return _respond(request, ApiTokenForm(user=request.user))


@login_required
@require_POST
def api_token_create(request):
    form = ApiTokenForm(request.POST, user=request.user)
    if not form.is_valid():
        return _respond(request, form, status=400)
    membership = form.cleaned_data["workspace"]
    with transaction.atomic():
        token, text = ApiToken.issue(
            request.user,
            membership.workspace,
            form.cleaned_data["name"],
            form.cleaned_data["scopes"],
            form.cleaned_data["lifetime"],
        )
        AuditEvent.record(
            membership.workspace,
            request.user,
            "api_token.created",
            token,
            changes={
                "scopes": ", ".join(token.scopes),
                "expires": token.expires_at.date().isoformat(),
            },
        )
    return _respond(
        request, ApiTokenForm(user=request.user), status=201, created=token, secret=text
    )


@login_required
@require_POST
def api_token_revoke(request, token_pk):
    # Only the owner's own tokens: anyone else's id is a 404.
    token = get_object_or_404(_tokens(request.user), pk=token_pk)
    if not token.is_revoked:
        token.revoke()
        AuditEvent.record(token.workspace, request.user, "api_token.revoked", token)
    return _respond(request, ApiTokenForm(user=request.user), revoked=token)
