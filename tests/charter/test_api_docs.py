"""The API's OpenAPI document and its interactive page, served by the app itself."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_openapi_document_lists_every_resource_and_the_bearer_scheme(client):
    document = client.get("/api/v1/openapi.json").json()

    paths = set(document["paths"])
    assert {
        "/api/v1/workspace",
        "/api/v1/charters",
        "/api/v1/versions/{version_id}",
        "/api/v1/versions/{version_id}/pdf",
        "/api/v1/metrics/{metric_id}/actuals/{period}",
        "/api/v1/charters/{charter_id}/objectives",
        "/api/v1/charters/{charter_id}/milestones",
        "/api/v1/milestones/{milestone_id}",
        "/api/v1/versions/{version_id}/reviews",
    } <= paths
    put = document["paths"]["/api/v1/metrics/{metric_id}/actuals/{period}"]["put"]
    assert {"201", "200", "409", "422", "429"} <= set(put["responses"])
    schemes = document["components"]["securitySchemes"]
    assert all(scheme["scheme"] == "bearer" for scheme in schemes.values())


def test_the_docs_page_loads_only_our_own_assets_under_a_strict_policy(client):
    page = client.get("/api/v1/docs")

    assert page.status_code == 200
    html = page.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/static/") for source in sources)
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert re.search(r"img-src 'self' data:", policy)
    # The docs page loosens images only: scripts and styles stay as strict as everywhere.
    site_policy = client.get("/accounts/login/")["Content-Security-Policy"]
    assert _directive(policy, "script-src") == _directive(site_policy, "script-src")
    assert _directive(policy, "style-src") == _directive(site_policy, "style-src")
    for source in sources:
        assert finders.find(source.removeprefix("/static/")), source


def _directive(policy: str, name: str) -> str:
    return next(part.strip() for part in policy.split(";") if part.strip().startswith(name))
