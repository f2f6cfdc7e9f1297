"""A URL whose view fails, for the error-reporting test (tests/test_observability.py)."""

from django.urls import path


def fail(request):
    raise RuntimeError("Deliberate failure for the Sentry test")


urlpatterns = [path("fail", fail, name="fail")]
