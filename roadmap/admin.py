from django.contrib import admin

from .models import Milestone, Phase


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    list_display = ["name", "charter", "target_level"]
    list_select_related = ["charter", "target_level"]
    raw_id_fields = ["charter"]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "charter", "phase", "owner", "start", "end", "status"]
    list_filter = ["status"]
    list_select_related = ["charter", "phase", "owner"]
    search_fields = ["title"]
    raw_id_fields = ["charter", "phase", "owner", "depends_on", "objectives", "metrics"]
