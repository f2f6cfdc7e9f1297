"""A workspace, its member and an API token for them; requests with that token."""

import json
from dataclasses import dataclass

from charter.models import ApiScope, ApiToken
from tests.factories import CharterFactory, MembershipFactory

ALL_SCOPES = [scope.value for scope in ApiScope]


@dataclass
class TokenHolder:
    client: object
    membership: object
    charter: object
    token: ApiToken
    secret: str

    def call(self, method: str, path: str, body=None, secret: str | None = None, raw=None):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {secret or self.secret}"}
        data = raw if raw is not None else (json.dumps(body) if body is not None else None)
        kwargs = {"data": data, "content_type": "application/json"} if data is not None else {}
        return getattr(self.client, method.lower())(f"/api/v1{path}", **kwargs, **headers)


def token_holder(client, role="editor", scopes=None, days=30, workspace=None) -> TokenHolder:
    membership = MembershipFactory(role=role, **({"workspace": workspace} if workspace else {}))
    charter = CharterFactory(workspace=membership.workspace)
    token, secret = ApiToken.issue(
        membership.user, membership.workspace, "CRM sync", scopes or ALL_SCOPES, days
    )
    return TokenHolder(client, membership, charter, token, secret)
