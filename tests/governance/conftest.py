"""Fixtures shared by the governance tests."""

from tests.governance.webhook_receiver import receiver  # noqa: F401 (a fixture for every module)
