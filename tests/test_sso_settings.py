"""Single sign-on providers read from the environment (config/sso.py)."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.sso import oidc_origins, oidc_providers


def test_no_variables_means_no_provider():
    assert oidc_providers({}) == []


def test_the_four_variables_describe_one_provider():
    apps = oidc_providers(
        {
            "OIDC_NAME": "Okta",
            "OIDC_SERVER_URL": "https://acme.okta.com",
            "OIDC_CLIENT_ID": "client",
            "OIDC_CLIENT_SECRET": "secret",
        }
    )

    assert apps == [
        {
            "provider_id": "okta",
            "name": "Okta",
            "client_id": "client",
            "secret": "secret",
            "settings": {"server_url": "https://acme.okta.com"},
        }
    ]


def test_a_json_list_describes_several_providers_and_their_origins():
    listed = [
        {
            "id": "entra",
            "name": "Entra ID",
            "server_url": "https://login.microsoftonline.com/tenant/v2.0",
            "client_id": "a",
            "client_secret": "b",
        },
        {
            "name": "Google",
            "server_url": "https://accounts.google.com",
            "client_id": "c",
            "client_secret": "d",
        },
    ]

    apps = oidc_providers({"CHARTERBOARD_OIDC_PROVIDERS": json.dumps(listed)})

    assert [app["provider_id"] for app in apps] == ["entra", "google"]
    assert oidc_origins(apps) == [
        "https://login.microsoftonline.com",
        "https://accounts.google.com",
    ]


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"OIDC_NAME": "Okta"}, "lacks server_url, client_id, client_secret"),
        ({"CHARTERBOARD_OIDC_PROVIDERS": "[{"}, "is not valid JSON"),
        ({"CHARTERBOARD_OIDC_PROVIDERS": '{"name": "x"}'}, "must be a JSON list of objects"),
        (
            {
                "OIDC_NAME": "Okta",
                "OIDC_SERVER_URL": "ftp://acme",
                "OIDC_CLIENT_ID": "a",
                "OIDC_CLIENT_SECRET": "b",
            },
            "must be an http(s) URL",
        ),
        (
            {
                "CHARTERBOARD_OIDC_PROVIDERS": json.dumps(
                    [
                        {"name": "A", "server_url": "https://a", "client_id": "a"},
                    ]
                )
            },
            "CHARTERBOARD_OIDC_PROVIDERS[0] lacks client_secret",
        ),
        (
            {
                "CHARTERBOARD_OIDC_PROVIDERS": json.dumps(
                    [
                        {"id": "Bad Id", "name": "A", "server_url": "https://a"}
                        | {"client_id": "a", "client_secret": "b"}
                    ]
                )
            },
            "may hold only lower-case letters",
        ),
        (
            {
                "CHARTERBOARD_OIDC_PROVIDERS": json.dumps(
                    [
                        {
                            "name": "A",
                            "server_url": "https://a",
                            "client_id": "a",
                            "client_secret": "b",
                        }
                    ]
                    * 2
                )
            },
            "names one id twice",
        ),
        ({"CHARTERBOARD_OIDC_PROVIDERS": "[]", "OIDC_NAME": "Okta"}, "not both"),
    ],
)
def test_a_half_written_configuration_stops_the_app_with_a_message(environ, message):
    with pytest.raises(ImproperlyConfigured) as refusal:
        oidc_providers(environ)
    assert message in str(refusal.value)
