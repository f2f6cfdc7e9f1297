"""Refusals of the REST API, each answered as JSON ``{"detail": …}`` with its status."""

from django.http import HttpResponse


class ApiError(Exception):
    def __init__(self, status: int, message: str, retry_after: int | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.retry_after = retry_after


def respond(api, request, error: ApiError) -> HttpResponse:
    response = api.create_response(request, {"detail": error.message}, status=error.status)
    if error.retry_after is not None:
        response["Retry-After"] = str(error.retry_after)
    return response
