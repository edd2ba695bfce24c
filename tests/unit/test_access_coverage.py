"""Deny by default, kept: every public function of desktop/services that takes a session
(or the Database, or an engine) checks the signed-in user's permission itself, or is
listed here with the reason it needs none. A new service function fails this test until
it does one or the other."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "desktop" / "services"
CHECKS = {"require", "require_any", "require_child", "require_whole", "require_actor", "scoped_filter",
          "require_recorder"}  # screenings.require_recorder: require, then the teacher's own class

# module (relative to desktop/services, no .py) . function → why it needs no check
EXEMPT: dict[str, str] = {
    "children.enrollment_problems": "validation inside save_child (checked)",
    "children.validate_form": "validation inside save_child (checked); reads no person",
    "children_terms.search_clause": "builds a WHERE for the checked list queries",
    "children_rare.rare_page": "a search's page inside page_children (checked)",
    "children_rare.rare_count": "a search's count inside count_children (checked)",
    "exchange_outbox.my_keys": "this office's public keys, inside the checked export and receipt import",
    "exchange_outbox.province_keys": "the province's public card, inside the checked export",
    "exchange_outbox.outbox_for": "the sequence state, inside the checked export and receipt import",
    "exchange_outbox.notice_restore": "the restore mark, inside the checked export",
    "exchange_province.find_reconcile": "the reconcile pairs, inside the checked bundle import",
    "children_query.year_id_of": "an academic year's id",
    "children_query.filter_conditions": "builds a WHERE for the checked list queries",
    "children_query.stored_keys_apply": "whether the stored sort keys serve a filter",
    "children_search.search_order": "the search table's state, no person",
    "children_search.has_search_order": "the search table's state, no person",
    "children_search.page_by_name": "one step of page_children (checked)",
    "children_search.remembered_count": "a count remembered by page_children (checked)",
    "children_walk.walk_page": "one step of page_children (checked)",
    "children_walk.has_walk_table": "the search table's state, no person",
    "children_offices.by_rows": "how a search inside one municipality runs, no person",
    "children_offices.office_term_page": "one step of page_children (checked)",
    "children_offices.office_term_count": "a count a checked first page kept (count_children, checked)",
    "exchange_import.sender_office": "one step of import_file and receive_transfer (both checked)",
    "case_transfer_preview.match_child": "one step of preview_cases and receive_transfer (both checked)",
    "case_transfer_preview.taken_case": "one step of preview_cases and receive_transfer (both checked)",
    "children_pg.walked_page": "one step of page_children (checked)",
    "children_pg_counts.kept_count": "a count inside count_children (checked)",
    "children_pg_counts.worth_walking": "a plan choice inside page_children (checked)",
    "children_pg_counts.office_rare": "a plan choice inside page_children (checked)",
    "rulepacks.ensure_shipped": "installs the packs the program ships, no person",
    "rulepacks.active_pack": "the scoring rules in force, no person",
    "rulepacks.sign_pack_file": "office_private_keys(session, Action.MERGE) checks the user",
    "screening_rows.members_of": "a step of the checked screening services",
    "screening_rows.screening_inputs": "a step of the checked re-score and its preview",
    "screenings.data_hash": "a step of certify and save (checked)",
    "screening_bulk.preview": "a step of rulepacks.rescore_preview and rescore (checked)",
    "screening_bulk.apply": "a step of rulepacks.rescore (checked)",
    "rulepacks.add_pack": "a step of ensure_shipped and install_signed_pack (checked)",
    "screenings.child_of": "a step of the checked screening services",
    "screenings.class_of": "a step of the checked screening services",
    "grant_print.grant_list_pdf": "reads through grants.eligibility (checked)",
    "grants.round_of": "a step of the checked round services",
    "years.term_of": "a term for the checked screening and round services",
    "grant_print.grant_summary_pdf": "reads through grants.eligibility (checked)",
    "screenings.void_if_changed": "a step of save (checked)",
    "screenings.live_screening": "a step of the checked screening services",
    "households.search_conditions": "builds a WHERE for the checked household queries",
    "household_edit.same_address": "a step of save_child and import (checked)",
    "household_edit.household_at": "a step of save_child and import (checked)",
    "household_edit.last_merge": "uuids of a merge, for undo_merge (checked)",
    "household_edit.count_live_members": "a count, inside checked edits",
    "household_edit.live_household": "a step of save_child (checked)",
    "household_edit.same_guardian": "a step of save_child (checked)",
    "exports.children_export_query": "a SELECT, run by checked exports",
    "office.local_office": "this office's name and code: no person, shown before login",
    "office.require_local_office": "this office's name and code: no person",
    "office.is_demo": "whether the database is a demo",
    "years.ensure_year": "a step of checked writes (the academic year row)",
    "home.children_without_id": "a count, inside home_summary (checked)",
    "home.todos": "counts, inside home_summary (checked)",
    "home.record_export": "writes an audit entry of a checked export",
    "home.note_export": "writes an audit entry of a checked export",
    "children_walk.has_search_heads": "whether the file has the search heads (schema), for the checked list",
    "home.check_auditable": "reads no record: whether the file's medium can take an audit entry",
    "home.last_export": "the last export's title and file name, inside home_summary",
    "home.last_import": "the last import's file name and count, inside home_summary",
    "imports.files.suggest_mapping": "column headers remembered, no person",
    "imports.files.remembered_ignored": "column headers remembered, no person",
    "imports.files.remember_mapping": "column headers remembered, no person",
    "imports.wholefile.whole_file_findings": "a step of plan_import (checked)",
    "imports.wholefile.whole_file_problems": "a step of plan_import (checked)",
    "imports.wholefile.whole_file_notes": "a step of plan_import (checked)",
    "imports.joins.household_guardians": "a step of plan_import (checked)",
    "imports.joins.registry_addresses": "a step of plan_import (checked)",
    "imports.joins.households_at": "a step of plan_import (checked)",
    "imports.duplicates.text_in": "a step of plan_import and the case import's plan (both checked)",
    "imports.duplicates.on_sqlite": "reads no records: which database the session is on",
    "audit.signed_in_name": "who is signed in",
    "audit.actor_name": "who is signed in",
    "audit.record": "writes the audit entry of checked work",
    "audit.record_per_child": "writes the entries of a checked bulk write (an import, its undo)",
    "audit.views_recorded": "a setting: whether views are logged",
    "audit.set_views_recorded": "a setting written by the checked settings page",
    "audit.record_view": "writes the audit entry of a checked view",
    "users.first_admin_needed": "whether any user exists (the first start asks for one)",
    "users.create_first_admin": "only while no user exists (refused after)",
    "backup.note_backup": "notes a backup already made",
    "audit_detail.child_snapshot": "the old and new values written into a checked save's audit entry",
    "imports.batch_whole.whole_file_detail": "a step of commit_import (checked): institution, year, level",
    "imports.batch_whole.remembered_whole_file": "the whole-file values (institution, year, level) offered again",
    "keys.encrypt_existing": "the database key: opened by a password or the recovery key",
    "exchange_keys.drop_holder": "drops a user's wrap of the office keys inside the checked users.set_password / lock_user",
    "keys.ensure_wrap": "the database key: wrapped for the password just checked",
    "keys.key_of_session": "the database key of the open database",
    "keys.wrap_on_commit": "the database key: wrapped for a checked user change",
    "keys.clear_failures_on_commit": "the unlock-step lock: lifted by the checked users.unlock_user",
    "keys.drop_wrap_on_commit": "the database key: unwrapped for the checked users.lock_user",
    "password_reset.check_reset": "authorised by the recovery key (the open file's own key), not a login",
    "password_reset.reset_password": "authorised by the recovery key (the open file's own key), not a login; administrators only",
    "security.idle_lock_minutes": "a setting: minutes before the window locks",
    "security.record_views": "a setting: whether openings of a record are audited (read by anyone)",
}


def unchecked() -> dict[str, int]:
    found: dict[str, int] = {}
    for path in sorted(SERVICES.rglob("*.py")):
        module = ".".join(path.relative_to(SERVICES).with_suffix("").parts)
        if module == "access":  # the checks themselves, and the login
            continue
        functions = [n for n in ast.parse(path.read_text(encoding="utf-8")).body if isinstance(n, ast.FunctionDef)]
        calls = {f.name: {c.func.id for c in ast.walk(f) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)}
                 for f in functions}
        checking = set(CHECKS)  # and the module's own functions that check (``_may_read``)
        while True:
            more = {name for name, called in calls.items() if called & checking} - checking
            if not more:
                break
            checking |= more
        for node in functions:
            params = [a.arg for a in node.args.args]
            if node.name.startswith("_") or not params or params[0] not in ("session", "db", "engine"):
                continue
            if not calls[node.name] & checking:
                found[f"{module}.{node.name}"] = node.lineno
    return found


def test_every_service_function_checks_the_user_or_says_why_not() -> None:
    missing = {name: line for name, line in unchecked().items() if name not in EXEMPT}
    assert not missing, (
        "service functions that read or change records without a permission check "
        "(add require(session, Action.X) from desktop/services/access.py, or list the "
        "function in EXEMPT with the reason it needs none):\n"
        + "\n".join(f"  desktop/services/{n.rsplit('.', 1)[0].replace('.', '/')}.py:{line} {n}"
                    for n, line in sorted(missing.items())))


def test_the_exemptions_are_current() -> None:
    stale = set(EXEMPT) - set(unchecked())
    assert not stale, f"no longer unchecked (or gone): remove from EXEMPT: {sorted(stale)}"
