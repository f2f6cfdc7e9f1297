from django import forms
from django.utils.translation import gettext_lazy as _

from charter.models import Comment


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
