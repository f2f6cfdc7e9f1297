import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from charter.comments import threads as comments
from charter.models import AuditEvent, Comment
from tests.charter.scope_factories import CommentFactory
from tests.factories import CharterFactory, MembershipFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def charter_of(charter_client):
    def make(role):
        client = charter_client(role)
        return client, client.charter, client.base

    return make


@pytest.mark.parametrize("role", ["owner", "editor", "contributor", "board"])
def test_members_who_may_comment_post_on_any_section(charter_of, role):
    client, charter, base = charter_of(role)

    response = client.post(
        f"{base}/s/roadmap/comments/add/", {"comment-body": "Add a **pilot** phase."}, **HTMX
    )

    assert response.status_code == 200
    assert "<strong>pilot</strong>" in response.content.decode()
    comment = Comment.objects.get()
    assert (comment.charter, comment.section_key, comment.author) == (
        charter,
        "roadmap",
        client.membership.user,
    )


def test_viewer_reads_comments_but_cannot_post(charter_of):
    client, charter, base = charter_of("viewer")
    CommentFactory(charter=charter, section_key="scope", body="Visible to viewers")

    page = client.get(f"{base}/s/scope/").content.decode()
    refused = client.post(f"{base}/s/scope/comments/add/", {"comment-body": "Hi"})

    assert "Visible to viewers" in page
    assert "Post comment" not in page
    assert refused.status_code == 403
    assert Comment.objects.count() == 1


def test_every_section_page_shows_the_comments_block(charter_of):
    client, charter, base = charter_of("contributor")
    for section_key in ["current-state", "scope", "roadmap", "collaboration"]:
        page = client.get(f"{base}/s/{section_key}/").content.decode()
        assert 'id="comments"' in page, section_key
        assert f"/s/{section_key}/comments/add/" in page


@pytest.mark.parametrize(
    ("body", "message"),
    [("   ", "Write something before posting."), ("x" * 5001, "under 5000 characters")],
)
def test_empty_or_overlong_comment_is_refused_and_keeps_the_text(charter_of, body, message):
    client, charter, base = charter_of("contributor")

    response = client.post(f"{base}/s/scope/comments/add/", {"comment-body": body}, **HTMX)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert Comment.objects.count() == 0
    if body.strip():
        assert body in response.content.decode()


def test_without_javascript_a_comment_redirects_back_to_the_section(charter_of):
    client, charter, base = charter_of("contributor")

    response = client.post(f"{base}/s/scope/comments/add/", {"comment-body": "Plain form"})
    refused = client.post(f"{base}/s/scope/comments/add/", {"comment-body": ""})

    assert response.status_code == 302
    assert response["Location"] == f"{base}/s/scope/#comments"
    assert refused.status_code == 400
    assert "Comments on Scope" in refused.content.decode()


def test_unknown_section_is_a_404(charter_of):
    client, charter, base = charter_of("contributor")

    assert client.get(f"{base}/s/no-such-section/comments/").status_code == 404
    assert (
        client.post(f"{base}/s/no-such-section/comments/add/", {"comment-body": "x"}).status_code
        == 404
    )


def test_comment_markdown_is_sanitized(charter_of):
    client, charter, base = charter_of("contributor")

    response = client.post(
        f"{base}/s/scope/comments/add/",
        {"comment-body": '<script>alert(1)</script><img src=x onerror="alert(2)"> ok'},
        **HTMX,
    )

    html = response.content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html


def test_replies_thread_under_the_first_comment(charter_of):
    client, charter, base = charter_of("board")
    thread = CommentFactory(charter=charter, section_key="scope")
    first = CommentFactory(charter=charter, section_key="scope", parent=thread)

    client.post(
        f"{base}/comments/{thread.pk}/reply/", {f"reply-{thread.pk}-body": "Agreed."}, **HTMX
    )
    # Replying to a reply joins the same thread rather than nesting deeper.
    client.post(f"{base}/comments/{first.pk}/reply/", {f"reply-{thread.pk}-body": "Me too."})

    replies = list(thread.replies.values_list("body", flat=True))
    assert replies == [first.body, "Agreed.", "Me too."]


def test_empty_reply_is_refused_and_reopens_its_form(charter_of):
    client, charter, base = charter_of("contributor")
    thread = CommentFactory(charter=charter)

    response = client.post(
        f"{base}/comments/{thread.pk}/reply/", {f"reply-{thread.pk}-body": ""}, **HTMX
    )

    assert response.status_code == 400
    assert "Write something before posting." in response.content.decode()
    assert '<details class="reply" open>' in response.content.decode()
    assert thread.replies.count() == 0


def test_reply_to_another_charters_or_workspaces_comment_is_a_404(charter_of):
    client, charter, base = charter_of("contributor")
    sibling = CommentFactory(charter=CharterFactory(workspace=charter.workspace))
    foreign = CommentFactory()

    for comment in (sibling, foreign):
        response = client.post(
            f"{base}/comments/{comment.pk}/reply/", {f"reply-{comment.pk}-body": "Sneaky"}
        )
        assert response.status_code == 404
        assert client.post(f"{base}/comments/{comment.pk}/resolve/").status_code == 404
    assert Comment.objects.filter(body="Sneaky").count() == 0
    assert Comment.objects.filter(resolved_at__isnull=False).count() == 0


def test_author_resolves_and_reopens_their_thread(charter_of):
    client, charter, base = charter_of("contributor")
    thread = CommentFactory(charter=charter, author=client.membership.user)

    resolved = client.post(f"{base}/comments/{thread.pk}/resolve/", **HTMX)
    thread.refresh_from_db()
    assert resolved.status_code == 200
    assert thread.resolved_by == client.membership.user
    assert "1 resolved thread" in resolved.content.decode()

    client.post(f"{base}/comments/{thread.pk}/reopen/", **HTMX)
    thread.refresh_from_db()
    assert thread.resolved_at is None
    actions = list(AuditEvent.objects.values_list("action", flat=True))
    assert sorted(actions) == ["comment.reopened", "comment.resolved"]


def test_contributor_cannot_resolve_someone_elses_thread_but_an_editor_can(charter_of):
    client, charter, base = charter_of("contributor")
    thread = CommentFactory(charter=charter)

    assert client.post(f"{base}/comments/{thread.pk}/resolve/").status_code == 403
    thread.refresh_from_db()
    assert thread.resolved_at is None

    editor = MembershipFactory(workspace=charter.workspace, role="editor")
    client.force_login(editor.user)
    assert client.post(f"{base}/comments/{thread.pk}/resolve/").status_code == 302
    thread.refresh_from_db()
    assert thread.resolved_by == editor.user


def test_replying_to_a_resolved_thread_reopens_it(charter_of):
    client, charter, base = charter_of("editor")
    thread = CommentFactory(charter=charter)
    comments.resolve(thread, client.membership)

    client.post(f"{base}/comments/{thread.pk}/reply/", {f"reply-{thread.pk}-body": "Not yet"})

    thread.refresh_from_db()
    assert thread.resolved_at is None


def test_viewer_cannot_resolve(charter_of):
    client, charter, base = charter_of("viewer")
    thread = CommentFactory(charter=charter)

    assert client.post(f"{base}/comments/{thread.pk}/resolve/").status_code == 403


def test_loading_threads_takes_the_same_queries_for_few_and_many(django_assert_num_queries):
    charter = CharterFactory()

    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            threads = comments.threads_for(charter, "scope")
            for thread in threads.open:
                [reply.author for reply in thread.replies.all()]
        return len(captured)

    thread = CommentFactory(charter=charter)
    CommentFactory(charter=charter, parent=thread)
    few = count_queries()
    for _ in range(10):
        thread = CommentFactory(charter=charter)
        CommentFactory.create_batch(3, charter=charter, parent=thread)
    assert count_queries() == few == 2
