from django.utils import translation

from charter.languages.preference import LANGUAGE_CODES, SESSION_KEY


class UserLanguageMiddleware:
    """After LocaleMiddleware: a logged-in person's chosen language beats the browser's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        language = session.get(SESSION_KEY) if session is not None else None
        if language in LANGUAGE_CODES and request.user.is_authenticated:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
