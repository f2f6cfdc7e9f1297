"""Benchmarks: what peers do, with a source."""

from django import forms
from django.db import models

from ..forms import RevisionedForm
from ..models import Benchmark


def https_by_default(model_field, **kwargs):
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class BenchmarkForm(RevisionedForm):
    class Meta:
        model = Benchmark
        fields = ["company", "kind", "practice", "source", "source_url", "relevance"]
        formfield_callback = https_by_default
        widgets = {"practice": forms.Textarea(attrs={"rows": 5})}
