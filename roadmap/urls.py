from django.urls import path

from charter.editing.urls import row_editor_urls

from . import views
from .editors import MILESTONE_TABLE, PHASE_TABLE

app_name = "roadmap"

# Mounted under w/<workspace:workspace>/roadmap/.
urlpatterns = [
    path("charters/<int:charter_pk>/live/", views.live, name="live"),
    *row_editor_urls(
        PHASE_TABLE,
        add="phase-add",
        row="phase-row",
        edit="phase-edit",
        delete="phase-delete",
        root="",
    ),
    *row_editor_urls(
        MILESTONE_TABLE,
        add="milestone-add",
        row="milestone-row",
        edit="milestone-edit",
        delete="milestone-delete",
        move="milestone-move",
        root="",
    ),
]
