"""A charter as one JSON document: the round trip is lossless, and a bad document is refused
as a whole, with every problem named by its JSON path, before anything is written."""

import copy
import io
import json

import pytest
from django.core.management import call_command

from charter import portable
from charter.models import Charter, Membership, Metric, Role, Workspace
from charter.portable_fields import Problem
from research.models import Insight, SurveyResponse
from roadmap.models import Milestone
from tests.charter.data_factories import chinese_charter, row_counts
from tests.factories import MembershipFactory, UserFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def workspace_with_same_people(source: Workspace) -> Workspace:
    target = WorkspaceFactory()
    for membership in Membership.objects.filter(workspace=source):
        Membership.objects.create(workspace=target, user=membership.user, role=membership.role)
    return target


def round_trip(charter: Charter, target: Workspace, by) -> tuple[dict, dict, portable.ImportResult]:
    first = portable.export_charter(charter)
    # Through bytes, as a download and an upload would carry it.
    document = portable.read(io.BytesIO(portable.render(first)))
    result = portable.import_charter(target, document, by)
    return first, portable.export_charter(result.charter), result


def test_the_demo_charter_exports_imports_and_exports_to_the_same_document():
    call_command("seed_demo", stdout=io.StringIO())
    charter = Charter.objects.get(workspace__name="Northwind Sales Enablement")
    target = workspace_with_same_people(charter.workspace)

    first, second, result = round_trip(charter, target, charter.created_by)

    # The document's ids are its own (1, 2, 3… per kind), so they match as well.
    assert second == first
    assert result.charter.workspace == target and result.charter.pk != charter.pk
    assert result.unmatched_people == []
    parts = first["parts"]
    assert len(parts["future-success"]["metrics"]) == charter.metrics.count() > 0
    assert len(parts["roadmap"]["milestones"]) == Milestone.objects.filter(charter=charter).count()
    assert parts["research"]["surveys"][0]["responses"]
    assert SurveyResponse.objects.filter(survey__charter=result.charter).count() == (
        SurveyResponse.objects.filter(survey__charter=charter).count()
    )


def test_a_chinese_charter_round_trips_with_its_links_rebuilt():
    owner = MembershipFactory(role=Role.OWNER, user=UserFactory(email="fang@example.cn"))
    charter = chinese_charter(owner.workspace, owner.user)
    target = workspace_with_same_people(owner.workspace)

    first, second, result = round_trip(charter, target, owner.user)

    assert second == first
    assert first["charter"]["title"] == "销售赋能章程 2027 财年"
    assert "销售赋能章程" in portable.render(first).decode()  # UTF-8, not \\u escapes
    imported = result.charter
    win_rate = imported.metrics.get(name="赢单率")
    assert win_rate.owner == owner.user
    assert list(win_rate.drivers.values_list("name", flat=True)) == ["认证完成率"]
    milestone = Milestone.objects.get(charter=imported, title="认证上线")
    assert milestone.depends_on.get().title == "入职路径"
    assert milestone.metrics.get().charter == imported
    insight = Insight.objects.get(charter=imported)
    assert insight.interviews.get().charter == imported and insight.is_pulled is False
    response = SurveyResponse.objects.get(survey__charter=imported)
    assert response.answers == {str(insight.survey_questions.get().pk): 2}
    assert "Service “辅导计划” was added to this workspace's catalogue." in result.notes
    assert "Dimension “渠道赋能” was added to this workspace's maturity model." in result.notes


def test_people_who_are_not_members_of_the_target_are_left_out_and_named():
    owner = MembershipFactory(role=Role.OWNER, user=UserFactory(email="fang@example.cn"))
    charter = chinese_charter(owner.workspace, owner.user)
    stranger = MembershipFactory(role=Role.OWNER)

    result = portable.import_charter(
        stranger.workspace, portable.export_charter(charter), stranger.user
    )

    assert result.unmatched_people == ["fang@example.cn"]
    assert result.charter.metrics.get(name="赢单率").owner is None
    assert result.charter.created_by == stranger.user


def test_a_level_named_differently_in_the_target_is_matched_by_rank_and_reported():
    owner = MembershipFactory(role=Role.OWNER)
    charter = chinese_charter(owner.workspace, owner.user)
    document = portable.export_charter(charter)
    for level in document["parts"]["current-state"]["maturity_levels"]:
        if level["rank"] == 3:
            level["name"] = "Defined"

    result = portable.import_charter(owner.workspace, document, owner.user)

    phase = result.charter.phases.get()
    assert phase.target_level.rank == 3 and phase.target_level.name == "Organized"
    assert "Maturity level “Defined” became this workspace's level 3 “Organized”." in result.notes


def test_the_export_holds_no_database_ids_and_no_history():
    owner = MembershipFactory(role=Role.OWNER)
    charter = chinese_charter(owner.workspace, owner.user)

    document = portable.export_charter(charter)

    assert document["format"] == "charterboard.charter" and document["format_version"] == 1
    assert [metric["id"] for metric in document["parts"]["future-success"]["metrics"]] == [1, 2]
    assert not {"versions", "governance", "comments", "audit"} & set(document["parts"])


def valid_document() -> dict:
    owner = MembershipFactory(role=Role.OWNER)
    return portable.export_charter(chinese_charter(owner.workspace, owner.user))


def problems_of(document) -> list[Problem]:
    return portable.check(document)


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        (lambda d: d.update(format="something.else"), "$.format", "not a Charterboard charter"),
        (lambda d: d.update(format_version=2), "$.format_version", "newer Charterboard"),
        (lambda d: d.update(format_version="1"), "$.format_version", "not supported"),
        (lambda d: d.pop("charter"), "$.charter", "is missing."),
        (lambda d: d["charter"].update(title=5), "$.charter.title", "must be text, not a number."),
        (
            lambda d: d["charter"].update(period_end="30/06/2027"),
            "$.charter.period_end",
            "is not a date written YYYY-MM-DD",
        ),
        (
            lambda d: d["parts"]["future-success"]["metrics"][0].update(baseline="lots"),
            '$.parts["future-success"].metrics[0].baseline',
            "“lots” is not a number.",
        ),
        (
            lambda d: d["parts"]["future-success"]["metrics"][0].update(kind="sideways"),
            '$.parts["future-success"].metrics[0].kind',
            "is not one of: leading, lagging.",
        ),
        (
            lambda d: d["parts"]["future-success"]["metrics"][0]["actuals"][0].pop("value"),
            '$.parts["future-success"].metrics[0].actuals[0].value',
            "is missing.",
        ),
        (
            lambda d: d["parts"]["future-success"]["objectives"][0].update(metrics=[1, 99]),
            '$.parts["future-success"].objectives[0].metrics[1]',
            "refers to metric “99”, which is not in the document.",
        ),
        (
            lambda d: d["parts"]["future-success"]["metrics"][1].update(drivers=[1]),
            '$.parts["future-success"].metrics[1].drivers',
            "Only a lagging metric has leading indicators.",
        ),
        (
            lambda d: d["parts"]["roadmap"]["phases"][0].update(target_level=9),
            "$.parts.roadmap.phases[0].target_level",
            "refers to maturity level “9”",
        ),
        (
            lambda d: d["parts"]["scope"].update(services="Coaching"),
            "$.parts.scope.services",
            "must be a list of ids, not text.",
        ),
        (
            lambda d: d["parts"]["research"]["interviews"][0].update(interviewer="nobody"),
            "$.parts.research.interviews[0].interviewer",
            "is not an email address.",
        ),
        (
            lambda d: d["parts"]["collaboration"]["partner_teams"][0].update(colour="red"),
            "$.parts.collaboration.partner_teams[0].colour",
            "is not part of this format.",
        ),
        (lambda d: d["parts"].update(plugins={}), "$.parts.plugins", "is not part of this format."),
        (
            lambda d: d["parts"]["current-state"]["execution_kpis"][0].update(value="1e20"),
            '$.parts["current-state"].execution_kpis[0].value',
            "digits in total",
        ),
        (
            lambda d: d["parts"]["research"]["surveys"][0]["responses"][0].update(answers={"7": 2}),
            '$.parts.research.surveys[0].responses[0].answers["7"]',
            "refers to survey question “7”",
        ),
        (
            lambda d: d["parts"]["future-success"]["metrics"][0].update(name="Ramp\u0000time"),
            '$.parts["future-success"].metrics[0].name',
            "contains a NUL character (\\u0000)",
        ),
        (
            lambda d: d["parts"]["scope"].update({"notes\u0000": ""}),
            '$.parts.scope["notes\\u0000"]',
            "is a key holding a NUL character",
        ),
    ],
)
def test_every_problem_is_named_by_its_json_path(change, path, message):
    document = valid_document()
    change(document)

    problems = problems_of(document)

    assert any(p.path == path and message in p.message for p in problems), problems


def test_a_document_that_is_not_an_object_is_refused():
    assert problems_of([1, 2]) == [Problem("$", "A charter export is a JSON object, not this.")]


def test_a_bad_document_creates_nothing():
    document = valid_document()
    document["parts"]["future-success"]["objectives"][0]["metrics"] = [42]
    owner = MembershipFactory(role=Role.OWNER)
    before = row_counts()

    with pytest.raises(portable.InvalidDocument) as raised:
        portable.import_charter(owner.workspace, document, owner.user)

    assert raised.value.problems[0].path.endswith("objectives[0].metrics[0]")
    assert row_counts() == before


def test_a_conflict_found_while_saving_undoes_the_whole_import():
    document = valid_document()
    actuals = document["parts"]["future-success"]["metrics"][0]["actuals"]
    actuals.append(copy.deepcopy(actuals[0]))  # the same period twice: only the database knows
    owner = MembershipFactory(role=Role.OWNER)
    before = row_counts()

    with pytest.raises(portable.InvalidDocument) as raised:
        portable.import_charter(owner.workspace, document, owner.user)

    assert raised.value.problems[0].path == '$.parts["future-success"].metrics[0].actuals[1]'
    assert "already exists" in raised.value.problems[0].message
    assert row_counts() == before


def test_a_rule_of_a_model_is_reported_where_it_is_broken():
    document = valid_document()
    document["parts"]["roadmap"]["milestones"][0]["end"] = "2020-01-01"
    owner = MembershipFactory(role=Role.OWNER)

    with pytest.raises(portable.InvalidDocument) as raised:
        portable.import_charter(owner.workspace, document, owner.user)

    assert (
        Problem("$.parts.roadmap.milestones[0].end", "The end cannot be before the start.")
        in raised.value.problems
    )
    assert (
        not Charter.objects.filter(workspace=owner.workspace)
        .exclude(title="销售赋能章程 2027 财年")
        .exists()
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        (b'{"format": "charterboard.charter",', "This is not valid JSON: Expecting property name"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "is not UTF-8 text"),
        (b'{"value": NaN}', "NaN is not a number JSON allows"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_a_file_that_is_not_json_says_why(content, message):
    with pytest.raises(portable.InvalidDocument) as raised:
        portable.read(io.BytesIO(content))

    assert message in raised.value.problems[0].message


def test_a_file_over_the_limit_is_not_read():
    with pytest.raises(portable.InvalidDocument) as raised:
        portable.read(io.BytesIO(b" " * 2048), max_bytes=1024)

    assert "files up to 1.0\xa0KB can be imported" in raised.value.problems[0].message


def test_an_outcome_listed_after_its_leading_indicator_keeps_it():
    document = valid_document()
    metrics = document["parts"]["future-success"]["metrics"]
    metrics.reverse()  # the outcome now comes after its driver in the file
    owner = MembershipFactory(role=Role.OWNER)

    result = portable.import_charter(owner.workspace, json.loads(json.dumps(document)), owner.user)

    outcome = Metric.objects.get(charter=result.charter, kind=Metric.Kind.LAGGING)
    assert [driver.name for driver in outcome.drivers.all()] == ["认证完成率"]


def test_a_survey_answer_is_checked_against_its_question():
    document = valid_document()
    document["parts"]["research"]["surveys"][0]["responses"][0]["answers"] = {"1": 9}
    owner = MembershipFactory(role=Role.OWNER)
    before = row_counts()

    with pytest.raises(portable.InvalidDocument) as raised:
        portable.import_charter(owner.workspace, document, owner.user)

    problem = raised.value.problems[0]
    assert problem.path == "$.parts.research.surveys[0].responses[0].answers"
    assert "must be a whole number from 1 to 5, not “9”" in problem.message
    assert row_counts() == before
