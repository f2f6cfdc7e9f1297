"""Every route of the project can be found by grepping for its name."""

import inspect
from pathlib import Path
from types import ModuleType

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver

PROJECT = Path(settings.BASE_DIR).resolve()


def _project_urlconf(resolver: URLResolver) -> ModuleType | None:
    module = resolver.urlconf_module
    if not isinstance(module, ModuleType):
        return None  # e.g. admin.site.urls, a list built by Django
    path = Path(inspect.getsourcefile(module)).resolve()
    return module if PROJECT in path.parents and ".venv" not in path.parts else None


def project_routes(resolver=None, namespace=""):
    """(namespaced name, pattern, the project URLconf that includes it) for each named route."""
    resolver = resolver or get_resolver()
    urlconf = _project_urlconf(resolver)
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from project_routes(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name and urlconf is not None:
            yield f"{namespace}{pattern.name}", pattern, urlconf


def test_every_route_name_is_quoted_in_the_urls_module_that_defines_it():
    routes = list(project_routes())
    namespaces = {name.split(":")[0] for name, _, _ in routes}
    assert {"charter", "research", "roadmap", "governance", "outside_review"} <= namespaces

    missing = [
        f"{name} (in {urlconf.__name__})"
        for name, pattern, urlconf in routes
        if f'"{pattern.name}"' not in inspect.getsource(urlconf)
        and f"'{pattern.name}'" not in inspect.getsource(urlconf)
    ]
    assert missing == []


def test_in_place_editing_routes_sit_in_the_namespace_their_spec_reverses():
    checked = 0
    for name, pattern, _ in project_routes():
        namespace, _, short = name.rpartition(":")
        spec = pattern.default_args.get("editor") or pattern.default_args.get("block")
        if spec is None:
            continue
        expected = getattr(spec, "namespace", "charter")
        assert (namespace, short in spec.url_names.values()) == (expected, True), name
        checked += 1
    assert checked > 50
