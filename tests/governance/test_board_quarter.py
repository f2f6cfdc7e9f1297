"""The board's whole quarter through HTTP, as real users run it (issue #15): nothing answers
500, and no board-facing page, email or board pack shows an internal code instead of words."""

import json
import re
from datetime import timedelta

import pytest
from django.apps import apps
from django.core import mail
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar

from charter.models import AuditEvent, CharterVersion, Invitation, Role, VersionStatus
from governance.models import AdvisoryBoard, BoardSeat, Meeting, MinutesStatus, Resolution
from governance.notifications.cadence import send_cadence_reminders
from tests.charter.pdf_factories import export_now, page_texts, pdf_bytes
from tests.factories import CharterFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
MEMBERS = [
    ("Priya Raman", "product"),
    ("Tomás Ortega", "sales"),
    ("Aiko Tanaka", "marketing"),
    ("Grace Okafor", "customer_success"),
    ("Lars Nilsson", "finance"),
]


def internal_codes() -> set[str]:
    """Every choice value of the charter and governance models that is a code, not a word
    (``chair_plus``, ``in_review``, ``version.submitted``), plus the audit trail's actions."""
    codes = set()
    for app in ("charter", "governance"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.get_fields():
                for value, _label in getattr(field, "flatchoices", None) or []:
                    if isinstance(value, str) and re.search(r"[a-z][._][a-z]", value):
                        codes.add(value)
    codes.update(AuditEvent.objects.values_list("action", flat=True))
    return codes


def readable_text(html: str) -> str:
    """What a reader sees: no scripts, styles, tags (so no attributes) or addresses."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return re.sub(r"\S+://\S+|/w/\S+", " ", strip_tags(html))


class Seen:
    """Everything board-facing the quarter showed, checked for codes once they are known."""

    def __init__(self):
        self.texts: list[tuple[str, str]] = []

    def response(self, response, where: str):
        assert response.status_code < 500, where
        if response.get("Content-Type", "").startswith("text/html"):
            self.texts.append((where, readable_text(response.content.decode())))
        return response

    def emails(self):
        for message in mail.outbox:
            bodies = [message.subject, message.body]
            bodies += [content for content, mimetype in getattr(message, "alternatives", [])]
            for body in bodies:
                self.texts.append((f"email {message.subject}", readable_text(body)))

    def codes_shown(self, codes: set[str]) -> list[tuple[str, str]]:
        pattern = re.compile(
            r"(?<![\w.])("
            + "|".join(map(re.escape, sorted(codes, key=len, reverse=True)))
            + r")(?![\w])"
        )
        return [
            (where, match.group(1))
            for where, text in self.texts
            for match in pattern.finditer(text)
        ]


def test_the_boards_whole_quarter(receiver, django_capture_on_commit_callbacks):
    run = django_capture_on_commit_callbacks
    seen = Seen()
    owner = MembershipFactory(role=Role.OWNER)
    workspace = owner.workspace
    charter = CharterFactory(workspace=workspace)
    w = f"/w/{workspace.slug}"
    owner_client = Client()
    owner_client.force_login(owner.user)

    # Seats: five invitations from the Board page, each accepted through its emailed link.
    members = []
    for index, (name, function) in enumerate(MEMBERS):
        email = f"member{index}@board.example"
        mail.outbox.clear()
        with run(execute=True):
            response = owner_client.post(
                f"{w}/governance/board/seats/invite/",
                {
                    "invite-email": email,
                    "invite-display_name": name,
                    "invite-function": function,
                    **({"invite-is_chair": "on"} if index == 0 else {}),
                },
            )
        assert seen.response(response, "invite").status_code == 302
        seen.emails()
        (invite,) = mail.outbox
        link = re.search(r"/invitations/[^/\s]+/", invite.body).group(0)
        user = UserFactory(email=email, first_name=name.split()[0], last_name=name.split()[1])
        member_client = Client()
        member_client.force_login(user)
        seen.response(member_client.get(link), "invitation page")
        with run(execute=True):
            response = member_client.post(link)
        assert seen.response(response, "accept").status_code == 302
        members.append((user, member_client))
    assert BoardSeat.objects.held().count() == 5
    assert not Invitation.objects.filter(accepted_at=None).exists()
    seen.response(owner_client.get(f"{w}/governance/board/"), "board page")

    # Webhooks: a Slack and a signed service at the local server.
    for kind in ("slack", "signed"):
        response = owner_client.post(
            f"{w}/governance/notifications/webhooks/",
            {
                "name": f"Board {kind}",
                "kind": kind,
                "url": receiver.url.replace("/hook", f"/{kind}"),
                "events": ["version.submitted", "review.decided", "meeting.scheduled"],
            },
            follow=True,
        )
        assert seen.response(response, f"webhook {kind}").status_code == 200

    # A meeting: every member's email carries a calendar REQUEST.
    mail.outbox.clear()
    scheduled = (timezone.localdate() + timedelta(days=2)).isoformat() + "T15:30"
    with run(execute=True):
        response = owner_client.post(
            f"{w}/governance/meetings/new/",
            {"charter": charter.pk, "scheduled_at": scheduled, "format": "virtual"},
        )
    assert seen.response(response, "schedule").status_code == 302
    seen.emails()
    meeting = Meeting.objects.get(charter=charter)
    requests = {}
    for message in mail.outbox:
        for filename, content, mimetype in message.attachments:
            if filename.endswith(".ics"):
                assert "method=REQUEST" in mimetype
                assert Calendar.from_ical(content)["METHOD"] == "REQUEST"
                requests[message.to[0]] = content
    assert set(requests) == {user.email for user, _c in members}

    # Publish and submit.
    mail.outbox.clear()
    with run(execute=True):
        response = owner_client.post(
            f"{w}/charters/{charter.pk}/versions/new/",
            {"label": "2027-Q1", "summary": "New coaching goals.", "publish_anyway": "on"},
        )
    assert seen.response(response, "publish").status_code == 302
    version = CharterVersion.objects.get(charter=charter)
    with run(execute=True):
        response = owner_client.post(f"{w}/versions/{version.pk}/submit/")
    assert seen.response(response, "submit").status_code == 302
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW

    # The board votes with their passwords until the decision is reached.
    for _user, member_client in members:
        seen.response(member_client.get(f"{w}/versions/{version.pk}/"), "version page")
        with run(execute=True):
            response = member_client.post(
                f"{w}/governance/versions/{version.pk}/vote/",
                {"decision": "approve", "comment": "Clear goals.", "password": PASSWORD},
            )
        seen.response(response, "vote")
        version.refresh_from_db()
        if version.status == VersionStatus.APPROVED:
            break
    assert version.status == VersionStatus.APPROVED
    seen.emails()

    # Minutes: written, circulated and approved by the board.
    meeting_url = f"{w}/governance/meetings/{meeting.pk}/"
    meeting.refresh_from_db()
    response = owner_client.post(
        f"{meeting_url}minutes/",
        {"minutes-minutes": "We approved 2027-Q1.", "minutes-revision": meeting.revision},
    )
    assert seen.response(response, "minutes").status_code == 302
    mail.outbox.clear()
    with run(execute=True):
        response = owner_client.post(f"{meeting_url}minutes/circulate/")
    assert seen.response(response, "circulate").status_code == 302
    for _user, member_client in members:
        seen.response(member_client.get(meeting_url), "meeting page")
        with run(execute=True):
            response = member_client.post(
                f"{meeting_url}minutes/answer/", {"answer-decision": "approve"}
            )
        seen.response(response, "minutes answer")
        meeting.refresh_from_db()
        if meeting.minutes_status == MinutesStatus.APPROVED:
            break
    assert meeting.minutes_status == MinutesStatus.APPROVED
    seen.emails()

    # A resolution moved, seconded and carried by roll call (at a second meeting: the first
    # meeting's minutes are locked).
    with run(execute=True):
        owner_client.post(
            f"{w}/governance/meetings/new/",
            {"charter": charter.pk, "scheduled_at": scheduled, "format": "virtual"},
        )
    second = Meeting.objects.filter(charter=charter).exclude(pk=meeting.pk).get()
    seats = list(BoardSeat.objects.held().order_by("membership__pk"))
    data = {
        "resolution-motion": "Fund the coaching pilot.",
        "resolution-mover": seats[0].membership_id,
        "resolution-seconder": seats[1].membership_id,
    }
    for seat, vote in zip(seats, ["for", "for", "for", "against", "abstain"], strict=True):
        data[f"resolution-vote_{seat.membership_id}"] = vote
    response = owner_client.post(f"{w}/governance/meetings/{second.pk}/resolutions/", data)
    assert seen.response(response, "resolution").status_code == 302
    assert Resolution.objects.get(meeting=second).get_result_display() == "Carried"
    seen.response(owner_client.get(f"{w}/governance/meetings/{second.pk}/"), "second meeting")

    # The board pack, rendered once, then the reminders that carry it.
    pack = export_now(run, version, kind="board_pack", params={"meeting_pk": second.pk})
    assert pack.status == "done"
    pack_text = " ".join(page_texts(pdf_bytes(pack)))
    assert "2027-Q1" in pack_text
    seen.texts.append(("board pack", pack_text))
    board = AdvisoryBoard.for_workspace(workspace)
    board.next_review_on = timezone.localdate() + timedelta(days=5)
    board.save()
    mail.outbox.clear()
    with run(execute=True):
        sent = send_cadence_reminders(timezone.localdate())
    assert sent >= 1
    seen.emails()
    assert {user.email for user, _c in members} <= {m.to[0] for m in mail.outbox}

    # Webhooks were posted to both services.
    assert {"/slack", "/signed"} <= set(receiver.paths)
    # Slack shows its posts to people; the signed service's event names are for machines.
    for path, body in zip(receiver.paths, receiver.posts, strict=True):
        if path == "/slack":
            seen.texts.append(("slack post", readable_text(json.dumps(body, ensure_ascii=False))))

    # The audit trail reads in words.
    response = owner_client.get(f"{w}/audit/")
    assert seen.response(response, "audit trail").status_code == 200

    codes = internal_codes()
    assert {"chair_plus", "in_review", "version.submitted"} <= codes
    assert seen.codes_shown(codes) == []
