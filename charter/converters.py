"""URL converters the core's and the other apps' URL patterns share."""

from django.urls import register_converter


class WorkspaceSlugConverter:
    """A workspace slug in any script: ``<slug:…>`` accepts ASCII only, and a workspace named
    in Chinese or Russian keeps its name in its address (``华锐科技销售促成团队``)."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(WorkspaceSlugConverter, "workspace")
