"""Links into the charter app's pages, for emails and the pages of this app."""

from django.conf import settings
from django.urls import reverse


def version_url(version) -> str:
    return reverse("charter:version", args=[version.charter.workspace.slug, version.pk])


def absolute_version_url(version) -> str:
    return settings.SITE_URL + version_url(version)
