"""The owner's webhook settings and delivery log; each member's choice of email rhythm."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter.access import get_in_workspace, scoped, workspace_view

from ..models import WebhookDelivery, WebhookEndpoint
from . import members, webhooks
from .forms import NotificationPreferenceForm, WebhookEndpointForm


def _page(request, status=200, endpoint_form=None, preference_form=None):
    context = {
        "can_manage": request.membership.can("manage"),
        "endpoints": scoped(request, WebhookEndpoint),
        "deliveries": scoped(request, WebhookDelivery).select_related("endpoint")[:50],
        "endpoint_form": endpoint_form or WebhookEndpointForm(),
        "preference_form": preference_form
        or NotificationPreferenceForm(initial={"mode": members.mode_of(request.membership)}),
    }
    return render(request, "governance/notifications/settings.html", context, status=status)


@workspace_view()
def notification_settings(request):
    return _page(request)


@workspace_view()
@require_POST
def preference_save(request):
    form = NotificationPreferenceForm(request.POST)
    if not form.is_valid():
        return _page(request, 400, preference_form=form)
    members.set_mode(request.membership, form.cleaned_data["mode"])
    messages.success(request, _("Your choice is saved."))
    return redirect("governance:notifications", request.workspace.slug)


@workspace_view("manage")
@require_POST
def endpoint_add(request):
    form = WebhookEndpointForm(request.POST, instance=WebhookEndpoint(workspace=request.workspace))
    if not form.is_valid():
        return _page(request, 400, endpoint_form=form)
    endpoint = form.save()
    if endpoint.is_signed:
        messages.success(
            request,
            _("Webhook added. Copy its signing secret into your service to check signatures."),
        )
    else:
        messages.success(request, _("Webhook added."))
    return redirect("governance:notifications", request.workspace.slug)


@workspace_view("manage")
@require_POST
def endpoint_test(request, webhookendpoint_pk):
    endpoint = get_in_workspace(request, WebhookEndpoint, pk=webhookendpoint_pk)
    webhooks.send_test(endpoint, request.LANGUAGE_CODE)
    messages.success(request, _("Test message queued; its outcome appears in the log below."))
    return redirect("governance:notifications", request.workspace.slug)


@workspace_view("manage")
@require_POST
def endpoint_new_secret(request, webhookendpoint_pk):
    endpoint = get_in_workspace(request, WebhookEndpoint, pk=webhookendpoint_pk)
    if not endpoint.is_signed:
        messages.error(request, _("Only a webhook of your own service is signed."))
        return _page(request, 409)
    endpoint.new_signing_secret()
    endpoint.save(update_fields=["signing_secret"])
    messages.success(
        request,
        _("New signing secret made for %(name)s; deliveries are signed with it from now on.")
        % {"name": endpoint.name},
    )
    return redirect("governance:notifications", request.workspace.slug)


@workspace_view("manage")
@require_POST
def endpoint_toggle(request, webhookendpoint_pk):
    endpoint = get_in_workspace(request, WebhookEndpoint, pk=webhookendpoint_pk)
    endpoint.active = not endpoint.active
    endpoint.save(update_fields=["active"])
    messages.success(request, _("Webhook enabled.") if endpoint.active else _("Webhook disabled."))
    return redirect("governance:notifications", request.workspace.slug)


@workspace_view("manage")
@require_POST
def delivery_replay(request, webhookdelivery_pk):
    delivery = get_in_workspace(request, WebhookDelivery, pk=webhookdelivery_pk)
    if not delivery.can_replay:
        messages.error(request, _("Only a failed delivery can be sent again."))
        return _page(request, 409)
    if webhooks.replay(delivery) is None:
        messages.info(
            request, _("This delivery is already being sent again; its attempt is in the log.")
        )
    else:
        messages.success(request, _("Sent again; the new attempt appears in the log."))
    return redirect("governance:notifications", request.workspace.slug)
