"""Bearer tokens for the REST API: who is calling, for which workspace, allowed to do what.

Each operation names the one scope it needs (``TokenAuth(ApiScope.READ)``). The owner's
role is read again on every request, so a token loses what its owner loses.
"""

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from charter.models import ApiScope, ApiToken
from charter.throttle import Ceiling

from .errors import ApiError


def rate_ceiling() -> Ceiling:
    return Ceiling("api-token", settings.API_RATE_LIMIT_PER_MINUTE, 60)


class TokenAuth(HttpBearer):
    openapi_description = "A workspace API token (cbt_…), made on the API tokens page."

    def __init__(self, scope: ApiScope):
        super().__init__()
        self.scope = scope

    def authenticate(self, request, token: str):
        api_token = ApiToken.find(token)
        if api_token is None:
            return None
        if api_token.is_revoked:
            raise ApiError(401, _("This token was revoked."))
        if api_token.is_expired:
            raise ApiError(
                401,
                _("This token expired on %(date)s.")
                % {"date": formats.date_format(api_token.expires_at, "Y-m-d")},
            )
        ceiling = rate_ceiling()
        if not ceiling.take(api_token.lookup_id):
            wait = ceiling.seconds_left()
            raise ApiError(
                429,
                _("This token made more than %(limit)s requests this minute; retry in %(wait)s s.")
                % {"limit": ceiling.limit, "wait": wait},
                retry_after=wait,
            )
        if self.scope not in api_token.scopes:
            raise ApiError(
                403,
                _("This token lacks the scope “%(scope)s” that this operation needs.")
                % {"scope": self.scope.value},
            )
        membership = api_token.membership()
        if not api_token.allows(self.scope, membership):
            raise ApiError(
                403,
                _(
                    "Your role in this workspace no longer allows what this token's scope “%(scope)s” does."
                )
                % {"scope": self.scope.value},
            )
        api_token.mark_used()
        request.user = api_token.user
        request.api_token = api_token
        request.membership = membership
        request.workspace = api_token.workspace
        return api_token


READ = TokenAuth(ApiScope.READ)
WRITE_ACTUALS = TokenAuth(ApiScope.WRITE_ACTUALS)
WRITE_MILESTONES = TokenAuth(ApiScope.WRITE_MILESTONES)
