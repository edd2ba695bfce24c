"""Every ``samoe`` command and sub-command, read from the parser itself (a new command is
swept as soon as it exists), run in real processes with bad arguments and bad databases:
missing values, wrong types, non-UTF-8 bytes, a database that does not exist, an empty,
a damaged or a read-only one, a missing output folder, a device as output.

None may print a traceback; each bad case must exit non-zero with a Thai message; none
may print personal data from the database."""

from __future__ import annotations

import argparse
import os
import shutil
import stat
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fault_files import (
    DROP_CAPS,
    THAI,
    can_drop_caps,
    cli,
    damage_middle,
    garbage_header,
    make_csv,
    make_demo,
    personal_data,
    text,
)

from desktop.cli import WRITES, _parser

SKIP = {("gui",)}  # opens a window: tests/gui covers opening bad databases
CREATES = {tuple(name.split()) for name, (creates, _label) in WRITES.items() if creates}
SUFFIX = {"out": ".pdf", "errors": ".xlsx", "file": ".csv"}
BAD_BYTES = b"\xff\xfe\xa1"


@dataclass
class Leaf:
    words: tuple[str, ...]  # the command as typed, a positional choice included
    parser: argparse.ArgumentParser
    fixed: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return " ".join(self.words)

    @property
    def command(self) -> tuple[str, ...]:
        return tuple(w for w in self.words if w not in self.fixed.values())

    def actions(self) -> list[argparse.Action]:
        return [a for a in self.parser._actions if not isinstance(a, argparse._HelpAction)]

    @property
    def first_choice(self) -> bool:
        """The first of a positional's choices (or no choice): the one swept against every
        kind of bad database; the others share its way to the database."""
        chooser = next((a for a in self.actions() if a.dest in self.fixed), None)
        return chooser is None or str(next(iter(chooser.choices or ()))) == self.fixed[chooser.dest]

    @property
    def writes(self) -> bool:
        return self.command in {tuple(name.split()) for name in WRITES}


def leaves() -> list[Leaf]:
    found: list[Leaf] = []

    def walk(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if subs:
            for name, child in subs[0].choices.items():
                walk(child, (*words, name))
            return
        if words in SKIP:
            return
        chooser = next((a for a in parser._actions if not a.option_strings and a.choices), None)
        if chooser is None:
            found.append(Leaf(words, parser))
        else:
            for choice in chooser.choices:
                found.append(Leaf((*words, str(choice)), parser, {chooser.dest: str(choice)}))

    walk(_parser(), ())
    return found


LEAVES = leaves()


class Sweep:
    """The files every case needs, and the runner that collects every wrong outcome."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.good = make_demo(root / "good.db", children=40)
        self.secrets = personal_data(self.good)
        self.csv = make_csv(root / "children.csv")
        self.missing = root / "typo" / "office.db"
        self.empty = root / "empty.db"
        self.empty.write_bytes(b"")
        self.header = garbage_header(self.good, root / "header.db")
        self.middle = damage_middle(self.good, root / "middle.db")
        ro = root / "ro"
        ro.mkdir()
        self.read_only = ro / "office.db"
        shutil.copyfile(self.good, self.read_only)
        self.failures: list[str] = []

    def value(self, leaf: Leaf, action: argparse.Action, *, out_dir: Path | None = None) -> str:
        if action.dest in leaf.fixed:
            return leaf.fixed[action.dest]
        if action.choices:
            return str(next(iter(action.choices)))
        if action.type is Path:
            if leaf.command[:1] == ("import",) and not action.option_strings:
                return str(self.csv)
            folder = out_dir or self.root / "out"
            folder.mkdir(exist_ok=True)
            return str(folder / f"{leaf.name.replace(' ', '-')}{SUFFIX.get(action.dest, '.out')}")
        if action.type is not None:
            return "2569" if "year" in action.dest else "1"
        return "00000000-0000-0000-0000-000000000000" if not action.option_strings else "ทดสอบ"

    def argv(self, leaf: Leaf, *, drop: str | None = None, replace: dict[str, str | bytes] | None = None,
             out_dir: Path | None = None) -> list[str | bytes]:
        """The leaf's words and its required arguments (``drop``: leave one out;
        ``replace``: give one a bad value)."""
        replace = replace or {}
        argv: list[str | bytes] = list(leaf.command)
        for action in leaf.actions():
            if action.dest == drop:
                continue
            if not action.option_strings:
                argv.append(replace.get(action.dest, self.value(leaf, action, out_dir=out_dir)))
            elif action.required or action.dest in replace:
                argv += [action.option_strings[0],
                         replace.get(action.dest, self.value(leaf, action, out_dir=out_dir))]
        return argv

    def run(self, label: str, args: list[str | bytes], *, must_fail: bool = True,
            prefix: tuple[str, ...] = (), check_secrets: bool = True) -> None:
        proc = cli(*args, prefix=prefix, timeout=240)
        err, out = text(proc.stderr), text(proc.stdout)
        where = f"{label}: samoe {' '.join(os.fsdecode(a) for a in args)} -> {proc.returncode}"
        if "Traceback" in err + out:
            self.failures.append(f"{where}: traceback\n{err[-1200:]}")
        elif must_fail and proc.returncode == 0:
            self.failures.append(f"{where}: exit 0 for a bad case\n{out[-300:]}")
        elif proc.returncode != 0 and not THAI.search(err):
            self.failures.append(f"{where}: no Thai message\n{err[-600:]}")
        elif check_secrets and any(s in err for s in self.secrets):
            self.failures.append(f"{where}: personal data in the message")

    def run_all(self, cases: list[tuple[str, list[str | bytes], dict[str, object]]]) -> None:
        with ThreadPoolExecutor(max_workers=4) as pool:
            list(pool.map(lambda c: self.run(c[0], c[1], **c[2]), cases))  # type: ignore[arg-type]
        assert not self.failures, f"{len(self.failures)} bad outcomes:\n\n" + "\n\n".join(self.failures)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Sweep:
    return Sweep(tmp_path_factory.mktemp("sweep"))


@pytest.fixture
def sweep(files: Sweep) -> Iterator[Sweep]:
    files.failures = []
    yield files


def test_the_sweep_sees_every_command() -> None:
    names = {leaf.name for leaf in LEAVES}
    assert {"init", "demo", "stats", "db check", "db upgrade", "import children", "import undo",
            "report children-list", "export children"} <= names


def test_every_command_against_bad_databases(sweep: Sweep) -> None:
    cases: list[tuple[str, list[str | bytes], dict[str, object]]] = []
    for leaf in LEAVES:
        base = sweep.argv(leaf)
        harmless = leaf.command == ("db", "path")
        creates = leaf.command in CREATES
        missing, empty = sweep.missing, sweep.empty
        if not leaf.first_choice:  # other report/export names: the same path to the database
            cases += [("no such database", ["--db", str(sweep.missing), *base], {}),
                      ("garbage header", ["--db", str(sweep.header), *base], {})]
            continue
        if creates:  # init and demo may make a new database: give each its own paths
            missing = sweep.root / f"new-{leaf.name}" / "office.db"
            empty = sweep.root / f"empty-{leaf.name}.db"
            empty.write_bytes(b"")
        cases += [
            ("no such database", ["--db", str(missing), *base],
             {"must_fail": not (harmless or creates)}),
            ("zero-byte database", ["--db", str(empty), *base],
             {"must_fail": not (harmless or creates)}),
            ("garbage header", ["--db", str(sweep.header), *base], {"must_fail": not harmless}),
        ]
        if leaf.first_choice:
            # a read may miss the damaged pages; a write must never go ahead
            cases.append(("damaged pages", ["--db", str(sweep.middle), *base],
                          {"must_fail": leaf.writes or leaf.command == ("db", "check")}))
    sweep.run_all(cases)
    assert sweep.empty.stat().st_size == 0 and not sweep.missing.parent.exists()


@pytest.mark.skipif(not can_drop_caps(), reason="needs root and setpriv to obey file modes")
def test_every_command_against_a_read_only_database(sweep: Sweep) -> None:
    folder = sweep.read_only.parent
    cases: list[tuple[str, list[str | bytes], dict[str, object]]] = []
    for leaf in (leaf for leaf in LEAVES if leaf.first_choice):
        out = sweep.root / "ro-out"
        out.mkdir(exist_ok=True)
        out.chmod(0o777)
        base = sweep.argv(leaf, out_dir=out)
        cases.append(("read-only database", ["--db", str(sweep.read_only), *base],
                      {"must_fail": leaf.writes, "prefix": DROP_CAPS}))
    sweep.read_only.chmod(0o444)
    folder.chmod(0o555)
    try:
        sweep.run_all(cases)
    finally:
        folder.chmod(0o755)
        sweep.read_only.chmod(0o644)


def test_every_argument_with_a_bad_value(sweep: Sweep) -> None:
    device_ok = os.geteuid() == 0
    cases: list[tuple[str, list[str | bytes], dict[str, object]]] = []
    devices: list[Path] = []
    seen: set[tuple[tuple[str, ...], str]] = set()
    for leaf in LEAVES:
        db = ["--db", str(sweep.good)]
        positionals = [a for a in leaf.actions() if not a.option_strings]
        if positionals:
            cases.append(("positional missing", [*db, *leaf.command], {}))
        for action in leaf.actions():
            takes_value = action.nargs != 0
            key = (leaf.command, action.dest)
            if not takes_value or (key in seen and action.dest not in leaf.fixed):
                continue
            seen.add(key)
            if action.option_strings:
                argv = sweep.argv(leaf, drop=action.dest)
                cases.append((f"{action.dest} without its value", [*db, *argv, action.option_strings[0]], {}))
            if action.choices:
                cases.append((f"{action.dest} not a choice",
                              [*db, *sweep.argv(leaf, replace={action.dest: "nonsense"})], {}))
            elif action.type not in (None, Path):
                # any whole number is a seed; every other number has a range
                for bad in ("abc",) if action.dest == "seed" else ("abc", "-1", "99999999999999999999"):
                    cases.append((f"{action.dest} wrong type",
                                  [*db, *sweep.argv(leaf, replace={action.dest: bad})], {}))
            elif action.type is None:
                cases.append((f"{action.dest} not UTF-8",
                              [*db, *sweep.argv(leaf, replace={action.dest: BAD_BYTES})], {}))
            else:  # a file
                suffix = SUFFIX.get(action.dest, ".out")
                cases.append((f"{action.dest} in a missing folder",
                              [*db, *sweep.argv(leaf, replace={action.dest: str(sweep.root / "nope" / f"x{suffix}")})],
                              {}))
                if device_ok:
                    device = sweep.root / f"full-{len(devices)}{suffix}"
                    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # our own /dev/full
                    devices.append(device)
                    cases.append((f"{action.dest} is a device",
                                  [*db, *sweep.argv(leaf, replace={action.dest: str(device)})], {}))
    sweep.run_all(cases)
    for device in devices:
        assert stat.S_ISCHR(device.stat().st_mode), device
    assert not (sweep.root / "nope").exists()
