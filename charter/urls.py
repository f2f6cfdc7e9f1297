from django.urls import path

from charter.api import views as api_views
from charter.audit_trail import views as audit_trail_views
from charter.charters import completeness, views_data
from charter.charters import views as charters_views
from charter.comments import views as comments_views
from charter.documents import verify
from charter.documents import views as documents_views
from charter.editing.urls import block_urls, row_editor_urls
from charter.languages import views as languages_views
from charter.sections.collaboration import views as collaboration_views
from charter.sections.collaboration.editors import CADENCE_TABLE, PARTNER_TEAM_TABLE
from charter.sections.current_state import views as current_state_views
from charter.sections.current_state.editors import (
    DIMENSION_TABLE,
    GO_TO_MARKET,
    KPI_TABLE,
    LEVEL_TABLE,
    SCORE_TABLE,
    STRATEGY,
)
from charter.sections.future_success import views as future_success_views
from charter.sections.future_success.editors import (
    ACTUAL_TABLE,
    DEFINITION,
    METRIC_TABLE,
    MISSION,
    OBJECTIVE_TABLE,
    VISION,
)
from charter.sections.scope import views as scope_views
from charter.sections.scope.editors import AUDIENCE_TABLE, BUDGET, CATALOGUE_TABLE, FUNDING_TABLE
from charter.versions import views as versions_views
from charter.workspaces import accounts
from charter.workspaces import views as workspaces_views

app_name = "charter"

# Mounted at the site root; workspace-scoped routes live under /w/<workspace>/.
urlpatterns = [
    path("language/", languages_views.set_language, name="set-language"),
    path("", accounts.home, name="home"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path(
        "accounts/signup/confirm/<str:uidb64>/<str:token>/",
        accounts.signup_confirm,
        name="signup-confirm",
    ),
    path("invitations/<str:token>/", accounts.invitation, name="invitation"),
    path("profile/api-tokens/", api_views.api_tokens, name="api-tokens"),
    path("profile/api-tokens/new/", api_views.api_token_create, name="api-token-create"),
    path(
        "profile/api-tokens/<int:token_pk>/revoke/",
        api_views.api_token_revoke,
        name="api-token-revoke",
    ),
    path("workspaces/", workspaces_views.workspace_list, name="workspaces"),
    path("workspaces/new/", workspaces_views.workspace_create, name="workspace-create"),
    path("w/<workspace:workspace>/", charters_views.workspace, name="workspace"),
    path("w/<workspace:workspace>/members/", workspaces_views.members, name="members"),
    path(
        "w/<workspace:workspace>/members/second-factor/",
        workspaces_views.second_factor_policy,
        name="second-factor-policy",
    ),
    path(
        "w/<workspace:workspace>/members/<int:membership_pk>/role/",
        workspaces_views.member_role,
        name="member-role",
    ),
    path(
        "w/<workspace:workspace>/members/<int:membership_pk>/remove/",
        workspaces_views.member_remove,
        name="member-remove",
    ),
    path(
        "w/<workspace:workspace>/charters/new/",
        charters_views.charter_create,
        name="charter-create",
    ),
    path(
        "w/<workspace:workspace>/charters/<int:charter_pk>/",
        charters_views.charter_detail,
        name="charter",
    ),
    path(
        "w/<workspace:workspace>/charters/<int:charter_pk>/s/<slug:section_key>/",
        charters_views.section_detail,
        name="section",
    ),
    path("w/<workspace:workspace>/audit/", audit_trail_views.audit_trail, name="audit"),
    path(
        "w/<workspace:workspace>/charters/<int:charter_pk>/versions/",
        versions_views.version_list,
        name="versions",
    ),
    path(
        "w/<workspace:workspace>/charters/<int:charter_pk>/versions/new/",
        versions_views.version_publish,
        name="version-publish",
    ),
    path(
        "w/<workspace:workspace>/charters/<int:charter_pk>/compare/",
        versions_views.version_diff,
        name="diff",
    ),
    path(
        "w/<workspace:workspace>/versions/<int:charterversion_pk>/",
        versions_views.version_detail,
        name="version",
    ),
    path(
        "w/<workspace:workspace>/versions/<int:charterversion_pk>/submit/",
        versions_views.version_submit,
        name="version-submit",
    ),
    path(
        "w/<workspace:workspace>/versions/<int:charterversion_pk>/withdraw/",
        versions_views.version_withdraw,
        name="version-withdraw",
    ),
]

# The current state and future success, edited in place (charter/editing/).
urlpatterns += [
    *block_urls(STRATEGY, show="current-state-strategy", edit="current-state-strategy-edit"),
    *block_urls(
        GO_TO_MARKET, show="current-state-go-to-market", edit="current-state-go-to-market-edit"
    ),
    *row_editor_urls(
        KPI_TABLE,
        add="kpi-add",
        row="kpi-row",
        edit="kpi-edit",
        delete="kpi-delete",
        move="kpi-move",
    ),
    *row_editor_urls(
        SCORE_TABLE, add="score-add", row="score-row", edit="score-edit", delete="score-delete"
    ),
    *row_editor_urls(
        LEVEL_TABLE,
        add="maturity-level-add",
        row="maturity-level-row",
        edit="maturity-level-edit",
        delete="maturity-level-delete",
    ),
    *row_editor_urls(
        DIMENSION_TABLE,
        add="maturity-dimension-add",
        row="maturity-dimension-row",
        edit="maturity-dimension-edit",
        delete="maturity-dimension-delete",
        move="maturity-dimension-move",
    ),
    *block_urls(
        DEFINITION, show="future-success-definition", edit="future-success-definition-edit"
    ),
    *block_urls(VISION, show="future-success-vision", edit="future-success-vision-edit"),
    *block_urls(MISSION, show="future-success-mission", edit="future-success-mission-edit"),
    *row_editor_urls(
        OBJECTIVE_TABLE,
        add="objective-add",
        row="objective-row",
        edit="objective-edit",
        delete="objective-delete",
        move="objective-move",
    ),
    *row_editor_urls(
        METRIC_TABLE,
        add="metric-add",
        row="metric-row",
        edit="metric-edit",
        delete="metric-delete",
        move="metric-move",
    ),
    *row_editor_urls(
        ACTUAL_TABLE, add="actual-add", row="actual-row", edit="actual-edit", delete="actual-delete"
    ),
    path(
        "w/<workspace:workspace>/maturity-model/",
        current_state_views.maturity_model,
        name="maturity-model",
    ),
    path(
        "w/<workspace:workspace>/charters/<int:charter_pk>/maturity/summary/",
        current_state_views.maturity_summary,
        name="maturity-summary",
    ),
    path(
        "w/<workspace:workspace>/metrics/<int:metric_pk>/",
        future_success_views.metric_detail,
        name="metric",
    ),
    path(
        "w/<workspace:workspace>/charters/<int:charter_pk>/metrics/outcomes/",
        future_success_views.metric_outcomes,
        name="metric-outcomes",
    ),
]

# PDF exports of versions (charter/documents/) and the page that verifies a PDF.
urlpatterns += [
    path(
        "w/<workspace:workspace>/versions/<int:charterversion_pk>/exports/",
        documents_views.export_create,
        name="export-create",
    ),
    path(
        "w/<workspace:workspace>/exports/<int:pdfexport_pk>/",
        documents_views.export_detail,
        name="export",
    ),
    path(
        "w/<workspace:workspace>/exports/<int:pdfexport_pk>/download/",
        documents_views.export_download,
        name="export-download",
    ),
    path(
        "w/<workspace:workspace>/exports/<int:pdfexport_pk>/retry/",
        documents_views.export_retry,
        name="export-retry",
    ),
    path("w/<workspace:workspace>/verify/", verify.verify, name="verify"),
]

# Comments on any section, and what a section still lacks (refreshed after each save).
CHARTER = "w/<workspace:workspace>/charters/<int:charter_pk>/"
urlpatterns += [
    path(f"{CHARTER}s/<slug:section_key>/comments/", comments_views.comment_list, name="comments"),
    path(
        f"{CHARTER}s/<slug:section_key>/comments/add/",
        comments_views.comment_add,
        name="comment-add",
    ),
    path(
        f"{CHARTER}comments/<int:comment_pk>/reply/",
        comments_views.comment_reply,
        name="comment-reply",
    ),
    path(
        f"{CHARTER}comments/<int:comment_pk>/resolve/",
        comments_views.comment_resolve,
        name="comment-resolve",
    ),
    path(
        f"{CHARTER}comments/<int:comment_pk>/reopen/",
        comments_views.comment_reopen,
        name="comment-reopen",
    ),
    path(
        f"{CHARTER}s/<slug:section_key>/missing/",
        completeness.section_missing,
        name="section-missing",
    ),
]

# Scope and collaboration (charter/sections/scope/, charter/sections/collaboration/).
urlpatterns += [
    *block_urls(BUDGET, show="scope-budget", edit="scope-budget-edit"),
    *row_editor_urls(
        AUDIENCE_TABLE,
        add="audience-add",
        row="audience-row",
        edit="audience-edit",
        delete="audience-delete",
        move="audience-move",
    ),
    *row_editor_urls(
        FUNDING_TABLE,
        add="funding-add",
        row="funding-row",
        edit="funding-edit",
        delete="funding-delete",
        move="funding-move",
    ),
    *row_editor_urls(
        CATALOGUE_TABLE,
        add="service-add",
        row="service-row",
        edit="service-edit",
        delete="service-delete",
        move="service-move",
    ),
    *row_editor_urls(
        PARTNER_TEAM_TABLE,
        add="partner-team-add",
        row="partner-team-row",
        edit="partner-team-edit",
        delete="partner-team-delete",
        move="partner-team-move",
    ),
    *row_editor_urls(
        CADENCE_TABLE,
        add="cadence-add",
        row="cadence-row",
        edit="cadence-edit",
        delete="cadence-delete",
        move="cadence-move",
    ),
    path(
        "w/<workspace:workspace>/services/", scope_views.service_catalogue, name="service-catalogue"
    ),
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

# Data that moves (charter/charters/views_data.py): exports, the JSON round trip, actuals from CSV.
urlpatterns += [
    path(f"{CHARTER}data/", views_data.data_page, name="data"),
    path(
        f"{CHARTER}data/metrics.csv",
        views_data.metrics_export,
        {"file_format": "csv"},
        name="metrics-csv",
    ),
    path(
        f"{CHARTER}data/metrics.xlsx",
        views_data.metrics_export,
        {"file_format": "xlsx"},
        name="metrics-xlsx",
    ),
    path(f"{CHARTER}data/charter.json", views_data.charter_export, name="charter-json"),
    path(
        "w/<workspace:workspace>/charters/import/", views_data.charter_import, name="charter-import"
    ),
    path(
        "w/<workspace:workspace>/charters/import/pdf/",
        views_data.charter_restore,
        name="charter-restore",
    ),
    path(f"{CHARTER}data/actuals/import/", views_data.actuals_upload, name="actuals-upload"),
    path(
        "w/<workspace:workspace>/actual-imports/<int:metricimport_pk>/",
        views_data.actuals_import,
        name="actuals-import",
    ),
    path(
        "w/<workspace:workspace>/actual-imports/<int:metricimport_pk>/confirm/",
        views_data.actuals_import_confirm,
        name="actuals-import-confirm",
    ),
    path(
        "w/<workspace:workspace>/actual-imports/<int:metricimport_pk>/cancel/",
        views_data.actuals_import_cancel,
        name="actuals-import-cancel",
    ),
]
