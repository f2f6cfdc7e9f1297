"""Research rows shown in the current state count as changes to their charter's content."""

from django.db import migrations

from charter.content_revisions import OWN_CHARTER, through, track_content

SURVEY_CHARTER = through("research_survey", "survey_id")
INSIGHT_CHARTER = through("research_insight", "insight_id")


class Migration(migrations.Migration):
    dependencies = [("research", "0001_initial"), ("charter", "0019_content_revisions")]

    operations = [
        track_content("research_auditactivity", OWN_CHARTER),
        track_content("research_interview", OWN_CHARTER),
        track_content("research_champion", OWN_CHARTER),
        track_content("research_survey", OWN_CHARTER),
        track_content("research_surveyquestion", SURVEY_CHARTER),
        track_content("research_surveyresponse", SURVEY_CHARTER),
        track_content("research_benchmark", OWN_CHARTER),
        track_content("research_insight", OWN_CHARTER),
        track_content("research_insight_interviews", INSIGHT_CHARTER),
        track_content("research_insight_audit_activities", INSIGHT_CHARTER),
        track_content("research_insight_survey_questions", INSIGHT_CHARTER),
        track_content("research_insight_benchmarks", INSIGHT_CHARTER),
    ]
