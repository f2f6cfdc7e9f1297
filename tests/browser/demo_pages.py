"""Every main page of the seeded demo, for the tests that walk them all."""

import io

from django.core.management import call_command
from django.urls import reverse

from charter.models import Charter
from tests.brokers import UnreachableBroker

SECTIONS = ("current-state", "future-success", "scope", "collaboration", "roadmap")


def seed_demo(documents: bool = True) -> Charter:
    """The demo charter; without ``documents``, its PDF renders (and emails) are left waiting in
    the outbox, as before a worker takes them: tests that read pages, not documents, skip the
    three renders that are most of the seed's time."""
    if documents:
        call_command("seed_demo", stdout=io.StringIO())
    else:
        broker = UnreachableBroker()
        try:
            call_command("seed_demo", stdout=io.StringIO())
        finally:
            broker.restore()
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


def form_and_catalogue_pages(charter: Charter) -> list[str]:
    """The survey results, question guides, catalogues and every add or edit form, each as the
    page a browser without htmx (or a link opened in a new tab) gets."""
    from charter.models import MaturityScore, Metric
    from research.models import InterviewGuide, Survey

    workspace = charter.workspace.slug
    in_workspace = {"workspace": workspace}
    in_charter = {"workspace": workspace, "charter_pk": charter.pk}
    survey = Survey.objects.filter(charter=charter).first()
    guide = InterviewGuide.for_workspace(charter.workspace).first()
    metric = Metric.objects.filter(charter=charter).first()
    score = MaturityScore.objects.filter(charter=charter).first()
    pages = [
        reverse("research:results", kwargs={"workspace": workspace, "survey_pk": survey.pk}),
        reverse("research:responses", kwargs={"workspace": workspace, "survey_pk": survey.pk}),
        reverse("research:guides", kwargs=in_workspace),
        reverse("research:guide", kwargs={**in_workspace, "interviewguide_pk": guide.pk}),
        reverse("charter:maturity-model", kwargs=in_workspace),
        reverse("charter:service-catalogue", kwargs=in_workspace),
        reverse("governance:notifications", kwargs=in_workspace),
        reverse("governance:reviewers", kwargs=in_workspace),
        reverse("governance:meeting-create", kwargs=in_workspace),
        reverse("charter:service-add", kwargs=in_workspace),
        reverse("charter:maturity-level-add", kwargs=in_workspace),
        reverse("charter:maturity-dimension-add", kwargs=in_workspace),
        reverse("charter:actual-add", kwargs={**in_workspace, "metric_pk": metric.pk}),
        reverse("charter:metric", kwargs={**in_workspace, "metric_pk": metric.pk}),
        reverse("charter:metric-edit", kwargs={**in_charter, "metric_pk": metric.pk}),
        reverse("charter:score-edit", kwargs={**in_charter, "maturityscore_pk": score.pk}),
        reverse("research:question-create", kwargs={**in_workspace, "survey_pk": survey.pk}),
        reverse(
            "research:guide-question-create",
            kwargs={**in_workspace, "interviewguide_pk": guide.pk},
        ),
        reverse("charter:current-state-strategy-edit", kwargs=in_charter),
        reverse("charter:future-success-vision-edit", kwargs=in_charter),
        reverse("charter:scope-budget-edit", kwargs=in_charter),
        reverse("charter:scope-services-edit", kwargs=in_charter),
        reverse("charter:raci", kwargs=in_charter),
        *(
            reverse(name, kwargs=in_charter)
            for name in (
                "charter:metric-add",
                "charter:objective-add",
                "charter:kpi-add",
                "charter:audience-add",
                "charter:funding-add",
                "charter:partner-team-add",
                "charter:cadence-add",
                "roadmap:phase-add",
                "roadmap:milestone-add",
                "research:interview-create",
                "research:champion-create",
                "research:audit-create",
                "research:benchmark-create",
                "research:survey-create",
                "research:insight-create",
            )
        ),
    ]
    return pages


def outside_review_page(charter: Charter) -> str:
    """The signed link of the demo's outside reviewer, as the reviewer opens it."""
    from governance.models import OutsideReviewer
    from governance.tokens import token_for

    reviewer = OutsideReviewer.objects.filter(charter=charter).first()
    return reverse("outside_review:review", kwargs={"token": token_for(reviewer)})


ANONYMOUS_PAGES = ("/accounts/login/", "/accounts/signup/", "/accounts/password_reset/")
