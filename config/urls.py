from django.contrib import admin
from django.urls import include, path

from config import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("w/<slug:workspace>/research/", include("research.urls")),
    path("w/<slug:workspace>/roadmap/", include("roadmap.urls")),
    path("w/<slug:workspace>/governance/", include("governance.urls")),
    path("review/", include("governance.public_urls")),
    path("", include("charter.urls")),
]
