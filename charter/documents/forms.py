import hashlib
import string

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from charter.documents.exports import UNAPPROVED
from charter.documents.open_points import OPEN_POINTS
from charter.models import CharterVersion, PdfExport


def clean_pdf(upload):
    """An uploaded file that is a PDF within the upload limit, or a ValidationError."""
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise forms.ValidationError(
            _("This file is larger than %(limit)s; a charter PDF is much smaller.")
            % {"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )
    upload.seek(0)
    if not upload.read(5).startswith(b"%PDF-"):
        raise forms.ValidationError(_("This file is not a PDF."))
    upload.seek(0)
    return upload


class ExportRequestForm(forms.Form):
    """Which PDF of a version to make; a board pack may name its board meeting, a draft's
    charter PDF may carry the editors' open points as an appendix."""

    kind = forms.ChoiceField(label=_("Document"), choices=PdfExport.Kind.choices)
    meeting_pk = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    open_points = forms.BooleanField(
        label=_("Include open points as an appendix"),
        required=False,
        help_text=_("What the editors' checklist still misses, by section. Drafts only."),
    )

    def __init__(self, *args, version: CharterVersion, for_editor: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.for_editor = for_editor

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("open_points"):
            if not self.for_editor:
                self.add_error(
                    "open_points",
                    _("Open points are the editors' working copy: only editors can ask for it."),
                )
            elif cleaned.get("kind") != PdfExport.Kind.CHARTER:
                self.add_error(
                    "open_points", _("Open points can only be added to the charter PDF.")
                )
            elif self.version.status not in UNAPPROVED:
                # The approved document is the board's record: it never carries working notes.
                self.add_error(
                    "open_points",
                    _("Open points can only be added to a draft's PDF, not to an approved one."),
                )
        return cleaned

    def params(self) -> dict:
        meeting = self.cleaned_data.get("meeting_pk")
        if self.cleaned_data["kind"] == PdfExport.Kind.BOARD_PACK and meeting:
            return {"meeting_pk": meeting}
        if self.cleaned_data["kind"] == PdfExport.Kind.CHARTER and self.cleaned_data["open_points"]:
            return {OPEN_POINTS: True}
        return {}


class VerifyForm(forms.Form):
    """A PDF to check, or a hash: the file's SHA-256 or the snapshot hash in its footer."""

    file = forms.FileField(
        label=_("PDF file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    digest = forms.CharField(
        label=_("…or a hash"),
        required=False,
        max_length=80,
        help_text=_(
            "The file's SHA-256, or the snapshot hash printed in the footer of every page "
            "(at least 12 characters)."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return None if upload is None else clean_pdf(upload)

    def clean_digest(self):
        digest = "".join(self.cleaned_data.get("digest", "").split()).lower()
        if digest and not (12 <= len(digest) <= 64 and set(digest) <= set(string.hexdigits)):
            raise forms.ValidationError(
                _("A hash is 12 to 64 characters from 0–9 and a–f, e.g. 3f9a1c0b2d4e.")
            )
        return digest

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("file") and not cleaned.get("digest"):
            raise forms.ValidationError(_("Choose a PDF file or paste a hash."))
        return cleaned

    def file_bytes(self) -> bytes:
        upload = self.cleaned_data["file"]
        upload.seek(0)
        return b"".join(upload.chunks())

    def sha256(self) -> str:
        upload = self.cleaned_data.get("file")
        if upload is None:
            return self.cleaned_data["digest"]
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        return digest.hexdigest()
