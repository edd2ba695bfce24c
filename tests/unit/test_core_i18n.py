"""The core's language (desktop/i18n.py): its catalogue is complete and current, every Thai
string of desktop/domain and desktop/services that reaches a person is wrapped in ``_()``
(or is data, listed below with the reason), dates and ages are English in English, and
official documents stay Thai."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path

import pytest

from desktop import i18n
from desktop.domain import dates
from desktop.domain.levels import (
    LEVELS,
    kind_label,
    level_age_problem,
    level_by_code,
    level_from_label,
)

ROOT = Path(__file__).resolve().parents[2]
THAI = re.compile(r"[\u0e00-\u0e7f]")
PLACEHOLDER = re.compile(r"\{(\w*)\}")

sys.path.insert(0, str(ROOT / "packaging"))
import build_core_catalogue  # noqa: E402


@pytest.fixture
def english():  # type: ignore[no-untyped-def]
    i18n.set_language("en")
    yield
    i18n.set_language("th")


def catalogue() -> dict[str, str]:
    return i18n.parse_po(i18n.catalogue_path("en").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the catalogue


def test_every_wrapped_message_has_an_english_translation() -> None:
    po = catalogue()
    missing = [m for m in build_core_catalogue.collect() if not po.get(m)]
    assert not missing, "no English in core_en.po for (run packaging/build_core_catalogue.py):\n" + "\n".join(missing)


def test_translations_are_english_with_the_same_placeholders() -> None:
    bad = []
    for msgid, msgstr in catalogue().items():
        if THAI.search(msgstr):
            bad.append(f"Thai left in: {msgstr}")
        if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
            bad.append(f"placeholders differ: {msgid} → {msgstr}")
    assert not bad, "\n".join(bad)


def test_the_catalogue_is_current() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_core_catalogue.py"), "--check"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, "core_en.po is stale: run packaging/build_core_catalogue.py and commit it"


def test_parse_po_skips_fuzzy_and_empty_and_reads_escapes() -> None:
    text = ('msgid ""\nmsgstr "Language: en\\n"\n\n'
            '#, fuzzy\nmsgid "ก"\nmsgstr "guess"\n\n'
            'msgid "ข"\nmsgstr ""\n\n'
            'msgid "ค \\"{x}\\""\nmsgstr "C "\n"\\"{x}\\""\n')
    assert i18n.parse_po(text) == {"ค \"{x}\"": "C \"{x}\""}


def test_an_unknown_language_is_thai_and_a_missing_message_shows_its_thai(english: None) -> None:
    assert i18n._("ข้อความที่ไม่มีคำแปล") == "ข้อความที่ไม่มีคำแปล"
    assert i18n.set_language("xx") == "th" and i18n.language() == "th"


# --------------------------------------------------------------------------- wrapping

# Thai literals that are data, not messages: what people type and the program reads,
# or what the database stores. Per file: names of the assignments or functions holding them.
DATA: dict[str, set[str]] = {
    "desktop/domain/dates.py": {"THAI_MONTHS", "THAI_MONTHS_SHORT", "ACCEPTED_FORMS", "_ERA_MARK",
                                "_LEADING_WORD", "_WORDS", "format_be", "format_be_long",
                                "format_be_datetime", "format_age",  # the Thai branch of each format
                                "parse_date"},  # reads "พ.ศ." typed by a person
    "desktop/domain/levels.py": {"_make_levels", "_STAGE_CODES", "_STAGE_LABEL", "_CDC_LABEL"},
    # a Thai address is written in Thai whatever the screen (its prefixes ต./อ./จ. are data)
    "desktop/domain/address.py": {"BANGKOK", "_BANGKOK_NAMES", "is_bangkok", "format_address"},
    "desktop/domain/child.py": {"ChildInput"},  # nationality "ไทย", a stored value
    # the headers files carry (synonyms); a column's own label is N_() and shown translated
    "desktop/domain/columns.py": {"CHILD_COLUMNS", "IGNORED_HEADERS", "_HINTS"},
    "desktop/domain/households.py": {"_PREFIXES", "_BANGKOK", "village_variants", "subdistrict_variants",
                                     "field_key"},  # spellings of an address, for matching
    "desktop/domain/name_prefix.py": {"_ALWAYS", "_ADULT"},  # prefixes read from a name cell
    "desktop/domain/people.py": {"BOY", "GIRL", "MR", "MISS", "MRS", "_PREFIX_ALIASES"},  # stored prefixes
    # Thai script itself: digits, vowels, tone marks
    "desktop/services/children.py": {"RELATIONS"},  # stored as typed/chosen
    "desktop/services/office.py": {"DEMO_LABEL"},  # printed on Thai documents and exports
    "desktop/services/demo.py": {"DEMO_OFFICE"},  # the demo office's name and province
    "desktop/services/children_terms.py": {"_SEARCH_PREFIX", "normalise_search"},  # prefixes typed in a search
    "desktop/services/households.py": {"_VILLAGE_TERM"},  # หมู่ 4 / ม.4 typed in a search
    # the import history as its PDF (pinned Thai) and export print it; the window's list
    # says its own headers and status (import_history_view.py, through tr)
    "desktop/services/imports/commit.py": {"BATCH_HEADERS", "batch_status"},
    # the import reads these in the cells people type: address words, sexes, prefixes,
    # footers and signatures of a class list
    "desktop/services/imports/addresses.py": {"_PREFIXES"},
    "desktop/services/imports/cells.py": {"_SEX_WORDS", "_FULL_NAME"},
    "desktop/services/imports/footers.py": {"_FOOTER", "_SIGNATURE", "_UNDER_SIGNATURE"},
    "desktop/services/imports/names.py": {"_PREFIX_STARTS", "_ADULT_START"},
    # stored values: a child's reason for having no ID, the nationality of a Thai ID's holder
    "desktop/services/imports/plan.py": {"NO_ID_REASON", "THAI_NATIONALITY"},
    "desktop/services/case_import_plan.py": {"_CASE_HEADERS"},  # headers files carry, as CHILD_COLUMNS
    "desktop/services/imports/guardian_rules.py": {"_QUIET_FORM"},  # a form's values, never shown
    "desktop/services/exchange_sqlite_rows.py": {"_PROBE"},  # a probe row for the JSON writers, never shown
    # the eligible list's spreadsheet: its words are Thai as every export's (pinned)
    "desktop/services/grants.py": {"ELIGIBLE_HEADERS", "OUTCOME_WORDS", "export_eligibility"},
    # the headers schools write, which the attendance import looks for
    "desktop/services/attendance_import.py": {"ID_HEADERS", "NAME_HEADERS", "FIRST_HEADERS", "LAST_HEADERS",
                                              "PRESENT_HEADERS", "OPEN_HEADERS"},
    "desktop/domain/text.py": {"THAI_DIGITS", "_SARA_AM_WITH_TONE", "_SARA_AM", "_MARKS", "_VOWEL_MARKS",
                               "_TONE_MARKS", "_THAI_SUSPECT", "_TONE_AFTER_SARA_AM", "_fix_thai", "clean_text",
                               "_CONSONANT_FIRST", "_ABOVE_BELOW_VOWELS", "_TONES_AND_SIGNS", "_TONES",
                               "_LEADING_VOWEL"},
}

# Thai by design, whatever the screen: official documents (PDF reports, built under
# i18n.pinned("th")), the spreadsheets Samoe writes (their headers are what an import reads
# back), and the made-up Thai people of the demo database.
THAI_BY_DESIGN: set[str] = {
    "desktop/services/reports.py",
    "desktop/services/exports.py",
    "desktop/services/demo_data.py",
    "desktop/services/demo_screenings.py",  # the demo's made-up households
    "desktop/services/demo_grants.py",  # the demo's made-up grant round
    "desktop/services/demo_centres.py",  # the demo's made-up rooms (ห้อง…) and holidays
    "desktop/services/demo_growth.py",  # the demo's made-up assessor and hospital (stored data)
    "desktop/services/demo_cases.py",  # the demo's made-up case workers, places, plans (stored data)
    "desktop/services/screening_print.py",  # the printed นร./กสศ.01 form (under i18n.pinned("th"))
    "desktop/services/grant_print.py",  # a round's printed list and summary
    "desktop/services/screening_documents.py",  # the screenings page's lists printed and exported (pinned Thai)
    "desktop/services/growth_documents.py",  # the growth and DSPM lists printed and exported (pinned Thai)
    "desktop/services/grants_exports.py",  # a round's lists as spreadsheets (pinned Thai)
    "desktop/services/case_print.py",  # the case letter, summary and monthly report (pinned Thai)
}
# Not yet wrapped (a known gap, named in the skip's reason); a file leaves this list when done.
PENDING_PREFIXES: tuple[str, ...] = ()


def _exempt_nodes(tree: ast.Module, names: set[str]) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))  # docstrings
        held = None
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name in names or isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in names for tg in node.targets for t in ast.walk(tg)) or isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id in names or (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in build_core_catalogue.WRAPPERS):
            held = node
        if held is not None:
            ids.update(id(n) for n in ast.walk(held))
    return ids


def unwrapped_thai(path: Path, names: set[str]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    exempt = _exempt_nodes(tree, names)
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and THAI.search(node.value)
                and id(node) not in exempt):
            found.append(f"{node.lineno}: {node.value[:60]}")
    return found


def _scoped_files() -> list[object]:
    """Every core file; those not wrapped yet may skip, under CI too (a known gap, named in
    the skip's reason), the rest must hold no unwrapped Thai (or, Thai by design, no
    translated text at all)."""
    out: list[object] = []
    for base in ("desktop/domain", "desktop/services"):
        for p in sorted((ROOT / base).rglob("*.py")):
            rel = p.relative_to(ROOT).as_posix()
            known = rel not in THAI_BY_DESIGN and rel.startswith(PENDING_PREFIXES)
            out.append(pytest.param(rel, marks=pytest.mark.may_skip) if known else rel)
    return out


def translated_in(path: Path) -> list[str]:
    """The ``_()``/``N_()`` calls of a file (a Thai document half in English would be wrong:
    an export is read back by its Thai headers, and exports are not pinned to Thai)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{n.lineno}" for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
            and n.func.id in build_core_catalogue.WRAPPERS]


def unpinned_documents(path: Path) -> list[str]:
    """The public ``*_pdf`` builders of a file not marked ``@thai_document``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.endswith("_pdf")
            and not n.name.startswith("_")
            and not any(isinstance(d, ast.Name) and d.id == "thai_document" for d in n.decorator_list)]


@pytest.mark.parametrize("rel", _scoped_files())
def test_thai_text_that_reaches_a_person_is_wrapped(rel: str) -> None:
    if rel in THAI_BY_DESIGN:
        assert not translated_in(ROOT / rel), f"{rel} is Thai by design: no _() in it (lines {translated_in(ROOT / rel)})"
        assert not unpinned_documents(ROOT / rel), f"PDF builders not @thai_document: {unpinned_documents(ROOT / rel)}"
        return
    if rel.startswith(PENDING_PREFIXES):
        pytest.skip("not wrapped yet (see PENDING_PREFIXES)")
    found = unwrapped_thai(ROOT / rel, DATA.get(rel, set()))
    assert not found, f"Thai not in _() in {rel} (wrap it, or list it in DATA with a reason):\n" + "\n".join(found)


def test_no_fstring_or_concatenation_inside_the_wrapper() -> None:
    bad = []
    for path in build_core_catalogue.core_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in build_core_catalogue.WRAPPERS and node.args
                    and isinstance(node.args[0], (ast.JoinedStr, ast.BinOp, ast.Call))):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not bad, "use _('... {name} ...').format(name=...), not an f-string in _():\n" + "\n".join(bad)


# --------------------------------------------------------------------------- dates, ages, levels


def test_dates_and_ages_in_each_language(english: None) -> None:
    d = date(2024, 4, 4)
    assert dates.format_be(d) == "4 Apr 2567"
    assert dates.format_be_long(d) == "4 April 2567 BE"
    assert dates.format_be_datetime(datetime(2024, 4, 4, 14, 5)) == "4 Apr 2567 14:05"
    assert dates.format_age(2, 7) == "2 years 7 months"
    assert dates.format_age(1, 1) == "1 year 1 month"
    assert dates.format_age(0, 8) == "8 months" and dates.format_age(4, 0) == "4 years"
    assert dates.format_be(d, "th") == "4 เม.ย. 2567" and dates.format_age(2, 7, "th") == "2 ปี 7 เดือน"
    i18n.set_language("th")
    assert dates.format_be(d) == "4 เม.ย. 2567" and dates.format_age(2, 7) == "2 ปี 7 เดือน"


def test_an_english_date_reads_back() -> None:
    assert dates.parse_date("4 Apr 2567") == date(2024, 4, 4)
    assert dates.parse_date("4 April 2567") == date(2024, 4, 4)


def test_date_errors_are_english_in_english(english: None) -> None:
    for text in ("", "31/02/2567", "4 Fooember 2567", "zz", "15/08/1500"):
        with pytest.raises(dates.DateParseError) as err:
            dates.parse_date(text)
        assert not THAI.search(str(err.value).replace(text, "")), str(err.value)


def test_levels_show_in_each_language_and_keep_their_code(english: None) -> None:
    assert level_by_code("p1").display_label == "P1" and level_by_code("p1").label == "ป.1"
    assert level_by_code("cdc3").display_label == "Nursery age 3"
    assert kind_label(level_by_code("k1").kind) == "School"
    assert all(lv.label_en and not THAI.search(lv.label_en) for lv in LEVELS)
    assert all(level_from_label(lv.label_en) is lv for lv in LEVELS)  # what the screen shows reads back
    problem = level_age_problem(level_by_code("p1"), date(2010, 1, 1), date(2024, 6, 1))
    assert problem is not None and not THAI.search(problem)


def test_a_pinned_language_holds_for_its_thread_only(english: None) -> None:
    seen: list[str] = []
    with i18n.pinned("th"):
        t = threading.Thread(target=lambda: seen.append(dates.format_be(date(2024, 4, 4))))
        t.start()
        t.join()
        assert dates.format_be(date(2024, 4, 4)) == "4 เม.ย. 2567"
    assert seen == ["4 Apr 2567"]
    assert dates.format_be(date(2024, 4, 4)) == "4 Apr 2567"


def test_pdf_reports_stay_thai_in_english(english: None, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.reports import children_list_pdf

    seen: list[str] = []
    real = dates.format_be

    def spy(d, lang=None):  # type: ignore[no-untyped-def]
        out = real(d, lang)
        seen.append(out)
        return out

    import desktop.reports.pdf.document as document
    import desktop.services.reports as reports

    mp = pytest.MonkeyPatch()
    mp.setattr(reports, "format_be", spy)
    mp.setattr(document, "format_be", spy)
    try:
        with demo_db.session() as s:
            children_list_pdf(s, tmp_path / "list.pdf")
    finally:
        mp.undo()
    assert seen and all(THAI.search(x) for x in seen if x)
    assert i18n.language() == "en"


# --------------------------------------------------------------------------- validation


def _without_data(message: str, *data: str) -> str:
    for d in data:
        message = message.replace(d, "")
    return message


@pytest.mark.parametrize("lang", ["th", "en"])
def test_child_validation_speaks_the_screen_language(lang: str) -> None:
    from desktop.domain.address import Address, address_problems
    from desktop.domain.child import ChildInput, validate_child
    from desktop.domain.identity import IdType
    from desktop.domain.people import Sex

    i18n.set_language(lang)
    today = date(2024, 6, 1)
    bad = [
        ChildInput(),
        ChildInput(prefix="นาย", first_name="A1", last_name="ใจ\u0e48\u0e48ดี", first_name_en="ก",
                   sex=Sex.FEMALE, birth_date=date(2023, 1, 1), national_id="12345",
                   address=Address(postcode="999")),
        ChildInput(prefix="เด็กชาย", first_name="ภูผา", last_name="x" * 300, sex=Sex.MALE,
                   birth_date=date(1990, 1, 1), id_type=IdType.G_CODE, g_code="X12"),
        ChildInput(prefix="ด.ช.", first_name="ภูผา", last_name="ใจดี", sex=Sex.MALE,
                   birth_date=date(2030, 1, 1), id_type=IdType.NONE),
    ]
    messages = [p.message for c in bad for p in validate_child(c, today=today)]
    messages += [p.message for p in address_problems(Address(province="กทม"), required=True)]
    assert len(messages) > 12
    prefixes = ("เด็กชาย", "เด็กหญิง", "นางสาว", "นาย", "นาง", "ใจ\u0e48\u0e48ดี", "ก", "ด.ช.")
    leftovers = [m for m in messages if THAI.search(_without_data(m, *prefixes))]
    if lang == "en":
        assert not leftovers, "\n".join(leftovers)
    else:
        assert len(leftovers) == len(messages)
    i18n.set_language("th")
