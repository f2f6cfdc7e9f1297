"""Survey responses from CSV, built on the careful importer in ``charter.csvimport``.

The upload is kept in a pending ``SurveyImport`` (``charter.models.PendingUpload``) between
the preview and the confirmation. Every row carries the
fingerprint of its cells; a unique constraint on (survey, fingerprint) makes importing the
same file twice — or confirming twice — add nothing.
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from charter import csvimport
from charter.models import AuditEvent

from ..models import Survey, SurveyImport, SurveyQuestion, SurveyResponse

BATCH = 1000
PERSON_FIELDS = [
    csvimport.Target(
        "role", gettext_lazy("Role"), aliases=("job role", "position", "title", "job title")
    ),
    csvimport.Target("region", gettext_lazy("Region"), aliases=("territory", "geo", "area")),
    csvimport.Target(
        "respondent", gettext_lazy("Respondent"), aliases=("name", "email", "response id")
    ),
    csvimport.Target(
        "submitted_on",
        gettext_lazy("Submitted on"),
        aliases=("date", "timestamp", "submitted", "submitted at", "completed"),
        help_text=gettext_lazy("YYYY-MM-DD; a time after the date is ignored."),
    ),
]
LIMITS = {"role": 60, "region": 60, "respondent": 120}


def targets(questions: list[SurveyQuestion]) -> list[csvimport.Target]:
    return PERSON_FIELDS + [
        csvimport.Target(
            f"q{question.pk}",
            question.label,
            required=question.required,
            aliases=(question.text,),
            help_text=str(question.get_kind_display()),
        )
        for question in questions
    ]


def validator(questions: list[SurveyQuestion]) -> csvimport.Validator:
    """A row's mapped values → the response's fields and answers, or what is wrong with them."""

    def validate(values: dict[str, str]):
        errors, answers = [], {}
        cleaned = {name: values.get(name, "") for name in LIMITS}
        for name, limit in LIMITS.items():
            if len(cleaned[name]) > limit:
                errors.append(
                    _("%(field)s is longer than %(limit)s characters.")
                    % {"field": name.capitalize(), "limit": limit}
                )
        try:
            cleaned["submitted_on"] = parse_date(values.get("submitted_on", ""))
        except ValidationError as error:
            errors.extend(error.messages)
        for question in questions:
            key = f"q{question.pk}"
            if key not in values:
                continue
            try:
                value = question.parse_answer(values[key])
            except ValidationError as error:
                errors.extend(error.messages)
                continue
            if value is not None:
                answers[str(question.pk)] = value
        if not answers and not errors:
            errors.append(_("The row answers none of the mapped questions."))
        cleaned["answers"] = answers
        return cleaned, errors

    return validate


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("/", "-").replace(" ", "T", 1)).date()
    except ValueError:
        raise ValidationError(
            _("“%(value)s” is not a date; write it as YYYY-MM-DD.") % {"value": text[:30]}
        ) from None


def start(survey: Survey, upload_form: csvimport.UploadForm, by) -> SurveyImport:
    """Keep an inspected upload for its preview, with a first guess at the column mapping."""
    questions = list(survey.questions.all())
    mapping = csvimport.suggest_mapping(upload_form.layout.header, targets(questions))
    return SurveyImport.keep(upload_form, by, survey=survey, mapping=mapping)


def analyse(survey_import: SurveyImport, mapping: dict, *, save_as=None) -> csvimport.Report:
    """Run every row through the checks; with ``save_as`` (a user), also store the good ones."""
    survey = survey_import.survey
    questions = list(survey.questions.all())
    known = set(survey.responses.exclude(fingerprint=None).values_list("fingerprint", flat=True))
    report, batch = csvimport.Report(), []
    layout = csvimport.Layout.from_json(survey_import.layout)
    with survey_import.file.open("rb") as file:
        for row in csvimport.rows(
            file, layout, mapping, validator(questions), known_fingerprints=known
        ):
            report.add(row)
            if save_as is not None and row.importable:
                batch.append(_response(survey_import, row, save_as))
                if len(batch) >= BATCH:
                    _store(batch)
    if batch:
        _store(batch)
    return report


def _response(survey_import: SurveyImport, row, by) -> SurveyResponse:
    return SurveyResponse(
        survey_id=survey_import.survey_id,
        survey_import=survey_import,
        source=SurveyResponse.Source.IMPORT,
        fingerprint=row.fingerprint,
        created_by=by,
        **row.cleaned,
    )


def _store(batch: list[SurveyResponse]) -> None:
    # A concurrent import of the same rows loses the race quietly instead of adding them twice.
    SurveyResponse.objects.bulk_create(batch, ignore_conflicts=True)
    batch.clear()


def confirm(survey_import: SurveyImport, mapping: dict, by) -> SurveyImport:
    """Import the good rows once; confirming again (a double click) changes nothing."""

    def apply(pending: SurveyImport) -> dict:
        report = analyse(pending, mapping, save_as=by)
        pending.mapping = mapping
        imported = pending.responses.count()
        AuditEvent.record(
            pending.survey.charter.workspace,
            by,
            "research.survey.imported",
            pending,
            changes={"imported": imported, "invalid": report.invalid},
        )
        return {**report.as_json(), "imported": imported}

    return survey_import.confirm(apply)


def earlier_import_of_same_file(survey_import: SurveyImport) -> SurveyImport | None:
    return (
        SurveyImport.objects.filter(
            survey=survey_import.survey_id,
            sha256=survey_import.sha256,
            status=SurveyImport.Status.DONE,
        )
        .exclude(pk=survey_import.pk)
        .first()
    )
