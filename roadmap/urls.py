from django.urls import path

from charter.editing.views import editing_urls

from . import views
from .editors import MILESTONE_TABLE, PHASE_TABLE

app_name = "roadmap"

# Mounted under w/<slug:workspace>/roadmap/.
urlpatterns = [
    path("charters/<int:charter_pk>/live/", views.live, name="live"),
    *editing_urls(PHASE_TABLE, MILESTONE_TABLE, root=""),
]
