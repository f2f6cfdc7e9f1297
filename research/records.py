"""What every research record does the same way: find the charter, create, edit, delete.

Each kind of record differs only in its model, its form and the page it is listed on, so
one set of views serves them all; each feature package declares its ``RecordKind`` and
``urls.py`` passes it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import Model
from django.forms import ModelForm
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from charter.access import get_in_workspace, workspace_view
from charter.models import AuditEvent, Charter, EditConflict


@dataclass(frozen=True)
class RecordKind:
    model: type[Model]
    form: type[ModelForm]
    list_url: str  # URL name of the list page, reversed with (workspace, charter)
    tab: str
    new_title: Promise
    edit_title: Promise  # formatted with %(object)s
    # (request, charter) → extra keyword arguments for the form
    form_kwargs: Callable[..., dict] = field(default=lambda request, charter: {})
    # request → field values of a new record
    defaults: Callable[..., dict] = field(default=lambda request: {})

    def get(self, request, url_kwargs: dict):
        pk = url_kwargs[f"{self.model._meta.model_name}_pk"]
        return get_in_workspace(
            request, self.model.objects.select_related("charter__workspace"), pk=pk
        )

    def list_page(self, request, charter) -> str:
        return reverse(self.list_url, args=[request.workspace.slug, charter.pk])


def research_charter(request, charter_pk) -> Charter:
    return get_in_workspace(request, Charter, pk=charter_pk)


def edit_page(request, form, *, charter, title, back, tab, template="research/object_form.html"):
    """GET shows the form; a valid POST saves and shows the object; invalid input answers 400 and
    a concurrent edit 409, both with everything the user typed still in the form. ``back`` is
    where Cancel leads."""
    context = {"form": form, "charter": charter, "title": title, "back": back, "tab": tab}
    if request.method != "POST":
        return render(request, template, context)
    if not form.is_valid():
        return render(request, template, context, status=400)
    creating = form.instance.pk is None
    try:
        obj = form.save_revision(request.user)
    except EditConflict as conflict:
        context["theirs"] = form.take_over(conflict.current)
        return render(request, template, context, status=409)
    model = obj._meta.model_name
    AuditEvent.record(
        request.workspace,
        request.user,
        f"research.{model}.{'created' if creating else 'updated'}",
        obj,
    )
    messages.success(request, _("Saved “%(object)s”.") % {"object": obj})
    return redirect(obj.get_absolute_url())


def delete_page(request, obj, *, charter, back, tab, warning=""):
    """GET asks for confirmation; POST deletes and goes ``back``."""
    if request.method == "POST":
        AuditEvent.record(
            request.workspace, request.user, f"research.{obj._meta.model_name}.deleted", obj
        )
        name = str(obj)
        obj.delete()
        messages.success(request, _("Deleted “%(object)s”.") % {"object": name})
        return redirect(back)
    context = {"object": obj, "charter": charter, "back": back, "warning": warning, "tab": tab}
    return render(request, "research/confirm_delete.html", context)


def evidence_warning(obj) -> str:
    used = obj.insights.count()
    if not used:
        return ""
    return ngettext(
        "It is evidence for %(count)s insight, which will lose this evidence.",
        "It is evidence for %(count)s insights, which will lose this evidence.",
        used,
    ) % {"count": used}


@workspace_view("research")
def record_create(request, charter_pk, kind: RecordKind):
    charter = research_charter(request, charter_pk)
    record = kind.model(charter=charter, **kind.defaults(request))
    form = kind.form(request.POST or None, instance=record, **kind.form_kwargs(request, charter))
    back = kind.list_page(request, charter)
    return edit_page(request, form, charter=charter, title=kind.new_title, back=back, tab=kind.tab)


@workspace_view("research")
def record_edit(request, kind: RecordKind, **url_kwargs):
    record = kind.get(request, url_kwargs)
    form = kind.form(
        request.POST or None, instance=record, **kind.form_kwargs(request, record.charter)
    )
    return edit_page(
        request,
        form,
        charter=record.charter,
        title=kind.edit_title % {"object": record},
        back=record.get_absolute_url(),
        tab=kind.tab,
    )


@workspace_view("research")
def record_delete(request, kind: RecordKind, **url_kwargs):
    record = kind.get(request, url_kwargs)
    return delete_page(
        request,
        record,
        charter=record.charter,
        back=kind.list_page(request, record.charter),
        tab=kind.tab,
        warning=evidence_warning(record) if hasattr(record, "insights") else "",
    )
