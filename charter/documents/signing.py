"""Digital signatures on approved PDFs (PAdES, with pyHanko), and checking them.

The key is the PKCS#12 file named by ``PDF_SIGNING_PKCS12`` (and ``PDF_SIGNING_PASSWORD``).
Without one, the instance makes its own key and self-signed certificate on first use, under
``CHARTERBOARD_VAR_DIR/signing/``, and keeps it: such a signature proves that the file is
unchanged since this instance signed it, not who runs the instance.
"""

import asyncio
import contextlib
import datetime
import logging
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from fontTools.ttLib import TTCollection
from pyhanko.pdf_utils import layout, text
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from charter.documents.exports import SIGNED, document_parts
from charter.documents.rendering import PageBox, RenderedPdf
from charter.formatting import format_datetime
from charter.models import PdfExport

logger = logging.getLogger(__name__)

SIGNATURE_FIELD = "Approval"
SELF_SIGNED_FILE = "self-signed.p12"
SELF_SIGNED_NAME = "Charterboard document signing (self-signed)"
# A font for the signature's appearance, which PDF/A requires to be embedded.
FALLBACK_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONTCONFIG_LANGUAGES = {"zh-hans": "zh-cn", "zh-hant": "zh-tw"}


@dataclass(frozen=True)
class SigningKey:
    signer: signers.SimpleSigner
    certificate: asn1_x509.Certificate
    self_signed: bool


@dataclass(frozen=True)
class SignatureCheck:
    """What a signature in an uploaded PDF says, in the reader's terms."""

    signer: str
    signed_at: datetime.datetime | None
    intact: bool
    changed_after_signing: bool
    trusted: bool


def signing_dir() -> Path:
    return Path(settings.VAR_DIR) / "signing"


def signing_key() -> SigningKey:
    """The configured key, else this instance's own self-signed one (made on first use)."""
    if settings.PDF_SIGNING_PKCS12:
        return _load(
            Path(settings.PDF_SIGNING_PKCS12), (settings.PDF_SIGNING_PASSWORD or "").encode()
        )
    path = signing_dir() / SELF_SIGNED_FILE
    if not path.exists():
        _create_self_signed(path)
    return _load(path, None, self_signed=True)


@cache
def _load_cached(path: str, mtime: float, password: bytes | None, self_signed: bool) -> SigningKey:
    try:
        signer = signers.SimpleSigner.load_pkcs12_data(
            Path(path).read_bytes(), other_certs=[], passphrase=password
        )
    except (OSError, ValueError) as error:
        raise ImproperlyConfigured(f"The PDF signing key {path} cannot be read: {error}") from error
    return SigningKey(signer=signer, certificate=signer.signing_cert, self_signed=self_signed)


def _load(path: Path, password: bytes | None, self_signed: bool = False) -> SigningKey:
    # The file's mtime is in the cache key: a replaced key is read again.
    return _load_cached(str(path), path.stat().st_mtime, password, self_signed)


def _create_self_signed(path: Path) -> None:
    """Write a new key and certificate, unless another process got there first.

    The PKCS#12 file is written under a temporary name and linked into place: a link fails
    when the name exists, so two workers racing on first use end up with one key.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # RSA rather than ECDSA: an ECDSA signature makes pyHanko declare the ISO 32002 extension
    # and raise the file to PDF 2.0, which PDF/A-3 (based on PDF 1.7) does not know.
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, SELF_SIGNED_NAME),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Charterboard"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"charterboard", key, certificate, None, serialization.NoEncryption()
    )
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".new-", suffix=".p12")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)


def common_name(certificate: asn1_x509.Certificate) -> str:
    subject = certificate.subject.native
    return subject.get("common_name") or certificate.subject.human_friendly


def should_sign(export: PdfExport) -> bool:
    """Only a version the board approved is signed, as it stood when the file was made."""
    return export.version_status in SIGNED


def approval_lines(export: PdfExport) -> list[str]:
    """The approval record as the signature shows it: who, which seat, when, what it meant."""
    parts = document_parts(PdfExport.Kind.CHARTER, export.version, export.params)
    lines = []
    for _part, data in parts:
        votes = [vote for vote in data.get("votes") or [] if vote.get("decision") == "approve"]
        for vote in votes:
            seat = f", {vote['title']}" if vote.get("title") else ""
            confirmed = _("password confirmed") if vote.get("reauthenticated") else ""
            line = _("%(name)s%(seat)s — approved %(when)s") % {
                "name": vote["name"],
                "seat": seat,
                "when": vote.get("voted_label") or vote.get("voted_at") or "",
            }
            lines.append(f"{line} · {confirmed}" if confirmed else line)
        if votes:
            break
    return lines


def stamp_text(export: PdfExport) -> str:
    version = export.version
    with translation.override(version.charter.language or "en"):
        heading = _("Digitally signed: version %(number)s · %(label)s, approved by the board") % {
            "number": version.number,
            "label": version.label,
        }
        decided = format_datetime(version.decided_at)
        lines = approval_lines(export) or [_("Approved on %(date)s") % {"date": decided}]
        # The signing moment in the document's own date style, not pyHanko's %(ts)s, which
        # can only be a strftime pattern: the stamp is written in the same second.
        footer = _("Signed %(time)s by %(signer)s") % {
            "time": format_datetime(timezone.now()).replace("%", "%%"),
            "signer": "%(signer)s",
        }
    # pyHanko fills in %(signer)s; any other % in the names must stay literal.
    body = [heading, *lines]
    return "\n".join(line.replace("%", "%%") for line in body) + "\n" + footer


def _outside_any_event_loop(work):
    """pyHanko's ``sign_pdf`` calls ``asyncio.run``, which refuses to start inside a running
    loop: a render run in a thread that has one (an async server, an in-process browser
    driver) signs in a thread of its own instead."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return work()
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(work).result()


def sign(export: PdfExport, rendered: RenderedPdf) -> RenderedPdf:
    """Add a PAdES signature as an incremental update, drawn in the box the cover keeps."""
    key = signing_key()
    writer = IncrementalPdfFileWriter(BytesIO(rendered.data))
    _drop_info_producer(writer)
    box = rendered.signature_box or PageBox(0, 60, 60, 535, 150)
    field_spec = fields.SigFieldSpec(
        sig_field_name=SIGNATURE_FIELD,
        on_page=box.page_index,
        box=(box.left, box.bottom, box.right, box.top),
    )
    style = TextStampStyle(
        stamp_text=stamp_text(export),
        border_width=1,
        text_box_style=text.TextBoxStyle(
            font=GlyphAccumulatorFactory(stamp_font(export.version.charter.language), font_size=9),
            leading=12,
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MIN,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(6),
            inner_content_scaling=layout.InnerScaling.SHRINK_TO_FIT,
        ),
    )
    with translation.override(export.version.charter.language or "en"):
        reason = _("approved")
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason,
        name=common_name(key.certificate),
    )
    pdf_signer = signers.PdfSigner(
        metadata, signer=key.signer, stamp_style=style, new_field_spec=field_spec
    )
    output = _outside_any_event_loop(lambda: pdf_signer.sign_pdf(writer))
    return RenderedPdf(
        data=output.getvalue(),
        page_count=rendered.page_count,
        timings=rendered.timings,
        signature_box=rendered.signature_box,
    )


def _drop_info_producer(writer: IncrementalPdfFileWriter) -> None:
    """PDF/A wants the Info dictionary to agree with the XMP metadata. pyHanko rewrites the
    XMP producer but appends itself to Info's; without an Info producer the two agree."""
    info_reference = writer.trailer.raw_get("/Info") if "/Info" in writer.trailer else None
    if info_reference is None:
        return
    info = info_reference.get_object()
    if "/Producer" in info:
        del info["/Producer"]
        writer.mark_update(info_reference)


def check_signatures(data: bytes) -> list[SignatureCheck] | None:
    """Each signature of the PDF, checked against our certificate; None if unreadable."""
    key = signing_key()
    # An uploaded file is anyone's bytes: whatever a parser trips over (zlib, a broken xref,
    # a missing key) means the same to the reader, so every failure is caught.
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except Exception:
        logger.info("Uploaded PDF could not be read for signatures", exc_info=True)
        return None
    checks = []
    for signature in embedded:
        context = ValidationContext(trust_roots=[key.certificate], allow_fetching=False)
        try:
            status = validate_pdf_signature(signature, signer_validation_context=context)
        except Exception:
            logger.info("Signature of an uploaded PDF could not be checked", exc_info=True)
            checks.append(SignatureCheck("", None, False, True, False))
            continue
        intact = bool(status.intact and status.valid)
        whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        checks.append(
            SignatureCheck(
                signer=common_name(status.signing_cert) if status.signing_cert else "",
                signed_at=status.signer_reported_dt,
                intact=intact,
                changed_after_signing=not (intact and whole_file),
                trusted=bool(status.trusted),
            )
        )
    return checks


@cache
def stamp_font(language: str) -> str:
    """A TrueType font with the glyphs of the charter's language (pyHanko reads no collections)."""
    fontconfig_language = FONTCONFIG_LANGUAGES.get((language or "en").lower(), language or "en")
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return FALLBACK_FONT
    # The language is one of the charter's content languages, never free text.
    found = subprocess.run(  # noqa: S603
        [fc_match, "-f", "%{file}\n%{index}", f"sans-serif:lang={fontconfig_language}"],
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    ).stdout.split("\n")
    path = found[0] if found and found[0] else FALLBACK_FONT
    if not path.lower().endswith(".ttc"):
        return path
    index = int(found[1]) if len(found) > 1 and found[1].isdigit() else 0
    extracted = signing_dir() / "fonts" / f"{Path(path).stem}-{index}.otf"
    if not extracted.exists():
        extracted.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=extracted.parent, suffix=".otf")
        os.close(handle)
        TTCollection(path).fonts[index].save(temporary)
        os.replace(temporary, extracted)
    return str(extracted)
