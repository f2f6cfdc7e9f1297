"""What every research page does the same way: find the charter, save a form, delete."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from charter.access import get_in_workspace
from charter.models import AuditEvent, Charter, EditConflict


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
    return _("It is evidence for %(count)s insight(s), which will lose this evidence.") % {
        "count": used
    }
