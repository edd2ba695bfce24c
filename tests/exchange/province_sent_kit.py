"""A province that really imported two municipalities' bundles (A: 60 children, B: 40, each
with the demo's screenings and out-of-school cases), for the province's pages and reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from office_kit import PROVINCE, TOWN_A, TOWN_B, Site, make_site, trust_each_other
from screening_kit import make_screened_site

PW = "samoe-test-password"


def send(site: Site, p: Site, out: Path) -> None:
    """``site``'s bundle exported to ``out`` and imported at the province ``p``."""
    from desktop.services.exchange_export import export_bundle
    from desktop.services.exchange_import import import_file

    with site.db.session() as s:
        export_bundle(s, out, password=PW)
    with p.db.session() as s:
        import_file(s, out, password=PW)


def two_sent(tmp_path: Path, *, before: Callable[[Site], None] | None = None) -> tuple[Site, Site, Site]:
    """(A, B, the province) after each sent its first bundle; ``before(A)`` runs before."""
    a = make_screened_site(tmp_path / "a.db", *TOWN_A, children=60, seed=21)
    b = make_screened_site(tmp_path / "b.db", *TOWN_B, children=40, seed=22)
    p = make_site(tmp_path / "p.db", *PROVINCE, "province")
    trust_each_other(p, a, b)
    if before is not None:
        before(a)
    for site in (a, b):
        send(site, p, tmp_path / f"{site.code}-1.samoe")
    return a, b, p
