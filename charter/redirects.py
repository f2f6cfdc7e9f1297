"""Where to send someone back to after a form: a ``next`` path on this site, or nothing."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request) -> str | None:
    """The request's ``next`` when it is an absolute path on this site.

    A bare word such as ``meeting`` is refused too: ``redirect()`` would take it for a URL
    name and fail, and an off-site address would make the form an open redirect.
    """
    candidate = (request.POST.get("next") or request.GET.get("next") or "").strip()
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None
