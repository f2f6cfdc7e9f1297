"""API tokens: shown once, stored hashed, scoped, bounded by the owner's role, expiring,
revocable, rate limited, and never a key to another workspace."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from charter.models import ApiToken, AuditEvent, MetricActual, Role
from tests.charter.api_helpers import token_holder
from tests.charter.section_factories import MetricFactory
from tests.factories import CharterFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_only_the_hash_of_the_secret_is_stored(client):
    holder = token_holder(client)
    secret_part = holder.secret.split("_", 2)[2]

    stored = ApiToken.objects.get(pk=holder.token.pk)

    assert stored.secret_sha256 == hashlib.sha256(secret_part.encode()).hexdigest()
    assert secret_part not in str(ApiToken.objects.filter(pk=stored.pk).values().get())


def test_a_read_token_lists_its_workspace_and_records_its_last_use(client):
    holder = token_holder(client, scopes=["read"])

    response = holder.call("GET", "/workspace")

    assert response.status_code == 200
    assert response.json()["slug"] == holder.membership.workspace.slug
    holder.token.refresh_from_db()
    assert holder.token.last_used_at is not None


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer nonsense", "Bearer cbt_000000000000_wrong", "Basic dXNlcjpwYXNz"],
)
def test_missing_or_unknown_tokens_are_401_json(client, header):
    extra = {"HTTP_AUTHORIZATION": header} if header else {}

    response = client.get("/api/v1/charters", **extra)

    assert response.status_code == 401
    assert response.json()["detail"]


def test_a_wrong_secret_for_a_real_lookup_id_is_refused(client):
    holder = token_holder(client)
    forged = f"cbt_{holder.token.lookup_id}_{'x' * 43}"

    assert holder.call("GET", "/workspace", secret=forged).status_code == 401


def test_an_expired_token_says_when_it_expired(client):
    holder = token_holder(client)
    ApiToken.objects.filter(pk=holder.token.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )

    response = holder.call("GET", "/charters")

    assert response.status_code == 401
    assert "expired on" in response.json()["detail"]


def test_a_revoked_token_is_refused(client):
    holder = token_holder(client)
    holder.token.revoke()

    response = holder.call("GET", "/charters")

    assert response.status_code == 401
    assert "revoked" in response.json()["detail"]


def test_a_token_without_the_write_scope_cannot_post_actuals(client):
    holder = token_holder(client, scopes=["read"])
    metric = MetricFactory(charter=holder.charter)

    response = holder.call("PUT", f"/metrics/{metric.pk}/actuals/2026-Q3", {"value": 1})

    assert response.status_code == 403
    assert "write:actuals" in response.json()["detail"]
    assert not MetricActual.objects.exists()


def test_a_demoted_owner_token_loses_its_write_power_at_once(client):
    holder = token_holder(client, role=Role.EDITOR)
    metric = MetricFactory(charter=holder.charter)
    holder.membership.role = Role.VIEWER
    holder.membership.save()

    write = holder.call("PUT", f"/metrics/{metric.pk}/actuals/2026-Q3", {"value": 1})
    read = holder.call("GET", f"/metrics/{metric.pk}")

    assert write.status_code == 403
    assert "no longer allows" in write.json()["detail"]
    assert read.status_code == 200
    assert not MetricActual.objects.exists()


def test_a_token_of_someone_who_left_the_workspace_reads_nothing(client):
    holder = token_holder(client)
    holder.membership.delete()

    assert holder.call("GET", "/charters").status_code == 403


def test_another_workspaces_ids_are_404_never_their_data(client):
    holder = token_holder(client)
    elsewhere = CharterFactory()
    foreign_metric = MetricFactory(charter=elsewhere, name="Their secret metric")

    paths = [
        f"/charters/{elsewhere.pk}",
        f"/charters/{elsewhere.pk}/metrics",
        f"/charters/{elsewhere.pk}/versions",
        f"/charters/{elsewhere.pk}/objectives",
        f"/metrics/{foreign_metric.pk}",
        f"/metrics/{foreign_metric.pk}/actuals",
    ]
    for path in paths:
        response = holder.call("GET", path)
        assert response.status_code == 404, path
        assert "Their secret" not in response.content.decode()
    written = holder.call("PUT", f"/metrics/{foreign_metric.pk}/actuals/2026-Q3", {"value": 1})
    assert written.status_code == 404
    assert not MetricActual.objects.exists()
    listed = holder.call("GET", "/charters").json()
    assert [item["id"] for item in listed] == [holder.charter.pk]


def test_a_token_made_for_another_workspace_of_the_same_person_sees_only_that_one(client):
    holder = token_holder(client)
    second = MembershipFactory(user=holder.membership.user)
    other_charter = CharterFactory(workspace=second.workspace)

    response = holder.call("GET", f"/charters/{other_charter.pk}")

    assert response.status_code == 404


def test_past_the_rate_limit_the_token_gets_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT_PER_MINUTE = 3
    holder = token_holder(client)

    statuses = [holder.call("GET", "/workspace").status_code for _ in range(4)]
    refused = holder.call("GET", "/workspace")

    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "requests this minute" in refused.json()["detail"]
    other = token_holder(client)
    assert other.call("GET", "/workspace").status_code == 200


def test_huge_ids_are_refused_by_validation_not_the_database(client):
    holder = token_holder(client)

    response = holder.call("GET", "/charters/99999999999999999999")

    assert response.status_code == 422
    assert response.json()["detail"]


# The profile page -------------------------------------------------------------------


def test_making_a_token_shows_it_once_and_lists_it(client):
    membership = MembershipFactory(role=Role.EDITOR)
    client.force_login(membership.user)

    made = client.post(
        "/profile/api-tokens/new/",
        {
            "workspace": membership.pk,
            "name": "HubSpot sync",
            "scopes": ["read", "write:actuals"],
            "lifetime": 90,
        },
    )

    assert made.status_code == 201
    token = ApiToken.objects.get(user=membership.user)
    text = made.content.decode()
    assert f"cbt_{token.lookup_id}_" in text
    assert token.scopes == ["read", "write:actuals"]
    assert (token.expires_at - timezone.now()).days in (89, 90)
    listing = client.get("/profile/api-tokens/").content.decode()
    assert "HubSpot sync" in listing
    shown = text.split(f"cbt_{token.lookup_id}_", 1)[1].split('"', 1)[0]
    assert shown not in listing
    assert AuditEvent.objects.filter(action="api_token.created").exists()


def test_a_viewer_cannot_grant_a_write_scope(client):
    membership = MembershipFactory(role=Role.VIEWER)
    client.force_login(membership.user)

    refused = client.post(
        "/profile/api-tokens/new/",
        {"workspace": membership.pk, "name": "x", "scopes": ["write:actuals"], "lifetime": 30},
    )

    assert refused.status_code == 400
    assert "cannot grant" in refused.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"name": "", "scopes": ["read"], "lifetime": 30},
        {"name": "x" * 81, "scopes": ["read"], "lifetime": 30},
        {"name": "x", "scopes": [], "lifetime": 30},
        {"name": "x", "scopes": ["admin"], "lifetime": 30},
        {"name": "x", "scopes": ["read"], "lifetime": 10000},
    ],
)
def test_bad_token_forms_are_400_and_make_nothing(client, data):
    membership = MembershipFactory(role=Role.OWNER)
    client.force_login(membership.user)

    refused = client.post("/profile/api-tokens/new/", {"workspace": membership.pk, **data})

    assert refused.status_code == 400
    assert not ApiToken.objects.exists()


def test_a_workspace_the_person_is_not_in_is_refused(client):
    membership = MembershipFactory(role=Role.OWNER)
    stranger_membership = MembershipFactory(role=Role.OWNER)
    client.force_login(membership.user)

    refused = client.post(
        "/profile/api-tokens/new/",
        {"workspace": stranger_membership.pk, "name": "x", "scopes": ["read"], "lifetime": 30},
    )

    assert refused.status_code == 400
    assert not ApiToken.objects.exists()


def test_revoking_from_the_profile_page_stops_the_token(client):
    holder = token_holder(client)
    client.force_login(holder.membership.user)

    revoked = client.post(f"/profile/api-tokens/{holder.token.pk}/revoke/", HTTP_HX_REQUEST="true")

    assert revoked.status_code == 200
    assert "is revoked" in revoked.content.decode()
    client.logout()
    assert holder.call("GET", "/workspace").status_code == 401


def test_nobody_can_revoke_someone_elses_token(client):
    holder = token_holder(client)
    intruder = MembershipFactory(workspace=holder.membership.workspace, role=Role.OWNER)
    client.force_login(intruder.user)

    response = client.post(f"/profile/api-tokens/{holder.token.pk}/revoke/")

    assert response.status_code == 404
    holder.token.refresh_from_db()
    assert not holder.token.is_revoked
