"""A save writes only its form's fields, as one compare-and-set (decisions note 11)."""

import pytest

from charter.editing.specs import save_form
from charter.models import EditConflict, FutureSuccess, Scope
from charter.sections.future_success.editors import MISSION, VISION
from charter.sections.scope.editors import BUDGET, ServicesOfferedForm
from tests.charter.scope_factories import ScopeFactory, ServiceFactory
from tests.charter.section_factories import FutureSuccessFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def opened(form_class, instance, parent):
    """What a form opened now carries back when it is posted: its revision and base."""
    form = form_class(instance=instance, parent=parent)
    return {"revision": form.initial["revision"], "base": form.initial["base"]}


def save(form_class, instance, parent, started_from, by=None, **values):
    form = form_class({**started_from, **values}, instance=instance, parent=parent)
    assert form.is_valid(), form.errors
    return save_form(form, by)


def fresh(model, pk):
    return model.objects.get(pk=pk)


def test_stale_save_of_one_field_leaves_a_field_saved_meanwhile_as_stored():
    row = FutureSuccessFactory(vision="Vision before.", mission="Mission before.")
    # Both editors load the row before either saves: the vision form's instance is stale.
    vision_instance, mission_instance = fresh(FutureSuccess, row.pk), fresh(FutureSuccess, row.pk)
    vision_start = opened(VISION.form_class, vision_instance, row.charter)
    mission_start = opened(MISSION.form_class, mission_instance, row.charter)

    save(MISSION.form_class, mission_instance, row.charter, mission_start, mission="Mission new.")
    save(VISION.form_class, vision_instance, row.charter, vision_start, vision="Vision new.")

    stored = fresh(FutureSuccess, row.pk)
    assert (stored.vision, stored.mission) == ("Vision new.", "Mission new.")
    assert stored.revision == 3


def test_save_from_the_revision_just_read_is_one_update_without_a_lock(
    django_assert_num_queries,
):
    row = FutureSuccessFactory(vision="Vision before.", mission="Mission before.")
    instance = fresh(FutureSuccess, row.pk)
    start = opened(VISION.form_class, instance, row.charter)

    with django_assert_num_queries(1) as queries:
        saved = save(VISION.form_class, instance, row.charter, start, vision="Vision new.")

    assert "FOR UPDATE" not in queries.captured_queries[0]["sql"]
    assert (saved.vision, saved.mission, saved.revision) == ("Vision new.", "Mission before.", 2)
    stored = fresh(FutureSuccess, row.pk)
    assert (stored.vision, stored.mission, stored.revision) == ("Vision new.", "Mission before.", 2)


def test_saved_instance_holds_what_is_stored_for_the_other_fields():
    row = FutureSuccessFactory(vision="Vision before.", mission="Mission before.")
    vision_instance = fresh(FutureSuccess, row.pk)
    vision_start = opened(VISION.form_class, vision_instance, row.charter)
    save(
        MISSION.form_class,
        fresh(FutureSuccess, row.pk),
        row.charter,
        opened(MISSION.form_class, row, row.charter),
        mission="Mission new.",
    )
    editor = UserFactory()

    saved = save(
        VISION.form_class, vision_instance, row.charter, vision_start, editor, vision="Mine."
    )

    assert (saved.mission, saved.revision, saved.updated_by) == ("Mission new.", 3, editor)
    assert fresh(FutureSuccess, row.pk).updated_by == editor


def test_save_over_a_change_to_the_same_field_raises_and_writes_nothing():
    row = FutureSuccessFactory(vision="Vision before.", mission="Mission before.")
    mine_instance, theirs_instance = fresh(FutureSuccess, row.pk), fresh(FutureSuccess, row.pk)
    mine = opened(VISION.form_class, mine_instance, row.charter)
    theirs = opened(VISION.form_class, theirs_instance, row.charter)
    save(VISION.form_class, theirs_instance, row.charter, theirs, vision="Their vision.")

    with pytest.raises(EditConflict) as conflict:
        save(VISION.form_class, mine_instance, row.charter, mine, vision="My vision.")

    assert conflict.value.current.vision == "Their vision."
    stored = fresh(FutureSuccess, row.pk)
    assert (stored.vision, stored.mission, stored.revision) == (
        "Their vision.",
        "Mission before.",
        2,
    )


def test_stale_save_succeeds_when_the_same_field_was_saved_back_to_what_the_user_started_from():
    row = FutureSuccessFactory(vision="Vision before.")
    mine_instance = fresh(FutureSuccess, row.pk)
    mine = opened(VISION.form_class, mine_instance, row.charter)
    other = fresh(FutureSuccess, row.pk)
    save(
        VISION.form_class,
        other,
        row.charter,
        opened(VISION.form_class, other, row.charter),
        vision="Vision before.",
    )

    save(VISION.form_class, mine_instance, row.charter, mine, vision="My vision.")

    assert fresh(FutureSuccess, row.pk).vision == "My vision."


def test_save_without_a_fingerprint_needs_the_current_revision():
    row = FutureSuccessFactory(vision="Vision before.")
    save(
        VISION.form_class,
        fresh(FutureSuccess, row.pk),
        row.charter,
        {"revision": 1},
        vision="First.",
    )

    with pytest.raises(EditConflict):
        save(
            VISION.form_class,
            fresh(FutureSuccess, row.pk),
            row.charter,
            {"revision": 1},
            vision="Stale.",
        )
    save(
        VISION.form_class,
        fresh(FutureSuccess, row.pk),
        row.charter,
        {"revision": 2},
        vision="Current.",
    )

    assert fresh(FutureSuccess, row.pk).vision == "Current."


def test_stale_services_choice_leaves_the_budget_saved_meanwhile_and_sets_the_services():
    scope = ScopeFactory(budget_owner="CRO")
    onboarding, coaching = (ServiceFactory(workspace=scope.charter.workspace) for _ in range(2))
    scope.services.set([onboarding])
    services_instance = fresh(Scope, scope.pk)
    services_start = opened(ServicesOfferedForm, services_instance, scope.charter)
    budget_instance = fresh(Scope, scope.pk)
    save(
        BUDGET.form_class,
        budget_instance,
        scope.charter,
        opened(BUDGET.form_class, budget_instance, scope.charter),
        budget_owner="CFO",
        budget_notes="Agreed each quarter.",
    )

    save(
        ServicesOfferedForm,
        services_instance,
        scope.charter,
        services_start,
        services=[onboarding.pk, coaching.pk],
    )

    stored = fresh(Scope, scope.pk)
    assert (stored.budget_owner, stored.budget_notes) == ("CFO", "Agreed each quarter.")
    assert set(stored.services.all()) == {onboarding, coaching}


def test_stale_services_choice_over_a_change_to_the_services_raises_and_keeps_theirs():
    scope = ScopeFactory()
    onboarding, coaching, training = (
        ServiceFactory(workspace=scope.charter.workspace) for _ in range(3)
    )
    scope.services.set([onboarding])
    mine_instance, theirs_instance = fresh(Scope, scope.pk), fresh(Scope, scope.pk)
    mine = opened(ServicesOfferedForm, mine_instance, scope.charter)
    theirs = opened(ServicesOfferedForm, theirs_instance, scope.charter)
    save(ServicesOfferedForm, theirs_instance, scope.charter, theirs, services=[training.pk])

    with pytest.raises(EditConflict):
        save(ServicesOfferedForm, mine_instance, scope.charter, mine, services=[coaching.pk])

    assert list(fresh(Scope, scope.pk).services.all()) == [training]
