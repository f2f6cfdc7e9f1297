"""Every main page of the seeded demo, for the tests that walk them all."""

import io

from django.core.management import call_command
from django.urls import reverse

from charter.models import Charter

SECTIONS = ("current-state", "future-success", "scope", "collaboration", "roadmap")


def seed_demo() -> Charter:
    call_command("seed_demo", stdout=io.StringIO())
    return Charter.objects.get(workspace__name="Northwind Sales Enablement")


def main_pages(charter: Charter) -> list[str]:
    from governance.models import Meeting
    from research.models import Survey

    workspace = charter.workspace.slug
    in_workspace = {"workspace": workspace}
    in_charter = {"workspace": workspace, "charter_pk": charter.pk}
    versions = charter.versions.order_by("number")
    first, last = versions.first(), versions.last()
    meeting = Meeting.objects.filter(charter=charter).first()
    survey = Survey.objects.filter(charter=charter).first()
    pages = [
        reverse("charter:workspace", kwargs=in_workspace),
        reverse("charter:charter", kwargs=in_charter),
        *(
            reverse("charter:section", kwargs={**in_charter, "section_key": key})
            for key in SECTIONS
        ),
        reverse("charter:versions", kwargs=in_charter),
        reverse("charter:version", kwargs={"workspace": workspace, "charterversion_pk": last.pk}),
        reverse("charter:diff", kwargs=in_charter) + f"?from={first.pk}&to={last.pk}",
        reverse("charter:version-publish", kwargs=in_charter),
        reverse("charter:data", kwargs=in_charter),
        reverse("research:home", kwargs=in_workspace),
        reverse("research:overview", kwargs=in_charter),
        reverse("research:interviews", kwargs=in_charter),
        reverse("research:champions", kwargs=in_charter),
        reverse("research:audit", kwargs=in_charter),
        reverse("research:benchmarks", kwargs=in_charter),
        reverse("research:surveys", kwargs=in_charter),
        reverse("research:insights", kwargs=in_charter),
        reverse("governance:board", kwargs=in_workspace),
        reverse("governance:meetings", kwargs=in_workspace),
        reverse("governance:review", kwargs={"workspace": workspace, "charterversion_pk": last.pk}),
        reverse("charter:members", kwargs=in_workspace),
        reverse("charter:audit", kwargs=in_workspace),
        reverse("charter:verify", kwargs=in_workspace),
        reverse("charter:metric", kwargs={**in_workspace, "metric_pk": charter.metrics.first().pk}),
        reverse("charter:api-tokens"),
    ]
    if meeting:
        pages.append(
            reverse("governance:meeting", kwargs={"workspace": workspace, "meeting_pk": meeting.pk})
        )
    if survey:
        pages.append(
            reverse("research:survey", kwargs={"workspace": workspace, "survey_pk": survey.pk})
        )
    return pages
