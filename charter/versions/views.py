"""Versions: publish the live charter, read a frozen snapshot, submit it, compare two sides."""

import functools

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from charter import errors
from charter.access import get_in_workspace, workspace_view
from charter.caching import VERSION_SECONDS, cache_key
from charter.drawing import render_section_html
from charter.models import Charter, CharterVersion
from charter.registry import (
    Section,
    announce_opened,
    completeness,
    registry,
    render_version_panels,
    review_workflow,
)
from charter.versions.diff import kept_diff
from charter.versions.forms import VersionForm
from charter.versions.live import live_snapshot
from charter.versions.publishing import content_hash, publish, snapshot_hash

LIVE = "live"
# Comparison links made before the live charter was called "live" say "draft".
LIVE_REFERENCES = {LIVE, "draft"}


@workspace_view()
def version_list(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    versions = list(charter.versions.select_related("author__profile"))
    context = {
        "charter": charter,
        # Newest first, each with the version before it, to compare the two.
        "rows": list(zip(versions, [*versions[1:], None], strict=True)),
        "can_edit": request.membership.can("edit"),
    }
    return render(request, "charter/versions/list.html", context)


@workspace_view("edit")
def version_publish(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    live = live_snapshot(request, charter)
    missing = [(section, gaps) for section, gaps in completeness(live["sections"]) if gaps]
    form = VersionForm(
        request.POST if request.method == "POST" else None, charter=charter, missing=missing
    )
    if form.is_valid():
        version = publish(charter, request.user, request.membership, **form.cleaned_data)
        messages.success(
            request,
            _("Version %(number)s (%(label)s) published.")
            % {"number": version.number, "label": version.label},
        )
        return redirect("charter:version", request.workspace.slug, version.pk)
    latest = charter.versions.first()
    context = {
        "charter": charter,
        "form": form,
        "latest": latest,
        "missing": missing,
        "diff": kept_diff(latest.snapshot, latest.snapshot_sha256, live, snapshot_hash(live))
        if latest
        else None,
    }
    status = 400 if form.is_bound else 200
    return render(request, "charter/versions/publish.html", context, status=status)


def _get_version(request, charterversion_pk) -> CharterVersion:
    queryset = CharterVersion.objects.select_related(
        "charter__workspace", "author__profile", "submitted_by__profile"
    )
    return get_in_workspace(request, queryset, pk=charterversion_pk)


def _drawn_sections(request, version: CharterVersion) -> list[tuple[Section, str]]:
    """Each section of the version as HTML. A version never changes, so its drawing is kept
    for each interface language (and the view options in the address)."""
    data = version.snapshot.get("sections", {})
    sections = [section for section in registry.all() if section.key in data]
    key = cache_key(
        "version-sections",
        version.pk,
        version.snapshot_sha256,
        [section.key for section in sections],
        translation.get_language(),
        sorted(request.GET.lists()),
    )
    drawn = cache.get(key)
    if drawn is None:
        drawn = [
            render_section_html(
                request,
                section,
                data[section.key],
                charter_info=version.snapshot.get("charter", {}),
                as_of=version.as_of,
            )
            for section in sections
        ]
        cache.set(key, drawn, VERSION_SECONDS)
    return list(zip(sections, drawn, strict=True))


def _version_page(request, version: CharterVersion, status: int = 200):
    sections = version.snapshot.get("sections", {})
    context = {
        "version": version,
        "charter": version.charter,
        "sections": _drawn_sections(request, version),
        # Sections whose app is gone can no longer be drawn; say so rather than hide them.
        "retired_sections": sorted(key for key in sections if key not in registry),
        "charter_info": version.snapshot.get("charter", {}),
        "as_of": version.as_of,
        "version_panels": render_version_panels(request, version),
        "can_edit": request.membership.can("edit"),
        "previous": version.charter.versions.filter(number__lt=version.number).first(),
    }
    return render(request, "charter/versions/detail.html", context, status=status)


@workspace_view()
def version_detail(request, charterversion_pk):
    version = _get_version(request, charterversion_pk)
    announce_opened(request, "version_page", version)
    return _version_page(request, version)


def _transition(request, charterversion_pk, step: str, done: str):
    version = _get_version(request, charterversion_pk)
    try:
        getattr(review_workflow(), step)(version, request.user, request.membership)
    except errors.NotAllowed as error:
        raise PermissionDenied(str(error)) from error
    except errors.DomainError as error:
        messages.error(request, str(error))
        version.refresh_from_db()
        return _version_page(request, version, status=409)
    messages.success(request, done)
    return redirect("charter:version", request.workspace.slug, version.pk)


@workspace_view("edit")
@require_POST
def version_submit(request, charterversion_pk):
    return _transition(
        request, charterversion_pk, "submit", _("Submitted to the advisory board for review.")
    )


@workspace_view("edit")
@require_POST
def version_withdraw(request, charterversion_pk):
    return _transition(request, charterversion_pk, "withdraw", _("The submission was withdrawn."))


def _side(versions: list[CharterVersion], reference: str, live) -> dict:
    """One side of a comparison: a version of this charter (by id) or the live charter."""
    if reference in LIVE_REFERENCES:
        snapshot = live()
        return {
            "reference": LIVE,
            "version": None,
            "snapshot": snapshot,
            "sha256": snapshot_hash(snapshot),
            "content": content_hash(snapshot),
        }
    version = next((v for v in versions if str(v.pk) == reference), None)
    if version is None:
        raise Http404("No such version of this charter.")
    return {
        "reference": str(version.pk),
        "version": version,
        "snapshot": version.snapshot,
        "sha256": version.snapshot_sha256,
        "content": content_hash(version.snapshot, version.snapshot_sha256),
    }


@workspace_view()
def version_diff(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    versions = list(charter.versions.select_related("author__profile"))
    # By default: what the live charter changed since the approved version (else the latest).
    approved = next((v for v in versions if v.is_approved), versions[0] if versions else None)
    live = functools.partial(live_snapshot, request, charter)
    old = _side(versions, request.GET.get("from") or (str(approved.pk) if approved else LIVE), live)
    new = _side(versions, request.GET.get("to") or LIVE, live)
    context = {
        "charter": charter,
        "versions": versions,
        "old": old,
        "new": new,
        "diff": kept_diff(old["snapshot"], old["sha256"], new["snapshot"], new["sha256"]),
    }
    template = "charter/versions/diff_result.html" if request.htmx else "charter/versions/diff.html"
    return render(request, template, context)
