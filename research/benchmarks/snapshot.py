"""The charter's benchmarks as plain JSON, for the Research summary."""

from charter.models import Charter


def benchmarks_snapshot(charter: Charter) -> list[dict]:
    return [
        {
            "company": b.company,
            "kind": str(b.get_kind_display()),
            "practice": b.practice,
            "source": b.source,
            "source_url": b.source_url,
            "relevance": str(b.get_relevance_display()),
        }
        for b in charter.benchmarks.all()
    ]
