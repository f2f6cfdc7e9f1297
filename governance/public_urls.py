from django.urls import path

from .outside_reviewers import views as outside

app_name = "outside_review"

# Mounted at /review/: no workspace in the URL and no login; the signed token is the key.
urlpatterns = [
    path("<str:token>/", outside.outside_review, name="review"),
    path("<str:token>/comment/", outside.outside_comment, name="comment"),
    path("<str:token>/vote/", outside.outside_vote, name="vote"),
]
