from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from charter.editing.specs import EditForm
from charter.models import MaturityModel, Metric, Objective

from .dependencies import DependencyError, check_dependencies
from .models import Milestone, Phase
from .snapshot import person_name


class LevelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, level):
        return f"{level.rank}. {level.name}"


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return person_name(user)


class PhaseForm(EditForm):
    target_level = LevelChoiceField(
        queryset=None,
        label=_("Maturity level reached"),
        help_text=Phase._meta.get_field("target_level").help_text,
    )

    class Meta:
        model = Phase
        fields = ["name", "target_level", "goal"]
        widgets = {"goal": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, parent=parent, **kwargs)
        self.fields["target_level"].queryset = MaturityModel.for_workspace(
            parent.workspace
        ).levels.all()

    def clean_target_level(self):
        level = self.cleaned_data["target_level"]
        taken = Phase.objects.filter(charter=self.parent, target_level=level)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("This charter already has a phase that reaches this level.")
            )
        return level


class MilestoneForm(EditForm):
    owner = MemberChoiceField(queryset=None, required=False, label=_("Owner"))
    budget_amount = forms.DecimalField(
        label=_("Budget"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=2,
        error_messages={
            "invalid": _("Enter the budget as a number, e.g. 12000 or 12000.50."),
            "min_value": _("The budget cannot be negative."),
        },
    )
    headcount = forms.DecimalField(
        label=_("Headcount (FTE)"),
        required=False,
        min_value=0,
        max_digits=6,
        decimal_places=2,
        help_text=Milestone._meta.get_field("headcount").help_text,
        error_messages={
            "invalid": _("Enter the headcount as a number of full-time equivalents, e.g. 1.5."),
            "min_value": _("The headcount cannot be negative."),
        },
    )

    class Meta:
        model = Milestone
        fields = [
            "title",
            "phase",
            "owner",
            "status",
            "start",
            "end",
            "budget_amount",
            "budget_currency",
            "headcount",
            "tools",
            "description",
            "depends_on",
            "metrics",
            "objectives",
        ]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 4}),
            "depends_on": forms.CheckboxSelectMultiple,
            "metrics": forms.CheckboxSelectMultiple,
            "objectives": forms.CheckboxSelectMultiple,
        }
        error_messages = {
            "budget_currency": {
                "invalid_choice": _("Choose a currency from the list, e.g. USD or EUR.")
            },
            "depends_on": {
                "invalid_choice": _(
                    "A milestone can only depend on other milestones of this charter."
                ),
                "invalid_pk_value": _("Choose milestones from the list."),
            },
            "metrics": {"invalid_choice": _("Choose metrics of this charter.")},
            "objectives": {"invalid_choice": _("Choose objectives of this charter.")},
        }

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, parent=parent, **kwargs)
        self.fields["phase"].queryset = parent.phases.select_related("target_level")
        # The workspace's members, and the current owner even if they have left it since, so
        # that saving other changes does not drop them.
        self.fields["owner"].queryset = (
            get_user_model()
            .objects.filter(
                Q(memberships__workspace=parent.workspace) | Q(pk=self.instance.owner_id)
            )
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["depends_on"].queryset = Milestone.objects.filter(charter=parent).exclude(
            pk=self.instance.pk
        )
        self.fields["metrics"].queryset = Metric.objects.filter(charter=parent)
        self.fields["objectives"].queryset = Objective.objects.filter(charter=parent)

    def clean(self):
        cleaned = super().clean()
        dependencies = cleaned.get("depends_on")
        if dependencies:
            try:
                check_dependencies(self.instance, dependencies)
            except DependencyError as refused:
                self.add_error("depends_on", str(refused))
        return cleaned
