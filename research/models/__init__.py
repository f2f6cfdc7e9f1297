"""Research that feeds a charter.

Research belongs to a charter, not to the workspace: it is done once per charter cycle (a
new fiscal year's charter starts with fresh interviews, a new enablement audit and a new
survey), and what it found must stay with the charter it justified. Only the interview question
guides are the workspace's own, because they are the team's method and carry over from
cycle to cycle. Every model names its way to the workspace in ``workspace_path``.
"""

from .enablement_audit import AuditActivity
from .insights import Benchmark, Insight
from .interviews import (
    Champion,
    Function,
    GuideQuestion,
    Interview,
    InterviewGuide,
    StakeholderType,
)
from .survey import Survey, SurveyImport, SurveyQuestion, SurveyResponse

__all__ = [
    "AuditActivity",
    "Benchmark",
    "Champion",
    "Function",
    "GuideQuestion",
    "Insight",
    "Interview",
    "InterviewGuide",
    "StakeholderType",
    "Survey",
    "SurveyImport",
    "SurveyQuestion",
    "SurveyResponse",
]
