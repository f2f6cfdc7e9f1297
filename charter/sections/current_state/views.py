"""Current-state pages beyond the generic in-place editing: the maturity model and summary."""

from django.shortcuts import render

from charter.access import get_in_workspace, workspace_view
from charter.models import Charter, MaturityModel
from charter.sections.current_state.editors import DIMENSION_TABLE, LEVEL_TABLE
from charter.sections.current_state.snapshot import maturity_snapshot


@workspace_view()
def maturity_model(request):
    model = MaturityModel.for_workspace(request.workspace)
    context = {
        "levels": LEVEL_TABLE.table_context(request, model, LEVEL_TABLE.rows(model)),
        "dimensions": DIMENSION_TABLE.table_context(request, model, DIMENSION_TABLE.rows(model)),
    }
    return render(request, "charter/sections/current_state/maturity_model.html", context)


@workspace_view()
def maturity_summary(request, charter_pk):
    charter = get_in_workspace(request, Charter, pk=charter_pk)
    context = {"charter": charter, "maturity": maturity_snapshot(charter)}
    return render(request, "charter/sections/current_state/maturity_live.html", context)
