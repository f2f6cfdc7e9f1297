from collections.abc import Iterator

from django.core.management.base import BaseCommand
from django.urls import URLPattern, URLResolver, get_resolver


def named_routes(resolver: URLResolver, prefix: str = "", namespace: str = "") -> Iterator[str]:
    """``namespace:name  route`` for every named pattern under ``resolver``, included ones too."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_routes(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}  {prefix}{pattern.pattern}"


class Command(BaseCommand):
    help = "Print every URL name with its route, sorted: `namespace:name  route`."

    def handle(self, *args, **options):
        # A route overridden ahead of an include (the throttled login) is listed once.
        for line in sorted(set(named_routes(get_resolver()))):
            self.stdout.write(line)
