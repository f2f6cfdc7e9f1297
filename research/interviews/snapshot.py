"""The charter's interviews as plain JSON, for the Research summary."""

from charter.models import Charter
from charter.people import person

from ..models import Interview


def interviews_snapshot(charter: Charter) -> list[dict]:
    interviews = charter.interviews.select_related("interviewer__profile").order_by("held_on", "pk")
    return [_interview(interview) for interview in interviews]


def _interview(interview: Interview) -> dict:
    interviewer = interview.interviewer
    return {
        "interviewee": interview.interviewee,
        "job_title": interview.job_title,
        "function": str(interview.get_function_display()),
        "stakeholder_type": interview.stakeholder_type,
        "held_on": interview.held_on.isoformat(),
        "interviewer": person(interviewer) if interviewer else "",
        "quotes": interview.quotes,
    }
