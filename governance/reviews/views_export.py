"""The votes of a review, downloaded as CSV or Excel."""

from charter.access import get_in_workspace, workspace_view
from charter.spreadsheets import table_download

from ..models import Review
from . import exports


@workspace_view()
def votes_export(request, review_pk, file_format):
    review = get_in_workspace(
        request, Review.objects.select_related("version__charter"), pk=review_pk
    )
    return table_download(
        file_format,
        exports.file_name(review),
        exports.SHEET_TITLE,
        exports.COLUMNS,
        exports.vote_rows(review),
    )
