import re
from decimal import Decimal

import pytest

from charter.models import Audience, FundingSource, Scope, Service
from tests.charter.scope_factories import AudienceFactory, FundingSourceFactory, ServiceFactory
from tests.factories import CharterFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def editor(charter_client):
    return charter_client("editor")


def audience_data(**overrides):
    data = {
        "role": "Account executives",
        "segment": "Enterprise, EMEA",
        "headcount": "40",
        "priority": "primary",
        "served_from_phase": "",
        "revision": "0",
    }
    return {**data, **overrides}


def test_editor_adds_an_audience_in_place(editor):
    response = editor.post(f"{editor.base}/audiences/add/", audience_data(), **HTMX)

    assert response.status_code == 200
    audience = Audience.objects.get()
    assert f'id="audience-{audience.pk}"' in response.content.decode()
    assert (audience.charter, audience.headcount) == (editor.charter, 40)
    assert "charter-changed" in response["HX-Trigger"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("headcount", "many", "Enter a whole number."),
        ("headcount", "-3", "greater than or equal to 0"),
        ("served_from_phase", "999999", "Select a valid choice"),
        ("role", "", "This field is required."),
        ("role", "x" * 121, "at most 120 characters"),
        ("priority", "tertiary", "Select a valid choice"),
    ],
)
def test_bad_audience_input_is_refused_and_keeps_what_was_typed(editor, field, value, message):
    row = AudienceFactory(charter=editor.charter, role="SDRs", headcount=12)
    data = audience_data(revision=str(row.revision), **{field: value})
    data.setdefault("role", "SDRs")

    response = editor.post(f"{editor.base}/audiences/{row.pk}/edit/", data, **HTMX)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    if value and len(value) < 50:
        assert f'value="{value}"' in html or f'"{value}" selected' in html or value in html
    row.refresh_from_db()
    assert (row.role, row.headcount) == ("SDRs", 12)


def test_stale_audience_edit_shows_the_conflict_with_both_versions(editor):
    row = AudienceFactory(charter=editor.charter, role="SDRs")
    seen = row.revision
    row.role = "Inside sales"
    row.save_revision(seen)

    response = editor.post(
        f"{editor.base}/audiences/{row.pk}/edit/",
        audience_data(role="Sales development", revision=str(seen)),
        **HTMX,
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Sales development" in html and "Inside sales" in html
    row.refresh_from_db()
    assert row.role == "Inside sales"


def test_rows_of_another_charter_or_workspace_are_404(editor):
    sibling = AudienceFactory(charter=CharterFactory(workspace=editor.charter.workspace))
    foreign = AudienceFactory()
    foreign_funding = FundingSourceFactory()

    for row in (sibling, foreign):
        url = f"{editor.base}/audiences/{row.pk}/edit/"
        assert editor.post(url, audience_data(), **HTMX).status_code == 404
        assert editor.post(f"{editor.base}/audiences/{row.pk}/delete/").status_code == 404
    assert editor.get(f"{editor.base}/funding/{foreign_funding.pk}/edit/").status_code == 404
    assert Audience.objects.filter(role="Account executives").count() == 0
    assert Audience.objects.count() == 2


def test_headcount_totals_follow_the_audiences(editor):
    AudienceFactory(charter=editor.charter, headcount=40)
    AudienceFactory(charter=editor.charter, headcount=25, priority="secondary")
    AudienceFactory(charter=editor.charter, headcount=None)

    page = editor.get(f"{editor.base}/s/scope/").content.decode()
    totals = editor.get(f"{editor.base}/scope/audiences/totals/", **HTMX).content.decode()

    assert 'hx-trigger="audience-changed from:body"' in page
    for html in (page, totals):
        assert '<span class="total">65</span>' in html
        assert "(40 in primary audiences)" in html


def funding_data(**overrides):
    return {"team": "Sales", "amount": "250000", "currency": "USD", "revision": "0", **overrides}


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        ("-100", "USD", "An amount cannot be negative."),
        ("12,000", "USD", "without thousands separators"),
        ("lots", "USD", "Enter the amount as a number"),
        ("NaN", "USD", "Enter the amount as a number"),
        ("100.505", "USD", "at most two decimal places"),
        ("1" * 15, "USD", "too large"),
        ("100", "XYZ", "Choose a currency from the list"),
        ("100", "", "This field is required."),
    ],
)
def test_bad_funding_is_refused_with_a_clear_message(editor, amount, currency, message):
    response = editor.post(
        f"{editor.base}/funding/add/", funding_data(amount=amount, currency=currency), **HTMX
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FundingSource.objects.exists()


def test_funding_is_saved_as_decimal_and_totalled_per_currency(editor):
    for amount, currency in [("1000.25", "USD"), ("500", "USD"), ("99", "EUR")]:
        editor.post(
            f"{editor.base}/funding/add/", funding_data(amount=amount, currency=currency), **HTMX
        )

    assert FundingSource.objects.filter(currency="USD").first().amount == Decimal("1000.25")
    totals = editor.get(f"{editor.base}/scope/funding/totals/", **HTMX).content.decode()
    assert "1,500.25 USD" in totals and "99 EUR" in totals


def test_editor_chooses_services_offered_from_the_catalogue(editor):
    page = editor.get(f"{editor.base}/s/scope/")
    catalogue = list(Service.objects.filter(workspace=editor.charter.workspace))
    assert len(catalogue) == 7, "the default catalogue is seeded on first use"
    onboarding, coaching = catalogue[0], catalogue[2]

    response = editor.post(
        f"{editor.base}/scope/services/edit/",
        {"services": [onboarding.pk, coaching.pk], "revision": "1"},
        **HTMX,
    )

    assert page.status_code == 200
    assert response.status_code == 200
    scope = Scope.objects.get(charter=editor.charter)
    assert set(scope.services.all()) == {onboarding, coaching}
    assert "scope-services-changed" in response["HX-Trigger"]


def test_services_of_another_workspace_are_refused(editor):
    Service.catalogue(editor.charter.workspace)
    foreign = ServiceFactory()

    response = editor.post(
        f"{editor.base}/scope/services/edit/", {"services": [foreign.pk], "revision": "1"}, **HTMX
    )

    assert response.status_code == 400
    assert "Choose services from this workspace" in response.content.decode()
    assert not Scope.objects.get(charter=editor.charter).services.exists()


def test_stale_services_choice_shows_what_is_saved_and_keeps_the_ticks(editor):
    onboarding, training, *_ = Service.catalogue(editor.charter.workspace)
    loaded = editor.get(f"{editor.base}/scope/services/edit/", **HTMX).content.decode()
    assert 'name="revision" value="1"' in loaded
    editor.post(
        f"{editor.base}/scope/services/edit/",
        {"services": [training.pk], "revision": "1", "base": _base(loaded)},
        **HTMX,
    )

    response = editor.post(
        f"{editor.base}/scope/services/edit/",
        {"services": [onboarding.pk], "revision": "1", "base": _base(loaded)},
        **HTMX,
    )

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed the services offered" in html
    assert "Saved now: Training" in html
    assert "checked" in checkbox(html, onboarding)
    assert "checked" not in checkbox(html, training)
    assert list(Scope.objects.get().services.all()) == [training]


def checkbox(html, service):
    return re.search(rf'<input[^>]*value="{service.pk}"[^>]*>', html).group(0)


def _base(html):
    return html.split('name="base" value="')[1].split('"')[0]


def test_catalogue_entries_are_added_renamed_and_removed(editor):
    slug = editor.charter.workspace.slug
    Service.catalogue(editor.charter.workspace)
    added = editor.post(
        f"/w/{slug}/services/add/", {"name": "Deal desk", "description": "", "revision": "0"}
    )
    duplicate = editor.post(
        f"/w/{slug}/services/add/", {"name": "deal DESK", "revision": "0"}, **HTMX
    )
    service = Service.objects.get(name="Deal desk")
    renamed = editor.post(
        f"/w/{slug}/services/{service.pk}/edit/",
        {"name": "Deal support", "revision": str(service.revision)},
        **HTMX,
    )
    scope = Scope.objects.create(charter=editor.charter)
    scope.services.add(service)
    service.refresh_from_db()
    removed = editor.post(
        f"/w/{slug}/services/{service.pk}/delete/", {"revision": str(service.revision)}, **HTMX
    )

    assert added.status_code == 302 and added["Location"] == f"/w/{slug}/services/"
    assert duplicate.status_code == 400
    assert "The catalogue already has “deal DESK”." in duplicate.content.decode()
    assert renamed.status_code == 200 and "Deal support" in renamed.content.decode()
    assert removed.status_code == 200
    assert not scope.services.exists()
    assert Service.objects.filter(workspace=editor.charter.workspace).count() == 7


def test_catalogue_page_lists_the_workspace_services(editor):
    page = editor.get(f"/w/{editor.charter.workspace.slug}/services/").content.decode()

    assert "Service catalogue" in page and "Sales–marketing alignment" in page


def test_budget_owner_is_saved_and_an_overlong_one_refused(editor):
    url = f"{editor.base}/s/scope/budget/edit/"
    saved = editor.post(url, {"budget_owner": "Olivia Owens", "revision": "1"}, **HTMX)
    refused = editor.post(url, {"budget_owner": "x" * 161, "revision": "2"}, **HTMX)

    assert saved.status_code == 200
    assert refused.status_code == 400
    assert Scope.objects.get().budget_owner == "Olivia Owens"


@pytest.mark.parametrize("role", ["viewer", "contributor", "board"])
def test_only_editors_change_the_scope(member_client, role):
    client = member_client(role)
    charter = CharterFactory(workspace=client.membership.workspace)
    AudienceFactory(charter=charter, role="Sales managers")
    base = f"/w/{charter.workspace.slug}/charters/{charter.pk}"

    page = client.get(f"{base}/s/scope/").content.decode()

    assert "Sales managers" in page
    assert "Add audience" not in page
    assert client.post(f"{base}/audiences/add/", audience_data()).status_code == 403
    assert client.post(f"{base}/scope/services/edit/", {"services": []}).status_code == 403
    assert Audience.objects.count() == 1


def test_scope_page_queries_do_not_grow_with_rows(editor, assert_page_queries_flat):
    def rows(count):
        AudienceFactory.create_batch(count, charter=editor.charter)
        FundingSourceFactory.create_batch(count, charter=editor.charter)

    assert_page_queries_flat(editor, f"{editor.base}/s/scope/", rows, many=30)
