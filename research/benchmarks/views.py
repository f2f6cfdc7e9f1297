"""Benchmarks: what peer companies do, with a source."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from charter.access import scoped, workspace_view

from ..models import Benchmark
from ..records import RecordKind, research_charter
from .forms import BenchmarkForm

BENCHMARKS = RecordKind(
    Benchmark,
    BenchmarkForm,
    "research:benchmarks",
    "benchmarks",
    _("New benchmark"),
    _("Edit benchmark: %(object)s"),
)


@workspace_view()
def benchmark_list(request, charter_pk):
    charter = research_charter(request, charter_pk)
    benchmarks = scoped(request, Benchmark).filter(charter=charter)
    context = {"charter": charter, "benchmarks": benchmarks, "tab": "benchmarks"}
    return render(request, "research/benchmarks/benchmark_list.html", context)
