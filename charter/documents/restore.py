"""A charter restored from one of its PDFs: the embedded snapshot carries its JSON document.

Every charter PDF embeds its version's snapshot (a PDF/A-3 associated file), and a snapshot
holds the charter's portable document, so the PDF is enough to bring the charter back: the
document goes through the JSON import (``charter.portable.import_charter``), with its checks
and its all-or-nothing transaction. Before that, the file is read as anyone's bytes: it must
be a PDF within the upload limit, hold the snapshot, and the snapshot must still have the
SHA-256 it was exported with. The user is told what was found: which version, whether it is
one of this instance's exports, and what its signature says.
"""

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from io import BytesIO
from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter.documents.exports import SNAPSHOT_ATTACHMENT, find_by_hash
from charter.documents.forms import clean_pdf
from charter.models import VersionStatus
from charter.versions.publishing import PORTABLE_KEY, snapshot_hash

if TYPE_CHECKING:
    from pypdf import PdfReader

    from charter.documents.signing import SignatureCheck

logger = logging.getLogger(__name__)

# The attachment's description ends with the snapshot's SHA-256, whatever its language.
DESCRIBED_HASH = re.compile(r"\b([0-9a-f]{64})\b")


class Unrestorable(Exception):
    """The file cannot become a charter; the message says why, in the reader's terms."""


class RestoreForm(forms.Form):
    pdf = forms.FileField(
        label=gettext_lazy("Charter PDF"),
        help_text=gettext_lazy(
            "A PDF exported by Charterboard: the charter inside it is restored."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_pdf(self):
        return clean_pdf(self.cleaned_data["pdf"])

    def data_bytes(self) -> bytes:
        upload = self.cleaned_data["pdf"]
        upload.seek(0)
        return b"".join(upload.chunks())


@dataclass(frozen=True)
class Embedded:
    snapshot: dict
    described_hash: str | None


def embedded_snapshot(data: bytes) -> Embedded:
    """The snapshot the PDF embeds, checked against the hash it was exported with."""
    try:
        # pypdf and pyHanko load here, not with the data page that offers the upload.
        from pypdf import PdfReader

        reader = PdfReader(BytesIO(data), strict=False)
        attachments = reader.attachments
        contents = attachments.get(SNAPSHOT_ATTACHMENT)
        described = _description(reader)
    except Exception as error:
        # Anyone's bytes: whatever the parser trips over means the same to the reader.
        logger.info("Uploaded PDF could not be read for its attachments", exc_info=True)
        raise Unrestorable(_("This PDF cannot be read: it may be damaged.")) from error
    if not contents:
        raise Unrestorable(
            _(
                "This PDF holds no charter snapshot. Only PDFs exported by Charterboard can be "
                "restored."
            )
        )
    try:
        snapshot = json.loads(contents[0].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise Unrestorable(
            _("The charter snapshot in this PDF is damaged: it is not valid JSON.")
        ) from error
    if not isinstance(snapshot, dict):
        raise Unrestorable(_("The charter snapshot in this PDF is damaged."))
    found = DESCRIBED_HASH.search(described or "")
    described_hash = found.group(1) if found else None
    if described_hash is not None and snapshot_hash(snapshot) != described_hash:
        raise Unrestorable(
            _(
                "The charter snapshot in this PDF does not match the fingerprint it was "
                "exported with: the file was changed. Nothing was imported."
            )
        )
    if not isinstance(snapshot.get(PORTABLE_KEY), dict):
        raise Unrestorable(
            _(
                "This PDF was made before Charterboard kept the whole charter in its PDFs. "
                "Import the charter's JSON file instead."
            )
        )
    return Embedded(snapshot, described_hash)


def _description(reader: "PdfReader") -> str | None:
    """The description of the snapshot's file specification, which names its SHA-256."""
    names = reader.trailer["/Root"].get("/Names", {}).get("/EmbeddedFiles", {}).get("/Names", [])
    for name, spec in zip(names[::2], names[1::2], strict=False):
        if str(name) == SNAPSHOT_ATTACHMENT:
            return str(spec.get_object().get("/Desc", ""))
    return None


def signature_sentence(checks: "list[SignatureCheck] | None") -> str:
    if not checks:
        return _("It is not signed: a PDF is signed only once the board approves its version.")
    check = checks[-1]
    if check.intact and check.trusted and not check.changed_after_signing:
        return _("Signed by %(signer)s; the signature is valid.") % {"signer": check.signer}
    if check.intact and not check.changed_after_signing:
        return _("Signed by %(signer)s, with a key this Charterboard does not know.") % {
            "signer": check.signer or _("an unknown signer")
        }
    return _("Its signature is not valid: the file was changed after it was signed.")


def what_was_found(user, data: bytes, embedded: Embedded) -> str:
    """ "Approved version 3 of ‘…’, one of this workspace's exports. Signed by …" in words."""
    title = embedded.snapshot.get("charter", {}).get("title", "")
    matches = find_by_hash(user, hashlib.sha256(data).hexdigest())
    if not matches and embedded.described_hash:
        matches = find_by_hash(user, embedded.described_hash)
    from charter.documents.signing import check_signatures

    checks = check_signatures(data)
    if matches:
        version = matches[0].version
        export = matches[0].export
        status = VersionStatus(export.version_status if export else version.status)
        found = _("%(status)s version %(number)s of “%(title)s”, known to this Charterboard.") % {
            "status": status.label,
            "number": version.number,
            "title": title,
        }
    else:
        found = _("A version of “%(title)s” that this Charterboard did not export for you.") % {
            "title": title
        }
    return f"{found} {signature_sentence(checks)}"
