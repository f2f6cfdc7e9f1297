"""The confirm and cancel steps shared by the views of every import kept as a pending upload
(``charter.models.PendingUpload``): the actuals import and the survey responses import."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from charter.models import PendingUpload


def confirm_response(
    request: HttpRequest,
    upload: PendingUpload,
    form,
    confirm: Callable[[], PendingUpload],
    invalid: Callable[[], HttpResponse],
    done_message: str,
) -> HttpResponse:
    """Confirm with a valid mapping ``form``; an upload already imported just shows its report.

    ``confirm`` runs the import once the form is valid, ``invalid`` answers a form with errors
    (the preview with a 400), and ``done_message`` is formatted with the import's report.
    """
    if not upload.is_pending:
        return redirect(upload.get_absolute_url())
    if not form.is_valid():
        return invalid()
    upload = confirm()
    messages.success(request, done_message % upload.report)
    return redirect(upload.get_absolute_url())


def cancel_response(request: HttpRequest, upload: PendingUpload, next_url: str) -> HttpResponse:
    upload.cancel()
    messages.success(request, _("Import cancelled; nothing was imported."))
    return redirect(next_url)
