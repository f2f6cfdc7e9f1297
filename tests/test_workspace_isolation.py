"""Walk every URL pattern and prove that another workspace's objects answer 404."""

import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver

from charter.models import Workspace
from charter.registry import registry
from tests.factories import MembershipFactory

# URL arguments that are not object ids, and a valid value for each.
PLAIN_ARGUMENTS = {
    "section_key": lambda: registry.all()[0].key,
    # The calendar feed's secret: a wrong one is the same 404 in every workspace.
    "token": lambda: "not-a-feed-secret",
}


def workspace_patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from workspace_patterns(entry, route)
        elif isinstance(entry, URLPattern) and "<workspace:workspace>" in route:
            yield route, entry


def model_for_argument(argument: str):
    name = argument.removesuffix("_pk")
    for model in apps.get_models():
        if model._meta.model_name == name.replace("_", ""):
            return model
    raise LookupError(f"URL argument {argument!r} names no model; name it <modelname>_pk.")


def object_in(workspace, model):
    return model._default_manager.filter(**{model.workspace_path: workspace}).first()


def fill(route: str, workspace_slug: str, objects_from) -> str:
    def value(match):
        name = match.group(2)
        if name == "workspace":
            return workspace_slug
        if name in PLAIN_ARGUMENTS:
            return str(PLAIN_ARGUMENTS[name]())
        model = model_for_argument(name)
        obj = object_in(objects_from, model)
        assert obj is not None, (
            f"the demo data has no {model.__name__}; add one so {route} is tested"
        )
        return str(obj.pk)

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


@pytest.fixture
def other_workspace(db):
    call_command("seed_demo", stdout=io.StringIO())
    return Workspace.objects.get(name="Northwind Sales Enablement")


@pytest.mark.django_db
def test_every_workspace_url_hides_other_workspaces_objects(client, other_workspace):
    own = MembershipFactory(role="owner")
    client.force_login(own.user)
    routes = list(workspace_patterns())
    assert len(routes) >= 5
    leaks = []
    for route, _pattern in routes:
        # Someone else's workspace in the URL.
        foreign = fill(route, other_workspace.slug, other_workspace)
        # Our own workspace in the URL, someone else's object ids.
        forged = fill(route, own.workspace.slug, other_workspace)
        for url in {foreign, forged}:
            if url == f"/w/{own.workspace.slug}/" or "_pk" not in route and url == forged:
                continue
            for method in (client.get, client.post):
                status = method(url).status_code
                # A POST-only action refuses a GET before it looks anything up.
                allowed = {404, 405} if url == forged and method == client.get else {404}
                if status not in allowed:
                    leaks.append(f"{method.__name__.upper()} {url} → {status}")
    assert leaks == []
