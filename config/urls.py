from django.contrib import admin
from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

import charter.converters  # noqa: F401  registers <workspace:…> before the patterns below
from charter import palette
from charter.api.site import build_api
from charter.workspaces import accounts
from config import health, metrics


def palette_stylesheet(request):
    """The palette as CSS custom properties: a style sheet of our own, which the strict
    Content-Security-Policy allows where an inline <style> would be refused."""
    response = HttpResponse(palette.css_variables(), content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the real icon."""
    return HttpResponseRedirect(static("favicon.svg"))


api = build_api()

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("favicon.ico", favicon, name="favicon"),
    path("palette.css", palette_stylesheet, name="palette-css"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # Throttled versions of two of Django's auth views, ahead of the rest.
    path("accounts/login/", accounts.LoginView.as_view(), name="login"),
    path("accounts/password_reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    # allauth's own pages for what our throttled views above already do.
    path(
        "accounts/password/reset/",
        RedirectView.as_view(pattern_name="password_reset", query_string=True),
        name="allauth-password-reset",
    ),
    path(
        "accounts/password/change/",
        RedirectView.as_view(pattern_name="password_change"),
        name="allauth-password-change",
    ),
    path("w/<workspace:workspace>/research/", include("research.urls")),
    path("w/<workspace:workspace>/roadmap/", include("roadmap.urls")),
    path("w/<workspace:workspace>/governance/", include("governance.urls")),
    path("review/", include("governance.public_urls")),
    path("", include("charter.urls")),
    # Last: our sign-up (charter.urls) and log-in keep their paths; allauth adds single
    # sign-on (accounts/oidc/…), second factors (accounts/2fa/…) and reauthentication.
    path("accounts/", include("allauth.urls")),
]
