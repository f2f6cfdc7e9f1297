"""Handing a stored file to someone a view has already let in.

On the local disk the file is streamed through the app. On an S3-compatible bucket the app
answers with a redirect to a presigned URL that expires within a minute or so: the bytes come
straight from the bucket, and the link is useless once forwarded late.
"""

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header


def stored_file_response(file: FieldFile, filename: str, content_type: str) -> HttpResponse:
    """The file as an attachment named ``filename``; 404 when the store lost it."""
    storage = file.storage
    # Duck-typed rather than an isinstance check, which would import boto3 into every process:
    # a store that signs its links is a bucket the browser may fetch from directly.
    if getattr(storage, "querystring_auth", False):
        if not storage.exists(file.name):
            raise Http404("The stored file is missing.")
        url = storage.url(
            file.name,
            parameters={
                "ResponseContentDisposition": content_disposition_header(True, filename),
                "ResponseContentType": content_type,
            },
            expire=settings.S3_PRESIGN_SECONDS,
        )
        response = HttpResponseRedirect(url)
        # The link carries a signature: no shared cache may keep or replay it.
        response["Cache-Control"] = "private, no-store"
        return response
    try:
        handle = file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The stored file is missing.") from error
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
