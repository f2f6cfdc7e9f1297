"""Publishing versions: freeze the live charter into one immutable snapshot."""

import hashlib
import json
import threading
from collections import OrderedDict
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from charter import portable
from charter.errors import NotAllowed
from charter.models import AuditEvent, Charter, CharterVersion
from charter.periods import quarter_label
from charter.registry import announce, snapshot_charter
from charter.signals import version_published

# The snapshot's copy of the charter as the JSON export writes it.
PORTABLE_KEY = "portable"


def canonical_json(data) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def snapshot_hash(snapshot: dict) -> str:
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).hexdigest()


def charter_info(charter: Charter) -> dict:
    return {
        "title": charter.title,
        "workspace": charter.workspace.name,
        "period_start": charter.period_start.isoformat(),
        "period_end": charter.period_end.isoformat(),
        "language": charter.language,
    }


def take_snapshot(charter: Charter, with_portable: bool = False) -> dict:
    # Labels frozen into the snapshot are read in the charter's language, whoever publishes:
    # the PDF and the board read them, not the publisher's interface.
    with translation.override(charter.language):
        sections = snapshot_charter(charter)
    document = {"charter": charter_info(charter), "sections": sections}
    if with_portable:
        # A published version also keeps the charter's portable document (the JSON export),
        # so that its PDF, which embeds the snapshot, can be restored by the JSON import.
        document[PORTABLE_KEY] = portable.export_charter(charter)
    # Round-trip through canonical JSON so that what is stored is exactly what was hashed.
    return json.loads(canonical_json(document))


def publish(charter: Charter, by, membership, label: str = "", summary: str = "") -> CharterVersion:
    if not membership.can("edit"):
        raise NotAllowed(_("Only editors can publish a version."))
    with transaction.atomic():
        # Lock the charter row so that two publishes never take the same number.
        Charter.objects.select_for_update().filter(pk=charter.pk).first()
        snapshot = take_snapshot(charter, with_portable=True)
        number = (charter.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = CharterVersion.objects.create(
            charter=charter,
            number=number,
            label=label.strip() or quarter_label(date.today()),
            summary=summary.strip(),
            author=by,
            snapshot=snapshot,
            snapshot_sha256=snapshot_hash(snapshot),
        )
        AuditEvent.record(
            charter.workspace,
            by,
            "version.published",
            version,
            changes={"number": number, "sha256": version.snapshot_sha256},
        )
        announce(
            "version.published",
            charter.workspace,
            {"charter_id": charter.pk, "version_id": version.pk, "number": number},
        )
        transaction.on_commit(
            lambda: version_published.send(CharterVersion, version=version, by=by)
        )
    return version


def live_differs(live_content_hash: str, version: CharterVersion) -> bool:
    """Whether the live charter (its snapshot's ``content_hash``) has moved away from what
    ``version`` froze.

    The live snapshot leaves out the portable document (it would cost every page its
    queries); what it shows is compared with the version's charter and sections.
    """
    return live_content_hash != version_content_hash(version)


# A version's snapshot never changes once published, so neither does its content hash; the
# stored SHA-256 in the key makes a restored or replaced row a new entry all the same.
_version_content_hashes: OrderedDict[tuple[int, str], str] = OrderedDict()
_version_content_hashes_lock = threading.Lock()
VERSION_CONTENT_HASHES_KEPT = 1024


def version_content_hash(version: CharterVersion) -> str:
    """``content_hash`` of a version's snapshot, computed once per process; the snapshot
    column may be deferred: it is only loaded the first time."""
    key = (version.pk, version.snapshot_sha256)
    with _version_content_hashes_lock:
        if key in _version_content_hashes:
            _version_content_hashes.move_to_end(key)
            return _version_content_hashes[key]
    hashed = content_hash(version.snapshot, version.snapshot_sha256)
    with _version_content_hashes_lock:
        _version_content_hashes[key] = hashed
        while len(_version_content_hashes) > VERSION_CONTENT_HASHES_KEPT:
            _version_content_hashes.popitem(last=False)
    return hashed


def content_hash(snapshot: dict, stored_hash: str | None = None) -> str:
    """The hash of what a snapshot shows (its charter and sections, not the portable copy):
    the same for a version and for the live charter when their content is the same."""
    if PORTABLE_KEY not in snapshot:
        return stored_hash or snapshot_hash(snapshot)
    return snapshot_hash({key: value for key, value in snapshot.items() if key != PORTABLE_KEY})
