"""Current-state pages beyond the generic in-place editing: the maturity model and summary."""

from django.shortcuts import render

from ..access import get_in_workspace, workspace_view
from ..current_state import DIMENSION_TABLE, LEVEL_TABLE, maturity_snapshot
from ..models import Charter, MaturityModel


@workspace_view()
def maturity_model(request):
    model = MaturityModel.for_workspace(request.workspace)
    context = {
        "levels": LEVEL_TABLE.table_context(request, model, LEVEL_TABLE.rows(model)),
        "dimensions": DIMENSION_TABLE.table_context(request, model, DIMENSION_TABLE.rows(model)),
    }
    return render(request, "charter/maturity_model.html", context)


@workspace_view()
def maturity_summary(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    context = {"charter": charter, "maturity": maturity_snapshot(charter)}
    return render(request, "charter/partials/maturity_live.html", context)
