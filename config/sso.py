"""OpenID Connect providers read from the environment, in the shape django-allauth expects.

Either ``CHARTERBOARD_OIDC_PROVIDERS`` holds a JSON list (several providers, e.g. Entra ID
for staff and Google for outside board members), or the four ``OIDC_*`` variables describe
one. With neither, there is no single sign-on and the log-in page shows no button for it.
"""

import json
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

SINGLE_PROVIDER_VARIABLES = ("OIDC_NAME", "OIDC_SERVER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET")
REQUIRED_KEYS = ("name", "server_url", "client_id", "client_secret")


def _provider_id(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "sso"


def _app(entry: Mapping, where: str) -> dict:
    missing = [key for key in REQUIRED_KEYS if not str(entry.get(key) or "").strip()]
    if missing:
        raise ImproperlyConfigured(f"{where} lacks {', '.join(missing)}.")
    server_url = str(entry["server_url"]).strip()
    if not server_url.startswith(("https://", "http://")):
        raise ImproperlyConfigured(f"{where}: server_url must be an http(s) URL.")
    provider_id = str(entry.get("id") or _provider_id(str(entry["name"])))
    if not re.fullmatch(r"[a-z0-9-]+", provider_id):
        raise ImproperlyConfigured(
            f"{where}: id {provider_id!r} may hold only lower-case letters, digits and dashes "
            "(it is part of the callback URL)."
        )
    return {
        "provider_id": provider_id,
        "name": str(entry["name"]).strip(),
        "client_id": str(entry["client_id"]).strip(),
        "secret": str(entry["client_secret"]).strip(),
        "settings": {"server_url": server_url},
    }


def oidc_providers(environ: Mapping[str, str]) -> list[dict]:
    """The allauth ``APPS`` for ``openid_connect``; refuses a half-written configuration."""
    listed = environ.get("CHARTERBOARD_OIDC_PROVIDERS", "").strip()
    single = {name: environ.get(name, "").strip() for name in SINGLE_PROVIDER_VARIABLES}
    if listed and any(single.values()):
        raise ImproperlyConfigured(
            "Set either CHARTERBOARD_OIDC_PROVIDERS or the OIDC_* variables, not both."
        )
    if listed:
        try:
            entries = json.loads(listed)
        except json.JSONDecodeError as error:
            raise ImproperlyConfigured(
                f"CHARTERBOARD_OIDC_PROVIDERS is not valid JSON: {error}"
            ) from error
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise ImproperlyConfigured(
                "CHARTERBOARD_OIDC_PROVIDERS must be a JSON list of objects."
            )
        apps = [
            _app(entry, f"CHARTERBOARD_OIDC_PROVIDERS[{index}]")
            for index, entry in enumerate(entries)
        ]
        ids = [app["provider_id"] for app in apps]
        if len(set(ids)) != len(ids):
            raise ImproperlyConfigured("CHARTERBOARD_OIDC_PROVIDERS names one id twice.")
        return apps
    if not any(single.values()):
        return []
    entry = {
        "id": environ.get("OIDC_ID", "").strip(),
        "name": single["OIDC_NAME"],
        "server_url": single["OIDC_SERVER_URL"],
        "client_id": single["OIDC_CLIENT_ID"],
        "client_secret": single["OIDC_CLIENT_SECRET"],
    }
    return [_app(entry, "The OIDC_* variables")]


def oidc_origins(apps: list[dict]) -> list[str]:
    """The providers' origins (scheme://host[:port]), where log-in forms may be redirected."""
    origins = []
    for app in apps:
        parts = urlsplit(app["settings"]["server_url"])
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in origins:
            origins.append(origin)
    return origins
