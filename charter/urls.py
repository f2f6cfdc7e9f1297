from django.urls import path

from .views import accounts, charters, health, workspaces

app_name = "charter"

# Mounted at the site root; workspace-scoped routes live under /w/<workspace>/.
urlpatterns = [
    path("", accounts.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
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
]
