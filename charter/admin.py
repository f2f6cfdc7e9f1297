from django.contrib import admin

from .models import (
    AuditEvent,
    Charter,
    CharterVersion,
    Invitation,
    Membership,
    PdfExport,
    Workspace,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Workspace)
class WorkspaceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "created_at"]
    search_fields = ["name", "slug"]
    inlines = [MembershipInline]


@admin.register(Charter)
class CharterAdmin(admin.ModelAdmin):
    list_display = ["title", "workspace", "period_start", "period_end", "language"]
    list_filter = ["language"]


@admin.register(CharterVersion)
class CharterVersionAdmin(admin.ModelAdmin):
    list_display = ["charter", "number", "label", "status", "created_at"]
    list_filter = ["status"]
    readonly_fields = [
        "charter",
        "number",
        "label",
        "summary",
        "author",
        "created_at",
        "snapshot",
        "snapshot_sha256",
    ]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PdfExport)
class PdfExportAdmin(admin.ModelAdmin):
    list_display = ["version", "kind", "status", "created_at", "finished_at"]
    list_filter = ["status", "kind"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "workspace", "role", "created_at", "accepted_at"]


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "workspace", "actor_label", "action", "object_repr"]
    list_filter = ["action"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
