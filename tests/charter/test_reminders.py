from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command

from charter.actuals.reminders import overdue_actuals, send_due_reminders
from charter.models import ActualReminder, Metric, MetricActual
from tests.factories import CharterFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def metric():
    charter = CharterFactory(period_start=date(2026, 7, 1), period_end=date(2027, 6, 30))
    owner = UserFactory(email="owner@example.com")
    return Metric.objects.create(charter=charter, name="Win rate", cadence="quarterly", owner=owner)


def test_an_actual_is_overdue_only_after_the_grace_period(metric, settings):
    settings.ACTUAL_REPORTING_GRACE_DAYS = 7
    metrics = Metric.objects.select_related("charter").prefetch_related("actuals")
    assert overdue_actuals(metrics, today=date(2026, 10, 7)) == []
    overdue = overdue_actuals(metrics, today=date(2026, 10, 8))
    assert [(item.period_start, item.due_date) for item in overdue] == [
        (date(2026, 7, 1), date(2026, 10, 7))
    ]


def test_a_reported_actual_is_not_overdue(metric):
    MetricActual.objects.create(metric=metric, period_start=date(2026, 7, 1), value=Decimal("21.5"))
    metrics = Metric.objects.select_related("charter").prefetch_related("actuals")
    assert overdue_actuals(metrics, today=date(2026, 12, 1)) == []


def test_reminders_are_sent_exactly_once_per_due_actual(metric, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(today=date(2027, 1, 20)) == 2  # Q3 and Q4 2026
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(today=date(2027, 1, 21)) == 0
    assert len(mail.outbox) == 2
    assert mail.outbox[0].to == ["owner@example.com"]
    assert "Win rate" in mail.outbox[0].subject
    assert ActualReminder.objects.count() == 2


def test_metrics_without_an_owner_email_are_skipped(metric):
    metric.owner.email = ""
    metric.owner.save()
    assert send_due_reminders(today=date(2027, 1, 20)) == 0


def test_management_command_sends_reminders(metric, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders")
    assert ActualReminder.objects.filter(metric=metric).exists()
    assert len(mail.outbox) == ActualReminder.objects.count()


def test_the_charter_page_lists_overdue_actuals(client, metric):
    membership = MembershipFactory(workspace=metric.charter.workspace, role="viewer")
    client.force_login(membership.user)
    page = client.get(
        f"/w/{membership.workspace.slug}/charters/{metric.charter.pk}/"
    ).content.decode()
    assert "Overdue actuals" in page
    assert "1 July 2026" in page


def test_a_reminder_writes_dates_and_the_owners_name_in_the_charters_language(
    metric, django_capture_on_commit_callbacks
):
    metric.charter.language = "ru"
    metric.charter.save()
    metric.owner.first_name, metric.owner.last_name = "Иван", "Петров"
    metric.owner.save()

    with django_capture_on_commit_callbacks(execute=True):
        send_due_reminders(today=date(2027, 1, 20))

    subjects = sorted(message.subject for message in mail.outbox)
    bodies = " ".join(message.body for message in mail.outbox)
    assert any("1 июля 2026" in subject for subject in subjects)
    assert "Иван Петров" in bodies
    assert "2026-07-01" not in bodies
