from django.urls import path

from charter.audit_trail import views as audit
from charter.charters import completeness
from charter.charters import views as charters
from charter.charters import views_data as data
from charter.comments import views as comments
from charter.documents import verify
from charter.documents import views as exports
from charter.editing.views import editing_urls
from charter.sections.collaboration import editors as collaboration
from charter.sections.collaboration import views as collaboration_views
from charter.sections.current_state import editors as current_state
from charter.sections.current_state import views as current_state_views
from charter.sections.future_success import editors as future_success
from charter.sections.future_success import views as future_success_views
from charter.sections.scope import editors as scope
from charter.sections.scope import views as scope_views
from charter.versions import views as versions
from charter.workspaces import accounts
from charter.workspaces import views as workspaces
from config import health

app_name = "charter"

# Mounted at the site root; workspace-scoped routes live under /w/<workspace>/.
urlpatterns = [
    path("", accounts.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("invitations/<str:token>/", accounts.invitation, name="invitation"),
    path("workspaces/", workspaces.workspace_list, name="workspaces"),
    path("workspaces/new/", workspaces.workspace_create, name="workspace-create"),
    path("w/<slug:workspace>/", charters.workspace, name="workspace"),
    path("w/<slug:workspace>/members/", workspaces.members, name="members"),
    path(
        "w/<slug:workspace>/members/<int:membership_pk>/role/",
        workspaces.member_role,
        name="member-role",
    ),
    path(
        "w/<slug:workspace>/members/<int:membership_pk>/remove/",
        workspaces.member_remove,
        name="member-remove",
    ),
    path("w/<slug:workspace>/charters/new/", charters.charter_create, name="charter-create"),
    path("w/<slug:workspace>/charters/<int:charter_pk>/", charters.charter_detail, name="charter"),
    path(
        "w/<slug:workspace>/charters/<int:charter_pk>/s/<slug:section_key>/",
        charters.section_detail,
        name="section",
    ),
    path("w/<slug:workspace>/audit/", audit.audit_trail, name="audit"),
    path(
        "w/<slug:workspace>/charters/<int:charter_pk>/versions/",
        versions.version_list,
        name="versions",
    ),
    path(
        "w/<slug:workspace>/charters/<int:charter_pk>/versions/new/",
        versions.version_publish,
        name="version-publish",
    ),
    path(
        "w/<slug:workspace>/charters/<int:charter_pk>/compare/",
        versions.version_diff,
        name="diff",
    ),
    path(
        "w/<slug:workspace>/versions/<int:charterversion_pk>/",
        versions.version_detail,
        name="version",
    ),
    path(
        "w/<slug:workspace>/versions/<int:charterversion_pk>/submit/",
        versions.version_submit,
        name="version-submit",
    ),
    path(
        "w/<slug:workspace>/versions/<int:charterversion_pk>/withdraw/",
        versions.version_withdraw,
        name="version-withdraw",
    ),
]

# The current state and future success, edited in place (charter/editing.py).
urlpatterns += [
    *editing_urls(*current_state.EDITING, *future_success.EDITING),
    path(
        "w/<slug:workspace>/maturity-model/",
        current_state_views.maturity_model,
        name="maturity-model",
    ),
    path(
        "w/<slug:workspace>/charters/<int:charter_pk>/maturity/summary/",
        current_state_views.maturity_summary,
        name="maturity-summary",
    ),
    path(
        "w/<slug:workspace>/metrics/<int:metric_pk>/",
        future_success_views.metric_detail,
        name="metric",
    ),
    path(
        "w/<slug:workspace>/charters/<int:charter_pk>/metrics/outcomes/",
        future_success_views.metric_outcomes,
        name="metric-outcomes",
    ),
]

# PDF exports of versions (charter/exports.py) and the page that verifies a PDF.
urlpatterns += [
    path(
        "w/<slug:workspace>/versions/<int:charterversion_pk>/exports/",
        exports.export_create,
        name="export-create",
    ),
    path("w/<slug:workspace>/exports/<int:pdfexport_pk>/", exports.export_detail, name="export"),
    path(
        "w/<slug:workspace>/exports/<int:pdfexport_pk>/download/",
        exports.export_download,
        name="export-download",
    ),
    path(
        "w/<slug:workspace>/exports/<int:pdfexport_pk>/retry/",
        exports.export_retry,
        name="export-retry",
    ),
    path("w/<slug:workspace>/verify/", verify.verify, name="verify"),
]

# Comments on any section, and what a section still lacks (refreshed after each save).
CHARTER = "w/<slug:workspace>/charters/<int:charter_pk>/"
urlpatterns += [
    path(f"{CHARTER}s/<slug:section_key>/comments/", comments.comment_list, name="comments"),
    path(f"{CHARTER}s/<slug:section_key>/comments/add/", comments.comment_add, name="comment-add"),
    path(
        f"{CHARTER}comments/<int:comment_pk>/reply/", comments.comment_reply, name="comment-reply"
    ),
    path(
        f"{CHARTER}comments/<int:comment_pk>/resolve/",
        comments.comment_resolve,
        name="comment-resolve",
    ),
    path(
        f"{CHARTER}comments/<int:comment_pk>/reopen/",
        comments.comment_reopen,
        name="comment-reopen",
    ),
    path(
        f"{CHARTER}s/<slug:section_key>/missing/",
        completeness.section_missing,
        name="section-missing",
    ),
]

# Scope and collaboration (charter/scope.py, charter/collaboration.py).
urlpatterns += editing_urls(
    scope.BUDGET,
    scope.AUDIENCE_TABLE,
    scope.FUNDING_TABLE,
    scope.CATALOGUE_TABLE,
    collaboration.PARTNER_TEAM_TABLE,
    collaboration.CADENCE_TABLE,
)
urlpatterns += [
    path("w/<slug:workspace>/services/", scope_views.service_catalogue, name="service-catalogue"),
    path(f"{CHARTER}scope/services/", scope_views.services_show, name="scope-services"),
    path(
        f"{CHARTER}scope/services/edit/",
        scope_views.services_edit,
        name="scope-services-edit",
    ),
    path(
        f"{CHARTER}scope/audiences/totals/",
        scope_views.audience_totals,
        name="scope-audience-totals",
    ),
    path(
        f"{CHARTER}scope/funding/totals/",
        scope_views.funding_totals,
        name="scope-funding-totals",
    ),
    path(f"{CHARTER}raci/", collaboration_views.raci_grid, name="raci"),
    path(f"{CHARTER}raci/save/", collaboration_views.raci_save, name="raci-save"),
]

# Data that moves (charter/views/data.py): exports, the JSON round trip, actuals from CSV.
urlpatterns += [
    path(f"{CHARTER}data/", data.data_page, name="data"),
    path(
        f"{CHARTER}data/metrics.csv",
        data.metrics_export,
        {"file_format": "csv"},
        name="metrics-csv",
    ),
    path(
        f"{CHARTER}data/metrics.xlsx",
        data.metrics_export,
        {"file_format": "xlsx"},
        name="metrics-xlsx",
    ),
    path(f"{CHARTER}data/charter.json", data.charter_export, name="charter-json"),
    path("w/<slug:workspace>/charters/import/", data.charter_import, name="charter-import"),
    path(f"{CHARTER}data/actuals/import/", data.actuals_upload, name="actuals-upload"),
    path(
        "w/<slug:workspace>/actual-imports/<int:metricimport_pk>/",
        data.actuals_import,
        name="actuals-import",
    ),
    path(
        "w/<slug:workspace>/actual-imports/<int:metricimport_pk>/confirm/",
        data.actuals_import_confirm,
        name="actuals-import-confirm",
    ),
    path(
        "w/<slug:workspace>/actual-imports/<int:metricimport_pk>/cancel/",
        data.actuals_import_cancel,
        name="actuals-import-cancel",
    ),
]
