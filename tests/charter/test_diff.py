"""The snapshot diff: pure functions over two snapshots, no database."""

import json

import pytest
from django.template.loader import render_to_string

from charter.versions.diff import diff_snapshots, diff_values, tokenize, word_diff


def charter(sections=None, **info):
    return {"charter": {"title": "Charter FY27", **info}, "sections": sections or {}}


def text_of(segments, *ops):
    return [segment["text"] for segment in segments if segment["op"] in ops]


def section(diff, key):
    return next(item for item in diff["sections"] if item["key"] == key)


# Tokens and word-level changes


def test_latin_text_splits_into_words_spaces_and_punctuation():
    assert tokenize("Cut ramp time, fast.") == [
        "Cut",
        " ",
        "ramp",
        " ",
        "time",
        ",",
        " ",
        "fast",
        ".",
    ]


def test_chinese_text_splits_into_single_characters():
    assert tokenize("缩短上手时间。") == ["缩", "短", "上", "手", "时", "间", "。"]


def test_mixed_scripts_keep_latin_words_whole_next_to_chinese():
    assert tokenize("CRM数据Q4") == ["CRM", "数", "据", "Q4"]


def test_cyrillic_words_stay_whole():
    assert tokenize("Цель продаж") == ["Цель", " ", "продаж"]


def test_changed_word_is_reported_as_one_deletion_and_one_insertion():
    segments = word_diff(
        "Cut new-hire ramp time to 4 months.", "Cut new-hire ramp time to 3 months."
    )
    assert segments == [
        {"op": "equal", "text": "Cut new-hire ramp time to "},
        {"op": "delete", "text": "4"},
        {"op": "insert", "text": "3"},
        {"op": "equal", "text": " months."},
    ]


def test_several_replaced_words_read_as_one_change_not_confetti():
    segments = word_diff(
        "Sellers learn the product in class.", "Sellers practise real customer calls in class."
    )
    assert text_of(segments, "delete") == ["learn the product"]
    assert text_of(segments, "insert") == ["practise real customer calls"]


def test_chinese_diff_marks_only_the_changed_characters():
    segments = word_diff("减少新员工上手时间", "缩短新员工的上手时间")
    assert text_of(segments, "delete") == ["减少"]
    assert text_of(segments, "insert") == ["缩短", "的"]
    assert "新员工" in text_of(segments, "equal")


def test_unrelated_texts_are_shown_replaced_whole():
    segments = word_diff("Onboarding programme for AEs", "Квартальный обзор совета")
    assert segments == [
        {"op": "delete", "text": "Onboarding programme for AEs"},
        {"op": "insert", "text": "Квартальный обзор совета"},
    ]


def test_joining_the_segments_gives_back_both_texts():
    old, new = "Win rate 23 % in FY26\nfrom the CRM.", "Win rate 25 % in FY27\nfrom Salesforce."
    segments = word_diff(old, new)
    assert "".join(text_of(segments, "equal", "delete")) == old
    assert "".join(text_of(segments, "equal", "insert")) == new


# Fields, tables, nested dicts and plain lists


def test_changed_text_field_carries_word_changes_and_both_values():
    [change] = diff_values(
        {"vision": "Every seller ready"}, {"vision": "Every seller confident"}, []
    )
    assert change["kind"] == "field"
    assert change["label"] == "Vision"
    assert change["status"] == "changed"
    assert (change["old"], change["new"]) == ("Every seller ready", "Every seller confident")
    assert text_of(change["words"], "insert") == ["confident"]


def test_field_filled_in_or_emptied_is_added_or_removed():
    added, removed = diff_values(
        {"mission": "", "budget_owner": "Olivia"},
        {"mission": "Equip sellers", "budget_owner": None},
        [],
    )
    assert (added["label"], added["status"], added["new"]) == ("Mission", "added", "Equip sellers")
    assert (removed["label"], removed["status"], removed["old"]) == (
        "Budget owner",
        "removed",
        "Olivia",
    )


def test_empty_string_and_missing_value_are_not_a_change():
    assert diff_values({"notes": "", "owner": None}, {"notes": None}, []) == []


def test_number_change_has_no_word_diff():
    [change] = diff_values({"headcount": 120}, {"headcount": 135}, [])
    assert change["words"] is None
    assert (change["old"], change["new"]) == ("120", "135")


def test_table_reports_added_removed_and_changed_rows_with_changed_cells():
    old = {
        "audiences": [
            {"id": 1, "role": "Account executives", "headcount": 120, "position": 0},
            {"id": 2, "role": "SDRs", "headcount": 64, "position": 1},
        ]
    }
    new = {
        "audiences": [
            {"id": 1, "role": "Account executives", "headcount": 135, "position": 0},
            {"id": 3, "role": "Partner managers", "headcount": 12, "position": 1},
        ]
    }
    [table] = diff_values(old, new, [])
    assert table["kind"] == "table"
    assert table["label"] == "Audiences"
    assert [row["title"] for row in table["added"]] == ["Partner managers"]
    # The title names the row; the cells describe the rest.
    assert table["added"][0]["cells"] == [{"label": "Headcount", "value": "12"}]
    assert [row["title"] for row in table["removed"]] == ["SDRs"]
    [changed] = table["changed"]
    assert changed["title"] == "Account executives"
    assert [(c["label"], c["old"], c["new"]) for c in changed["changes"]] == [
        ("Headcount", "120", "135")
    ]
    assert table["reordered"] is False


def test_dates_and_codes_read_as_old_and_new_value_not_as_word_changes():
    [change] = diff_values({"end": "2026-11-30"}, {"end": "2026-12-15"}, [])
    assert change["words"] is None
    assert (change["old"], change["new"]) == ("2026-11-30", "2026-12-15")


def test_money_reads_as_amount_and_currency():
    [table] = diff_values(
        {},
        {
            "funding": [
                {"id": 1, "team": "Sales", "budget": {"amount": "450000.00", "currency": "USD"}}
            ]
        },
        [],
    )
    assert table["added"][0]["cells"] == [{"label": "Budget", "value": "450000.00 USD"}]


def test_moving_rows_reports_a_new_order_without_noise_from_positions():
    rows = [{"id": 1, "name": "A", "position": 0}, {"id": 2, "name": "B", "position": 1}]
    moved = [{"id": 2, "name": "B", "position": 0}, {"id": 1, "name": "A", "position": 1}]
    [table] = diff_values({"metrics": rows}, {"metrics": moved}, [])
    assert table["reordered"] is True
    assert table["changed"] == [] and table["added"] == [] and table["removed"] == []


def test_rows_are_matched_by_id_even_when_renamed():
    [table] = diff_values(
        {"metrics": [{"id": 7, "name": "Win rate"}]},
        {"metrics": [{"id": 7, "name": "Win-rate %"}]},
        [],
    )
    assert table["added"] == [] and table["removed"] == []
    assert table["changed"][0]["changes"][0]["label"] == "Name"


def test_table_appearing_from_nothing_lists_every_row_as_added():
    [table] = diff_values({}, {"objectives": [{"id": 1, "title": "Ramp in 4 months"}]}, [])
    assert [row["title"] for row in table["added"]] == ["Ramp in 4 months"]


def test_nested_table_inside_a_row_is_compared_too():
    old = {
        "metrics": [
            {"id": 1, "name": "Win rate", "actuals": [{"id": 10, "period": "Q1", "value": "20"}]}
        ]
    }
    new = {
        "metrics": [
            {
                "id": 1,
                "name": "Win rate",
                "actuals": [
                    {"id": 10, "period": "Q1", "value": "22"},
                    {"id": 11, "period": "Q2", "value": "24"},
                ],
            }
        ]
    }
    [table] = diff_values(old, new, [])
    [nested] = table["changed"][0]["changes"]
    assert nested["kind"] == "table" and nested["label"] == "Actuals"
    assert [row["cells"][0]["value"] for row in nested["added"]] == ["Q2"]
    assert nested["changed"][0]["changes"][0]["new"] == "22"


def test_nested_dicts_give_paths_and_labels_but_hide_the_extensions_container():
    old = {"extensions": {"insights": {"summary": "Reps lack discovery skills"}}}
    new = {"extensions": {"insights": {"summary": "Reps lack discovery and demo skills"}}}
    [change] = diff_values(old, new, [])
    assert change["path"] == ["extensions", "insights", "summary"]
    assert change["label"] == "Insights › Summary"


def test_lists_without_ids_are_compared_as_values():
    [change] = diff_values(
        {"services": ["Onboarding", "Coaching"]}, {"services": ["Coaching", "Content"]}, []
    )
    assert change["kind"] == "list"
    assert (change["added"], change["removed"]) == (["Content"], ["Onboarding"])


def test_same_values_in_another_order_are_no_change_for_plain_lists():
    assert diff_values({"tags": ["a", "b"]}, {"tags": ["b", "a"]}, []) == []


def test_rows_with_duplicate_ids_fall_back_to_value_comparison():
    [change] = diff_values(
        {"rows": [{"id": 1, "name": "A"}, {"id": 1, "name": "B"}]},
        {"rows": [{"id": 1, "name": "A"}]},
        [],
    )
    assert change["kind"] == "list"
    assert change["removed"] == ["Name: B"]


def test_noisy_keys_are_neither_compared_nor_shown():
    old = {"id": 1, "updated_at": "2026-01-01", "revision": 2, "position": 0, "goal": "Ramp"}
    new = {"id": 2, "updated_at": "2026-02-01", "revision": 3, "position": 4, "goal": "Ramp"}
    assert diff_values(old, new, []) == []


def test_a_reference_to_another_row_that_changes_is_reported_under_its_name():
    [table] = diff_values(
        {"milestones": [{"id": 1, "title": "Pilot", "phase_id": 1}]},
        {"milestones": [{"id": 1, "title": "Pilot", "phase_id": 2}]},
        [],
    )
    [change] = table["changed"][0]["changes"]
    assert (change["label"], change["old"], change["new"]) == ("Phase", "1", "2")


def test_references_are_left_out_of_a_row_description():
    [table] = diff_values({}, {"rows": [{"id": 5, "owner_id": 3, "name": "X", "size": 4}]}, [])
    assert table["added"][0]["cells"] == [{"label": "Size", "value": "4"}]


def test_a_value_that_changes_type_is_a_field_change():
    [change] = diff_values({"target": "n/a"}, {"target": {"value": "25", "unit": "%"}}, [])
    assert change["kind"] == "field"
    assert change["new"] == "Value: 25; Unit: %"


# Whole snapshots


def test_identical_snapshots_have_no_changes_and_every_section_is_unchanged():
    snapshot = charter({"scope": {"budget_owner": "Olivia"}, "roadmap": {}})
    diff = diff_snapshots(snapshot, json.loads(json.dumps(snapshot)))
    assert diff["changed"] is False
    assert diff["count"] == 0
    assert {item["status"] for item in diff["sections"]} == {"unchanged"}
    assert "Scope" in diff["unchanged"]


def test_sections_follow_the_registry_order_after_the_charter_details():
    old = charter({"collaboration": {"a": 1}, "scope": {"a": 1}, "current-state": {"a": 1}})
    new = charter({"collaboration": {"a": 2}, "scope": {"a": 2}, "current-state": {"a": 2}})
    keys = [item["key"] for item in diff_snapshots(old, new)["sections"]]
    assert keys == ["charter", "current-state", "scope", "collaboration"]


def test_section_titles_come_from_the_registry():
    diff = diff_snapshots(
        charter({"future-success": {}}), charter({"future-success": {"vision": "x"}})
    )
    assert section(diff, "future-success")["title"] == "Future success"


def test_section_only_in_the_new_snapshot_is_added_with_its_content():
    diff = diff_snapshots(charter({}), charter({"scope": {"budget_owner": "Olivia"}}))
    scope = section(diff, "scope")
    assert scope["status"] == "added"
    assert scope["changes"][0]["new"] == "Olivia"


def test_section_only_in_the_old_snapshot_is_removed():
    diff = diff_snapshots(charter({"scope": {"budget_owner": "Olivia"}}), charter({}))
    scope = section(diff, "scope")
    assert scope["status"] == "removed"
    assert scope["changes"][0]["status"] == "removed"


def test_section_of_an_app_no_longer_installed_is_still_compared_under_its_key():
    diff = diff_snapshots(
        charter({"legacy-okrs": {"goal": "a"}}), charter({"legacy-okrs": {"goal": "b"}})
    )
    legacy = section(diff, "legacy-okrs")
    assert legacy["title"] == "Legacy okrs"
    assert legacy["status"] == "changed"


def test_charter_details_changes_are_the_first_section():
    diff = diff_snapshots(charter(title="FY27"), charter(title="FY27 (revised)"))
    details = diff["sections"][0]
    assert details["key"] == "charter" and details["status"] == "changed"
    assert details["changes"][0]["label"] == "Title"


def test_count_adds_fields_and_rows():
    old = charter({"scope": {"notes": "a", "audiences": [{"id": 1, "role": "AE"}]}})
    new = charter({"scope": {"notes": "b", "audiences": [{"id": 2, "role": "SDR"}]}})
    diff = diff_snapshots(old, new)
    assert section(diff, "scope")["count"] == 3  # one field, one row added, one removed
    assert diff["count"] == 3


def test_diff_result_is_plain_json():
    old = charter({"scope": {"audiences": [{"id": 1, "role": "AE", "headcount": 1}]}})
    new = charter({"scope": {"audiences": [{"id": 1, "role": "AE", "headcount": 2}]}})
    diff = diff_snapshots(old, new)
    assert json.loads(json.dumps(diff)) == diff


# The shared partial


def test_partial_marks_deletions_and_insertions_in_words_not_only_colour():
    diff = diff_snapshots(
        charter({"future-success": {"vision": "Every seller ready"}}),
        charter({"future-success": {"vision": "Every seller confident"}}),
    )
    html = render_to_string("charter/versions/diff_table.html", {"diff": diff})
    assert '<del><span class="sr-only">[deleted: </span>ready' in html
    assert '<ins><span class="sr-only">[inserted: </span>confident' in html
    assert "Future success" in html
    assert "<script" not in html


def test_partial_lists_table_rows_and_unchanged_sections():
    diff = diff_snapshots(
        charter({"scope": {"audiences": [{"id": 1, "role": "AE"}]}, "roadmap": {"a": 1}}),
        charter({"scope": {"audiences": [{"id": 2, "role": "SDR"}]}, "roadmap": {"a": 1}}),
    )
    html = render_to_string("charter/versions/diff_table.html", {"diff": diff})
    assert "row added" in html and "SDR" in html
    assert "row removed" in html and "AE" in html
    assert "No changes in:" in html and "Roadmap" in html


def test_partial_says_so_when_nothing_changed():
    snapshot = charter({"scope": {"a": 1}})
    html = render_to_string(
        "charter/versions/diff_table.html", {"diff": diff_snapshots(snapshot, snapshot)}
    )
    assert "No changes" in html


@pytest.mark.parametrize("text", ["", "   ", "\n\n"])
def test_blank_texts_give_no_segments_to_trip_over(text):
    assert all(segment["text"] for segment in word_diff(text, text + "x"))


def test_a_code_stored_beside_its_label_is_compared_in_words():
    old = {"approval_rule": "chair_plus", "approval_rule_label": "The chair plus 2 members"}
    new = {"approval_rule": "all", "approval_rule_label": "All members"}

    [change] = diff_values(old, new, [])

    assert change["label"] == "Approval rule"
    assert (change["old"], change["new"]) == ("The chair plus 2 members", "All members")


def test_table_rows_describe_a_coded_field_by_its_label_only():
    old = {"roster": [{"id": 1, "name": "Ada", "function": "sales", "function_label": "Sales"}]}
    new = {"roster": []}

    [change] = diff_values(old, new, [])
    cells = change["removed"][0]["cells"]

    assert {"label": "Function", "value": "Sales"} in cells
    assert all(cell["value"] != "sales" for cell in cells)
