from django.db import models


class ContentRevision(models.Model):
    """How often what a charter's live snapshot reads has changed, counted by database triggers.

    One row per charter (``charter_id``), and one row, ``PEOPLE``, for the names of people,
    which every charter may show. Triggers bump them in the writer's transaction on every
    insert, update and delete of a tracked table (``charter.content_revisions``), so that
    ``QuerySet.update()``, bulk writes, cascades and raw SQL count as much as ``save()``. There
    is no foreign key: a charter's row is written by triggers on its own deletion too.
    """

    PEOPLE = 0

    charter_id = models.BigIntegerField(primary_key=True)
    revision = models.BigIntegerField(default=0)

    class Meta:
        db_table = "charter_contentrevision"

    def __str__(self):
        return f"{self.charter_id}@{self.revision}"
