"""Is this PDF (or hash) one of ours? Looked up only among the user's own workspaces."""

from django.shortcuts import render

from charter.access import workspace_view
from charter.documents.exports import find_by_hash
from charter.documents.forms import VerifyForm
from charter.documents.limits import verify_refusal
from charter.throttle import too_many_requests


@workspace_view()
def verify(request):
    bound = request.method == "POST"
    refusal = verify_refusal(request.user) if bound else None
    if refusal is not None:
        return too_many_requests(request, *refusal)
    form = VerifyForm(request.POST if bound else None, request.FILES if bound else None)
    context = {"form": form}
    status = 200
    if bound:
        if form.is_valid():
            digest = form.sha256()
            upload = form.cleaned_data.get("file")
            # pyHanko loads with the first signature checked, not with every process.
            from charter.documents.signing import check_signatures

            context.update(
                digest=digest,
                from_file=bool(upload),
                matches=find_by_hash(request.user, digest),
                signatures=check_signatures(form.file_bytes()) if upload else None,
            )
        else:
            status = 400
    template = (
        "charter/documents/verify_body.html" if request.htmx else "charter/documents/verify.html"
    )
    return render(request, template, context, status=status)
