import hashlib
import string
import unicodedata

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charter.audit_trail.labels import action_label, object_type_label
from charter.models import Charter, Comment, Membership, PdfExport, Role, Workspace
from charter.versions.publishing import quarter_label


class SignupForm(UserCreationForm):
    email = forms.EmailField(
        label=_("Email"), help_text=_("Invitations and review requests go here.")
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email", "first_name", "last_name")

    def clean_email(self):
        # An address already in use is not an error: saying so would tell anyone which
        # emails have accounts (charter/workspaces/signup.py).
        return self.cleaned_data["email"].strip().lower()


class WorkspaceForm(forms.ModelForm):
    class Meta:
        model = Workspace
        fields = ["name"]
        help_texts = {
            "name": _("Usually your company or the enablement team, e.g. “Acme Sales Enablement”.")
        }


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.EDITOR,
        help_text=_(
            "Editors draft the charter; contributors comment and add research; board members "
            "review and vote; viewers read."
        ),
    )

    def __init__(self, *args, workspace: Workspace, **kwargs):
        self.workspace = workspace
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(workspace=self.workspace, user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already a member of the workspace."))
        return email


class RoleForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role"]


class CharterForm(forms.ModelForm):
    class Meta:
        model = Charter
        fields = ["title", "period_start", "period_end", "language"]
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "period_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "title": _(
                "Name the function and the period, e.g. “Global Sales Enablement Charter FY27”."
            ),
            "period_start": _("The first day this charter governs."),
            "period_end": _("The last day, usually the end of the fiscal year."),
        }


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "body": _("Markdown works. Say what should change and why; editors see every thread.")
        }
        error_messages = {
            "body": {
                "required": _("Write something before posting."),
                "max_length": _(
                    "Keep a comment under %(limit_value)d characters (it has %(show_value)d)."
                ),
            }
        }


class ReplyForm(CommentForm):
    class Meta(CommentForm.Meta):
        labels = {"body": _("Your reply")}
        help_texts = {"body": ""}


class VersionForm(forms.Form):
    label = forms.CharField(
        label=_("Label"),
        max_length=40,
        help_text=_("Usually the quarter it is meant for, e.g. 2026-Q4."),
    )
    summary = forms.CharField(
        label=_("Summary of changes"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What changed since the last version and why, in a few lines: the board reads "
            "this first. Markdown works."
        ),
        error_messages={"required": _("Tell the board what changed in this version.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].initial = quarter_label(timezone.localdate())

    def clean_label(self):
        label = self.cleaned_data["label"]
        if any(unicodedata.category(character).startswith("C") for character in label):
            raise forms.ValidationError(
                _("Use letters, digits and punctuation only, without line breaks.")
            )
        return label


class AuditFilterForm(forms.Form):
    """Filters of the audit trail; the choices come from the workspace's own events."""

    action = forms.ChoiceField(label=_("Action"), required=False)
    actor = forms.TypedChoiceField(label=_("Who"), required=False, coerce=int, empty_value=None)
    object_type = forms.ChoiceField(label=_("Object"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, events, **kwargs):
        super().__init__(*args, **kwargs)
        distinct = events.order_by()
        actions = distinct.values_list("action", flat=True).distinct()
        self.fields["action"].choices = [("", _("Any action"))] + sorted(
            ((action, action_label(action)) for action in actions), key=lambda c: c[1]
        )
        actors = (
            get_user_model()
            .objects.filter(pk__in=distinct.exclude(actor=None).values("actor"))
            .order_by("first_name", "last_name", "username")
        )
        self.fields["actor"].choices = [("", _("Anyone"))] + [
            (user.pk, user.get_full_name() or user.get_username()) for user in actors
        ]
        types = distinct.exclude(object_type="").values_list("object_type", flat=True).distinct()
        self.fields["object_type"].choices = [("", _("Any object"))] + sorted(
            ((kind, object_type_label(kind)) for kind in types), key=lambda c: c[1]
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("The end date is before the start date."))
        return cleaned


class ExportRequestForm(forms.Form):
    """Which PDF of a version to make; a board pack may name its board meeting."""

    kind = forms.ChoiceField(label=_("Document"), choices=PdfExport.Kind.choices)
    meeting_pk = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def params(self) -> dict:
        meeting = self.cleaned_data.get("meeting_pk")
        if self.cleaned_data["kind"] == PdfExport.Kind.BOARD_PACK and meeting:
            return {"meeting_pk": meeting}
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
        if upload is None:
            return None
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

    def sha256(self) -> str:
        upload = self.cleaned_data.get("file")
        if upload is None:
            return self.cleaned_data["digest"]
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        return digest.hexdigest()
