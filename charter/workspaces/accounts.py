from allauth.account import views as allauth_views
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from charter.errors import DomainError
from charter.models import Invitation
from charter.redirects import safe_next
from charter.throttle import client_address, too_many_requests
from charter.workspaces.forms import SignupForm
from charter.workspaces.login_limits import (
    login_refusal,
    may_send_password_reset,
    may_send_signup_email,
    record_login_failure,
)
from charter.workspaces.membership import accept_invitation
from charter.workspaces.signup import account_to_confirm, confirm, register


def _safe_next(request, fallback: str) -> str:
    return safe_next(request) or fallback


class LoginView(allauth_views.LoginView):
    """allauth's log-in (then its second-factor step), refused early past the per-address and
    per-account ceilings."""

    def post(self, request, *args, **kwargs):
        refusal = login_refusal(client_address(request), request.POST.get("login", ""))
        if refusal is not None:
            return too_many_requests(request, *refusal)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        record_login_failure(client_address(self.request), self.request.POST.get("login", ""))
        return super().form_invalid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset; past a ceiling nothing is sent, and the page says the same."""

    def form_valid(self, form):
        if may_send_password_reset(client_address(self.request), form.cleaned_data["email"]):
            return super().form_valid(form)
        return HttpResponseRedirect(self.get_success_url())


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("charter:home")
    form = SignupForm(request.POST or None)
    context = {"form": form, "next": _safe_next(request, "")}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "registration/signup.html", context, status=400)
        if may_send_signup_email(client_address(request), form.cleaned_data["email"]):
            register(form, safe_next(request) or "")
        return render(request, "registration/signup_sent.html")
    return render(request, "registration/signup.html", context)


@require_http_methods(["GET", "POST"])
def signup_confirm(request, uidb64, token):
    user = account_to_confirm(uidb64, token)
    if user is None:
        context = {"user_to_confirm": None}
        return render(request, "registration/signup_confirm.html", context, status=410)
    if request.method == "POST":
        try:
            confirm(user)
        except DomainError as error:
            messages.error(request, str(error))
            return redirect("login")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to Charterboard."))
        return redirect(_safe_next(request, "charter:workspace-create"))
    return render(request, "registration/signup_confirm.html", {"user_to_confirm": user})


def invitation(request, token):
    invitation = get_object_or_404(Invitation, token=token)
    if not invitation.is_usable:
        return render(
            request, "charter/workspaces/invitation.html", {"invitation": invitation}, status=410
        )
    if not request.user.is_authenticated:
        return render(request, "charter/workspaces/invitation.html", {"invitation": invitation})
    if not invitation.is_addressed_to(request.user):
        return render(
            request,
            "charter/workspaces/invitation.html",
            {"invitation": invitation, "wrong_account": True},
            status=403,
        )
    if request.method == "POST":
        try:
            accept_invitation(invitation, request.user)
        except DomainError as error:
            messages.error(request, str(error))
            return render(
                request,
                "charter/workspaces/invitation.html",
                {"invitation": invitation},
                status=409,
            )
        messages.success(
            request, _("You joined %(workspace)s.") % {"workspace": invitation.workspace}
        )
        return redirect("charter:workspace", invitation.workspace.slug)
    return render(request, "charter/workspaces/invitation.html", {"invitation": invitation})


@login_required
def home(request):
    first = request.user.memberships.select_related("workspace").first()
    last_slug = request.session.get("workspace")
    if last_slug and request.user.memberships.filter(workspace__slug=last_slug).exists():
        return redirect("charter:workspace", last_slug)
    if first is not None:
        return redirect("charter:workspace", first.workspace.slug)
    return redirect("charter:workspace-create")
