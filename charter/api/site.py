"""The REST API under ``/api/v1/``: the core's router and every router other apps register.

Its OpenAPI document is ``/api/v1/openapi.json`` and its interactive page ``/api/v1/docs``,
Swagger UI served from django-ninja's own static files (nothing from a CDN).
"""

from csp.decorators import csp_update
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from charter.registry import api_routers

from . import core
from .errors import ApiError, respond

DESCRIPTION = """
Read a workspace's charters, versions, metrics and objectives, and report metric actuals
from another system (a CRM report, a BI job).

**Authentication**: send `Authorization: Bearer cbt_…` with a token made on your *API tokens*
page. A token belongs to one workspace, carries scopes (`read`, `write:actuals`,
`write:milestones`) and never does more than your role in that workspace allows today.

**Errors** are JSON: `{"detail": …}`, a sentence or a list of field errors. 401: no token, an
unknown, expired or revoked one. 403: a scope the token lacks, or a role that no longer allows
it. 404: no such object in the token's workspace. 409: a period that already has another
value. 422: input that is not valid. 429: too many requests this minute; wait `Retry-After`
seconds.
"""


def _docs_policy(view):
    # Swagger UI draws its icons from data: URIs in its style sheet; everything else it
    # loads is ours, so the strict policy stays as it is on every other page.
    return csp_update({"img-src": ["data:"]})(view)


def build_api() -> NinjaAPI:
    api = NinjaAPI(
        title="Charterboard API",
        version="1",
        description=DESCRIPTION,
        urls_namespace="api",
        docs_decorator=_docs_policy,
    )
    api.add_router("", core.router)
    for item in api_routers:
        api.add_router("", item.router)

    @api.exception_handler(ApiError)
    def refused(request, error: ApiError):
        return respond(api, request, error)

    @api.exception_handler(Http404)
    def not_found(request, error):
        return api.create_response(
            request, {"detail": _("Not found in this token's workspace.")}, status=404
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, error):
        response = api.create_response(
            request,
            {"detail": _("Send a valid API token: Authorization: Bearer cbt_…")},
            status=401,
        )
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(ValidationError)
    def invalid(request, error: ValidationError):
        return api.create_response(request, {"detail": error.errors}, status=422)

    return api
