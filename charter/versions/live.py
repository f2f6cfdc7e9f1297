"""The live charter's snapshot, kept in the cache until something it reads changes.

Taking it reads some fifty tables; the overview, the publish form, the comparison with the
live charter and the version panel all need it. An entry is keyed by the charter's content
revision and the people's (``charter.content_revisions``: database triggers bump them on
every write to a table the snapshot reads), by the charter row as the request loaded it, and
by the release (``charter.caching``), so a key read after a write never finds what was there
before it.
"""

from typing import NamedTuple

from django.core.cache import cache
from django.db import transaction

from charter.caching import cache_key
from charter.content_revisions import revisions
from charter.models import Charter
from charter.versions.publishing import content_hash, take_snapshot

# Entries are never stale; the timeout only lets charters nobody opens leave the cache.
LIVE_SNAPSHOT_SECONDS = 7 * 24 * 3600


class LiveSnapshot(NamedTuple):
    snapshot: dict
    # Hashing what the snapshot shows costs a serialisation of all of it: done once per entry.
    content_hash: str


def live_snapshot(request, charter: Charter) -> dict:
    """The live charter's snapshot, taken once per request however many blocks need it."""
    return live_entry(request, charter).snapshot


def live_content_hash(request, charter: Charter) -> str:
    """``content_hash`` of the live snapshot, to compare with a version's."""
    return live_entry(request, charter).content_hash


def live_entry(request, charter: Charter) -> LiveSnapshot:
    taken = request.__dict__.setdefault("_live_snapshots", {})
    if charter.pk not in taken:
        workspace = getattr(request, "workspace", None)
        if workspace is not None and charter.workspace_id == workspace.pk:
            charter.workspace = workspace
        taken[charter.pk] = cached_live_entry(charter)
    return taken[charter.pk]


def cached_live_entry(charter: Charter) -> LiveSnapshot:
    """``take_snapshot(charter)`` and its hash, from the cache while no table it reads changed."""
    counted = revisions(charter)
    key = live_snapshot_key(charter, counted)
    entry = cache.get(key)
    if entry is not None:
        return entry
    snapshot = take_snapshot(charter)
    entry = LiveSnapshot(snapshot, content_hash(snapshot))
    # A write committed while the snapshot was taken may be half in it, and its bump has
    # made a new key already: keep only a snapshot that one revision held throughout. Inside
    # a transaction, keep it once it commits: a rolled-back write's revision comes again.
    if revisions(charter) == counted:
        transaction.on_commit(lambda: cache.set(key, entry, LIVE_SNAPSHOT_SECONDS))
    return entry


def live_snapshot_key(charter: Charter, counted: tuple[int, int]) -> str:
    loaded = {field.attname: getattr(charter, field.attname) for field in Charter._meta.fields}
    return cache_key(f"live-snapshot:{charter.pk}", loaded, charter.workspace.name, list(counted))
