"""``python -m tests.oidc_provider.seed CLIENT_ID SECRET REDIRECT_URI`` creates the client and
two people: ``verified`` (alex@example.com, vouched for) and ``unverified`` (same address)."""

import sys

import django


def main(client_id: str, client_secret: str, redirect_uri: str) -> None:
    django.setup()
    from django.contrib.auth.models import Group, User
    from oauth2_provider.models import Application

    from tests.oidc_provider.validator import VERIFIED_GROUP

    Application.objects.create(
        name="Charterboard",
        client_id=client_id,
        client_secret=client_secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=redirect_uri,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    verified = User.objects.create_user(
        "verified", "alex@example.com", "provider-pass", first_name="Alex", last_name="Kim"
    )
    verified.groups.add(Group.objects.create(name=VERIFIED_GROUP))
    User.objects.create_user("unverified", "alex@example.com", "provider-pass")
    User.objects.create_user("newcomer", "sam@example.com", "provider-pass").groups.add(
        Group.objects.get(name=VERIFIED_GROUP)
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
