"""What happened to a version, for whoever prepares things ahead (sent after commit).

Plain Django signals rather than registry hooks: every path that publishes or approves a
version (the charter's views, governance's review workflow, the demo) goes through
``publish`` and ``CharterVersion.approve``, which send them.
"""

from django.dispatch import Signal

# Both are sent with ``version`` (a CharterVersion) and ``by`` (a user, or None).
version_published = Signal()
version_approved = Signal()
