from django import template

from charter.comments.views import comments_context

register = template.Library()


@register.inclusion_tag("charter/comments/comments.html", takes_context=True)
def section_comments(context, charter, section):
    """The comments block under every section page, whichever app registered the section."""
    request = context["request"]
    return {
        **comments_context(request, charter, section.key),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
