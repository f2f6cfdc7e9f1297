"""Every action the code records reads as words in the audit trail, in every language."""

import re
from pathlib import Path

from charter.audit_trail.labels import ACTION_LABELS
from charter.registry import audit_vocabularies

ROOT = Path(__file__).resolve().parents[2]
# An action is the first dotted literal among the arguments of a record call.
RECORD_CALL = re.compile(
    r"(?:AuditEvent\.record|_record)\((?P<arguments>[^()]*?\"[a-z_]+\.[a-z_]+\")", re.S
)
ACTION = re.compile(r"\"([a-z_]+\.[a-z_]+)\"")


def recorded_actions() -> set[str]:
    actions = set()
    for app in ("charter", "research", "roadmap", "governance"):
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for call in RECORD_CALL.finditer(path.read_text()):
                actions.add(ACTION.findall(call.group("arguments"))[-1])
    return actions


def test_the_scan_finds_the_actions_of_every_app():
    actions = recorded_actions()

    assert {"version.published", "review.decided", "milestone.status_changed"} <= actions


def test_every_recorded_action_has_a_label():
    named = set(ACTION_LABELS)
    for vocabulary in audit_vocabularies:
        named |= set(vocabulary.actions)

    assert sorted(recorded_actions() - named) == []
