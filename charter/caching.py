"""Keys for what the cache keeps of charters and versions.

Every key carries a digest of the release's code, templates and catalogues, so a release
that draws or words things differently never reads what an older one kept.
"""

import functools
import hashlib
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings

# A version never changes, so what is derived from it only leaves the cache to make room.
VERSION_SECONDS = 30 * 24 * 3600


def cache_key(kind: str, *parts) -> str:
    described = json.dumps([*parts, code_fingerprint()], sort_keys=True, default=str)
    return f"{kind}:{hashlib.sha256(described.encode()).hexdigest()}"


@functools.cache
def code_fingerprint() -> str:
    """A digest of the Python code and templates of the project's own apps, its templates
    directory and its compiled catalogues. Installed packages are left out (reading them
    costs each process a few hundred milliseconds): after upgrading one that changes what
    pages show, clear the cache."""
    base = Path(settings.BASE_DIR).resolve()
    roots = [
        root
        for root in (Path(config.path).resolve() for config in apps.get_app_configs())
        if root.parent == base
    ]
    sources = [(root, pattern) for root in roots for pattern in ("*.py", "*.html")]
    sources += [(Path(root), "*.mo") for root in settings.LOCALE_PATHS]
    sources += [(Path(root), "*.html") for engine in settings.TEMPLATES for root in engine["DIRS"]]
    # Named within their root, which need not lie in the project (LOCALE_PATHS may point out).
    files = {
        (root.name, str(path.relative_to(root)), path)
        for root, pattern in sources
        for path in root.rglob(pattern)
    }
    digest = hashlib.sha256()
    for root_name, name, path in sorted(files):
        digest.update(f"{root_name}/{name}".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
