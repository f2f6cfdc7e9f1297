"""A PDF in its charter's language: its dates, numbers and fonts, whoever asked for it."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from charter.models import FundingSource, Scope
from charter.svg import open_svg
from tests.charter.pdf_factories import embedded_fonts, export_now, page_texts, pdf_bytes
from tests.charter.section_factories import MetricActualFactory, MetricFactory
from tests.charter.version_factories import charter_with_editor, publish_version
from tests.roadmap.factories import MilestoneFactory, PhaseFactory

pytestmark = pytest.mark.django_db


def charter_pdf(django_capture_on_commit_callbacks, language, title):
    charter, membership = charter_with_editor(
        title=title,
        language=language,
        period_start=date(2027, 1, 1),
        period_end=date(2027, 12, 31),
    )
    membership.user.first_name, membership.user.last_name = "芳", "王"
    membership.user.save()
    phase = PhaseFactory(charter=charter, name=title[:4])
    MilestoneFactory(
        charter=charter,
        phase=phase,
        title=f"{title} 1",
        start=date(2027, 2, 1),
        end=date(2027, 4, 30),
        budget_amount=Decimal("1200000"),
        budget_currency="CNY",
    )
    metric = MetricFactory(charter=charter, name=f"{title} 赢单率", cadence="quarterly")
    MetricActualFactory(metric=metric, period_start=date(2027, 1, 1), value=Decimal("24"))
    Scope.objects.create(charter=charter)
    FundingSource.objects.create(charter=charter, team=title[:4], amount=Decimal("1200000"))
    version = publish_version(charter, membership)
    # The reader's UI language must not leak into the document.
    with translation.override("en"):
        export = export_now(django_capture_on_commit_callbacks, version)
    assert export.status == "done", export.error
    return pdf_bytes(export)


@pytest.mark.parametrize(
    ("language", "title", "face"),
    [("zh-hans", "华锐科技销售促成章程", "CJK-SC"), ("zh-hant", "華銳科技銷售促成章程", "CJK-TC")],
)
def test_chinese_pdfs_with_a_timeline_never_use_the_japanese_face(
    django_capture_on_commit_callbacks, language, title, face
):
    data = charter_pdf(django_capture_on_commit_callbacks, language, title)
    names = [font["name"] for font in embedded_fonts(data)]

    assert not [name for name in names if "JP" in name]
    assert any(face in name for name in names)


def test_a_chinese_pdf_writes_dates_numbers_and_names_the_chinese_way(
    django_capture_on_commit_callbacks,
):
    data = charter_pdf(django_capture_on_commit_callbacks, "zh-hans", "华锐科技销售促成章程")
    text = " ".join(page_texts(data))

    assert "2027年1月1日 – 2027年12月31日" in text
    assert "1,200,000" in text
    assert "王芳" in text
    assert "2027年第1季度" in text
    assert "1200000" not in text
    assert "2027-01-01" not in text


def test_a_russian_pdf_writes_dates_and_numbers_the_russian_way(
    django_capture_on_commit_callbacks,
):
    data = charter_pdf(django_capture_on_commit_callbacks, "ru", "Устав развития продаж")
    text = " ".join(page_texts(data))

    assert "1 января 2027" in text
    assert "31 декабря 2027" in text
    assert "1-й кв. 2027" in text
    assert "1\u202f200\u202f000" in text or "1 200 000" in text
    assert "January" not in text


@pytest.mark.parametrize(
    ("language", "face", "absent"),
    [
        ("zh-hans", "Noto Sans CJK SC", "TC"),
        ("zh-hant", "Noto Sans CJK TC", "SC"),
        ("ru", "Noto Sans", "CJK"),
    ],
)
def test_drawings_name_the_charters_face_unquoted(language, face, absent):
    root = open_svg(100, 50, "timeline", language=language)

    assert face in root
    assert absent not in root
    assert "'" not in root.split('font-family="', 1)[1].split('"', 1)[0]
