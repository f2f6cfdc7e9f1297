from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import LANGUAGE_QUERY_PARAMETER
from django.views.i18n import set_language as django_set_language

from charter.languages.preference import LANGUAGE_CODES, SESSION_KEY, remember_language


@require_POST
def set_language(request):
    """Django's ``set_language`` (cookie and redirect), remembered on the account too."""
    language = request.POST.get(LANGUAGE_QUERY_PARAMETER, "")
    if language not in LANGUAGE_CODES:
        return HttpResponseBadRequest(_("Charterboard does not speak this language."))
    if request.user.is_authenticated:
        remember_language(request.user, language)
        request.session[SESSION_KEY] = language
    return django_set_language(request)
