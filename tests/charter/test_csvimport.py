"""The careful CSV importer: every kind of bad file gets a clear report, never an exception
the user cannot read, and big files stay bounded in memory (their timings: bench/csv_import_bench.py)."""

import io
import os
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from charter import csvimport
from charter.csvimport import CsvProblem, MappingForm, Report, Target

TARGETS = [
    Target("name", "Name", required=True),
    Target("region", "Region", aliases=("territory",)),
    Target("score", "Score"),
]


def layout_of(data: bytes, **kwargs) -> csvimport.Layout:
    return csvimport.inspect(io.BytesIO(data), **kwargs)


def check_score(values):
    errors = [] if values["score"].isdigit() else [f"score “{values['score']}” is not a number"]
    return values, errors


def read(data: bytes, mapping=None, **kwargs):
    file = io.BytesIO(data)
    layout = csvimport.inspect(file)
    mapping = mapping or {"name": 0, "region": 1, "score": 2}
    return list(csvimport.rows(file, layout, mapping, check_score, **kwargs))


def test_utf8_with_bom_reads_the_header_without_the_mark():
    layout = layout_of("\ufeffName,Region\nZoë,Süd\n".encode())

    assert layout.encoding == "utf-8-sig"
    assert layout.header == ("Name", "Region")
    assert layout.rows == 1


def test_semicolons_and_tabs_are_recognised_as_delimiters():
    assert layout_of(b"name;region;score\nAda;EMEA;4\nBo;APAC;5\n").delimiter == ";"
    assert layout_of(b"name\tregion\nAda\tEMEA\n").delimiter == "\t"
    # A comma inside a quoted value does not fool the sniffer.
    assert layout_of(b'name;note\nAda;"late, but good"\n').delimiter == ";"


def test_excel_unicode_text_in_utf16_is_read():
    rows = read("name\tregion\tscore\nZoë\tSüd\t4\n".encode("utf-16"))

    assert [row.values for row in rows] == [{"name": "Zoë", "region": "Süd", "score": "4"}]


def test_windows_1252_file_is_read_with_its_accents():
    data = "name,region,score\nRenée,Île-de-France,3\n".encode("cp1252")

    layout = layout_of(data)
    rows = read(data)

    assert layout.encoding == "cp1252"
    assert "Windows-1252" in layout.encoding_name
    assert rows[0].values["name"] == "Renée"


def test_a_wrong_byte_after_the_head_is_reported_with_its_line_number():
    good = b"".join(b"Ada,EMEA,%d\n" % (n % 5 + 1) for n in range(8000))
    data = b"name,region,score\n" + good + b"Ren\xe9e,EMEA,3\n"

    with pytest.raises(CsvProblem, match="Line 8002 is not valid UTF-8"):
        layout_of(data)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_a_nul_character_after_the_head_is_refused_with_its_line_number(encoding):
    good = "".join(f"Ada,EMEA,{n % 5 + 1}\n" for n in range(8000))
    data = ("name,region,score\n" + good + "Ren\u0000e,EMEA,3\n").encode(encoding)

    with pytest.raises(CsvProblem, match="Line 8002 cannot be read as CSV: it contains binary"):
        read(data)


def test_random_bytes_are_refused_as_not_text():
    with pytest.raises(CsvProblem, match="not a text file"):
        layout_of(os.urandom(20_000))


def test_an_excel_workbook_is_refused_with_a_hint_to_save_as_csv():
    with pytest.raises(CsvProblem, match="Excel workbook.*CSV UTF-8"):
        layout_of(b"PK\x03\x04" + os.urandom(500))


def test_text_in_an_unknown_encoding_is_refused():
    with pytest.raises(CsvProblem, match="neither UTF-8 nor Windows-1252"):
        layout_of(b"name,region\n\x81\x8d\x8f,x\n")


@pytest.mark.parametrize("data", [b"", b"\n\n  \r\n"])
def test_an_empty_file_is_refused(data):
    with pytest.raises(CsvProblem, match="The file is empty"):
        layout_of(data)


def test_a_header_without_rows_is_refused():
    with pytest.raises(CsvProblem, match="no rows of data"):
        layout_of(b"name,region,score\n\n")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.UPLOAD_MAX_BYTES = 1000

    class Unreadable(io.BytesIO):
        def read(self, *args):
            raise AssertionError("a file over the limit must not be read")

    with pytest.raises(CsvProblem, match="files up to 1000"):
        csvimport.inspect(Unreadable(b"x" * 1001))


def test_a_50_mb_file_is_refused_with_its_size(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as file:
        file.truncate(50 * 1024 * 1024)

    with open(path, "rb") as file, pytest.raises(CsvProblem, match=r"50.0\sMB"):
        csvimport.inspect(file)


def test_a_50_mb_file_under_a_raised_limit_stops_at_the_row_limit_in_bounded_memory(tmp_path):
    path = tmp_path / "big.csv"
    block = b"Ada Lovelace,EMEA,4\n" * 50_000
    with open(path, "wb") as file:
        file.write(b"name,region,score\n")
        while file.tell() < 50 * 1024 * 1024:
            file.write(block)

    tracemalloc.start()
    try:
        with open(path, "rb") as file, pytest.raises(CsvProblem, match="more than 50,000 rows"):
            csvimport.inspect(file, max_bytes=60 * 1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < 5 * 1024 * 1024


def test_10000_rows_stream_through_validation_keeping_a_sample_of_ten():
    data = b"name,region,score\n" + b"".join(
        b"Seller %d,EMEA,%d\n" % (n, n % 5 + 1) for n in range(10_000)
    )

    report = Report()
    for row in read(data):
        report.add(row)

    assert (report.rows, report.importable, report.invalid) == (10_000, 10_000, 0)
    assert len(report.sample) == 10


def test_a_line_without_line_breaks_is_refused_without_reading_it_whole():
    data = b"name,region\n" + b"x" * (csvimport.MAX_LINE_CHARS + 10)

    with pytest.raises(CsvProblem, match="Line 2 is longer than"):
        layout_of(data, max_bytes=10 * 1024 * 1024)


def test_too_many_rows_are_refused_with_the_limit():
    with pytest.raises(CsvProblem, match="more than 3 rows"):
        layout_of(b"name\n" + b"a\n" * 4, max_rows=3)


def test_bad_rows_are_reported_by_line_while_good_rows_pass():
    data = b"name,region,score\nAda,EMEA,4\n\nBo,APAC,lots\nCy,AMER,5\n"

    report = Report()
    for row in read(data):
        report.add(row)

    assert (report.importable, report.invalid) == (2, 1)
    # Line 3 is blank and skipped, so the bad row is on line 4 of the file.
    assert report.errors == [{"line": 4, "messages": ["score “lots” is not a number"]}]


def test_a_quoted_value_over_several_lines_keeps_the_line_where_its_row_starts():
    rows = read(b'name,region,score\nAda,"EMEA\nand APAC",4\nBo,APAC,x\n')

    assert [row.line for row in rows] == [2, 4]
    assert rows[0].values["region"] == "EMEA\nand APAC"


def test_rows_imported_before_are_recognised_by_their_fingerprint():
    data = b"name,region,score\nAda,EMEA,4\nBo,APAC,5\n"
    first = read(data)

    again = read(data + b"Cy,AMER,3\n", known_fingerprints={row.fingerprint for row in first})

    assert [row.already_imported for row in again] == [True, True, False]
    assert not again[0].importable and again[2].importable


def test_identical_rows_in_one_file_are_two_rows_with_different_fingerprints():
    rows = read(b"name,region,score\nAda,EMEA,4\nAda,EMEA,4\n")

    assert rows[0].fingerprint != rows[1].fingerprint
    assert rows[1].repeat_of == 2


def test_trailing_separators_added_on_re_save_do_not_change_the_fingerprint():
    plain = read(b"name,region,score\nAda,EMEA,4\n")
    resaved = read(b"name,region,score,,\r\nAda,EMEA,4,,\r\n")

    assert plain[0].fingerprint == resaved[0].fingerprint


def test_short_rows_give_blank_values_for_missing_columns():
    rows = read(b"name,region,score\nAda\n")

    assert rows[0].values == {"name": "Ada", "region": "", "score": ""}


def test_mapping_is_suggested_from_names_labels_and_aliases():
    header = ["Respondent NAME", "Sales territory", "score (1-5)", "Comments"]

    mapping = csvimport.suggest_mapping(header, TARGETS)

    assert mapping == {"name": 0, "region": 1, "score": 2}


def test_mapping_form_requires_required_targets_and_one_target_per_column():
    header = ["Name", "Region", "Score"]

    missing = MappingForm({"map-region": "1"}, header=header, targets=TARGETS)
    twice = MappingForm(
        {"map-name": "0", "map-region": "0", "map-score": "2"}, header=header, targets=TARGETS
    )
    good = MappingForm({"map-name": "0", "map-score": "2"}, header=header, targets=TARGETS)

    assert "Choose the column that holds “Name”." in missing.errors["name"]
    assert "already mapped to “Name”" in twice.errors["region"][0]
    assert good.is_valid() and good.mapping == {"name": 0, "region": None, "score": 2}


def test_mapping_form_refuses_a_column_that_is_not_in_the_file():
    form = MappingForm({"map-name": "7"}, header=["Name"], targets=TARGETS)

    assert not form.is_valid()
    assert "name" in form.errors


def test_upload_form_turns_a_problem_into_an_error_on_the_file_field():
    form = csvimport.UploadForm(
        data={}, files={"file": SimpleUploadedFile("x.csv", os.urandom(4000))}
    )

    assert not form.is_valid()
    assert "not a text file" in form.errors["file"][0]


def test_upload_form_keeps_the_layout_of_a_good_file():
    upload = SimpleUploadedFile("x.csv", b"name;score\nAda;4\n")
    form = csvimport.UploadForm(data={}, files={"file": upload})

    assert form.is_valid(), form.errors
    assert form.layout.delimiter == ";"
    assert form.layout.delimiter_name == "semicolon"
