"""The charter's champions as plain JSON, for the Research summary."""

from charter.models import Charter


def champions_snapshot(charter: Charter) -> list[dict]:
    return [
        {
            "name": c.name,
            "job_title": c.job_title,
            "function": str(c.get_function_display()),
            "influence": str(c.get_influence_display()),
            "stance": str(c.get_stance_display()),
        }
        for c in charter.champions.all()
    ]
