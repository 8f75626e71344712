"""Render records: an unchanged profile is answered without the renderer, and never wrongly.

The central property: with records or without, every command prints the same lines, exits
with the same code and leaves the same files, whatever happened to the profile, the bundle
or the records in between.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import records
from generator.records import Record, Records
from generator.runner import Action, render_profiles, validate_profiles
from tests.conftest import BASE_PROFILE, ROOT, fresh_process

NAT = ROOT / "profiles" / "nat.yaml"


def run(
    action: Action, profiles: list[Path], out: Path, recs: Records | None
) -> tuple[int, list[str], list[str]]:
    said: list[str] = []
    errs: list[str] = []
    if action == "validate":
        code = validate_profiles(profiles, said.append, errs.append, records=recs)
    else:
        code = render_profiles(
            profiles, out, said.append, errs.append, action=action, records=recs
        ).code
    return code, said, errs


def tree(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mode & 0o777)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_a_record_is_kept_and_found(tmp_path: Path) -> None:
    recs = Records(tmp_path / "renders.sqlite3")
    data = NAT.read_bytes()
    assert recs.find(data) is None
    assert run("write", [NAT], tmp_path / "out", recs)[0] == 0
    found = recs.find(data)
    assert found is not None and found.name == "nat"
    assert [path for path, _, _ in found.entries] == sorted(tree(tmp_path / "out" / "nat"))
    assert recs.find(data + b"\n# edited\n") is None  # other bytes, other record


def test_an_unchanged_bundle_is_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    recs = Records(tmp_path / "renders.sqlite3")
    assert run("write", [NAT], out, recs) == (0, [f"{out}/nat: written (12 files)"], [])
    readme = out / "nat" / "README.md"
    before = readme.stat()
    for recs_now in (recs, Records(None)):  # from the record, and the full way
        assert run("write", [NAT], out, recs_now) == (0, [f"{out}/nat: unchanged (12 files)"], [])
    after = readme.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    readme.write_text("edited\n")
    assert run("write", [NAT], out, recs) == (0, [f"{out}/nat: written (12 files)"], [])
    assert readme.read_text() != "edited\n"


def test_an_unchanged_profile_does_not_load_the_renderer(tmp_path: Path) -> None:
    """The second run imports neither the YAML loader, pydantic's models nor Jinja."""
    out = tmp_path / "out"
    argv = ["render", str(NAT), "-o", str(out)]
    assert fresh_process(argv, tmp_path / "cache") == (
        0,
        [f"{out}/nat: written (12 files)"],
        ["yaml", "jinja2", "pydantic.main", "generator.profile", "generator.render"],
    )
    assert fresh_process(argv, tmp_path / "cache") == (0, [f"{out}/nat: unchanged (12 files)"], [])


def stored(db: Path) -> dict[str, str]:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return dict(conn.execute("SELECT key, record FROM records").fetchall())


def test_damaged_or_foreign_records_are_misses(tmp_path: Path) -> None:
    db = tmp_path / "renders.sqlite3"
    out = tmp_path / "out"
    data = NAT.read_bytes()
    with Records(db) as recs:
        run("write", [NAT], out, recs)
    [(key, good)] = stored(db).items()
    for damaged in (
        "",
        "garbage",
        good.replace("name nat", "name ../etc"),
        good.replace("qemu-netgen render record 1", "qemu-netgen render record 0"),
        good.rstrip("\n"),
        good + "644 abc README.md\n",
        good + f"644 {'0' * 64} ../../outside\n",
        good + f"644 {'0' * 64} /etc/passwd\n",
    ):
        with contextlib.closing(sqlite3.connect(db)) as conn, conn:
            conn.execute("UPDATE records SET record = ? WHERE key = ?", (damaged, key))
        with Records(db) as recs:
            assert recs.find(data) is None, damaged
            assert run("check", [NAT], out, recs) == (0, [f"{out}/nat: up to date"], [])
        assert stored(db) == {key: good}  # the full way kept a good record again


def test_a_damaged_database_is_replaced(tmp_path: Path) -> None:
    db = tmp_path / "renders.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    out = tmp_path / "out"
    with Records(db) as recs:
        assert run("write", [NAT], out, recs) == (0, [f"{out}/nat: written (12 files)"], [])
    with Records(db) as recs:
        assert recs.find(NAT.read_bytes()) is not None


def test_records_are_written_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "FLUSH_EVERY", 3)
    db = tmp_path / "renders.sqlite3"
    recs = Records(db)
    for n in range(7):
        recs.keep(b"profile %d" % n, Record(f"b{n}", []))
    assert len(stored(db)) == 6  # two batches of three; one pending
    assert recs.find(b"profile 6") == Record("b6", [])  # pending ones are found too
    recs.close()
    assert len(stored(db)) == 7


def test_an_unwritable_cache_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    recs = Records(blocker / "renders.sqlite3")
    out = tmp_path / "out"
    assert run("write", [NAT], out, recs) == (0, [f"{out}/nat: written (12 files)"], [])
    assert run("write", [NAT], out, recs) == (0, [f"{out}/nat: unchanged (12 files)"], [])
    assert Records(None).find(NAT.read_bytes()) is None


def test_no_cache_turns_records_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("QEMU_NETGEN_NO_CACHE", "1")
    assert Records.default().path is None
    monkeypatch.delenv("QEMU_NETGEN_NO_CACHE")
    assert Records.default().path == tmp_path / "cache" / "qemu-netgen" / records.DATABASE


def copy_of_the_generator(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    package = tmp_path / "generator"
    shutil.copytree(ROOT / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    monkeypatch.setattr(records, "PACKAGE", package)
    monkeypatch.setattr(records, "templates_dir", lambda: tmp_path / "templates")
    return package


def test_the_fingerprint_follows_code_and_templates_not_timestamps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = copy_of_the_generator(tmp_path, monkeypatch)
    first = records.fingerprint()
    template = tmp_path / "templates" / "vm" / "launch.sh.j2"
    os.utime(template, ns=(1, 1))
    assert records.fingerprint() == first  # same content
    template.write_text(template.read_text() + "# changed\n")
    second = records.fingerprint()
    assert second != first
    (package / "plan.py").write_text((package / "plan.py").read_text() + "\n")
    assert records.fingerprint() not in (first, second)


def test_the_fingerprint_follows_the_libraries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "site" / "fakelib"
    library.mkdir(parents=True)
    (library / "__init__.py").write_text("VERSION = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(records, "LIBRARIES", ("fakelib",))
    first = records.fingerprint()
    (library / "__init__.py").write_text("VERSION = 22\n")  # an upgrade rewrites files
    assert records.fingerprint() != first


def test_a_new_generator_drops_old_generations(tmp_path: Path) -> None:
    db = tmp_path / "renders.sqlite3"
    with Records(db) as recs:
        recs.keep(b"first", Record("x", []))  # makes the table
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("DELETE FROM records")
        conn.executemany(
            "INSERT INTO records VALUES (?, ?, ?, ?)",
            [(f"k{n}{m}", f"old{n}", n + m / 10, "") for n in range(5) for m in range(2)],
        )
    with Records(db) as recs:
        recs.keep(b"name: x\n", Record("x", []))
    with contextlib.closing(sqlite3.connect(db)) as conn:
        generations = sorted(g for (g,) in conn.execute("SELECT DISTINCT generation FROM records"))
    assert generations == sorted([records.fingerprint(), "old4", "old3"])


def test_two_profiles_with_one_name_from_records(tmp_path: Path) -> None:
    recs = Records(tmp_path / "renders.sqlite3")
    copy = tmp_path / "copy.yaml"
    shutil.copy(NAT, copy)
    out = tmp_path / "out"
    run("write", [NAT], out, recs)
    assert recs.find(copy.read_bytes()) is not None
    for action in ("write", "check", "validate"):
        code, _, errs = run(action, [NAT, copy], out, recs)
        assert (code, errs) == (1, [f"{copy}:1: name: bundle 'nat' is also rendered from {NAT}"])


# -- with records and without: the same answers ------------------------------------------

EDITS = {
    "readme": lambda b: (b / "README.md").write_text("edited\n"),
    "delete": lambda b: (b / "launch-web1.sh").unlink(missing_ok=True),
    "extra": lambda b: (b / "notes.txt").write_text("mine\n"),
    "chmod": lambda b: (b / "launch-web1.sh").exists() and (b / "launch-web1.sh").chmod(0o644),
    "remove": lambda b: shutil.rmtree(b, ignore_errors=True),
}
PROFILE_TEXTS = [
    BASE_PROFILE,
    BASE_PROFILE + "# a comment changes the bytes, not the bundle\n",
    BASE_PROFILE.replace("4G", "8G"),
    BASE_PROFILE.replace("name: lab1", "name: lab2"),
    BASE_PROFILE.replace("4G", "4X"),  # invalid
]
step = st.one_of(
    st.tuples(st.just("profile"), st.integers(0, len(PROFILE_TEXTS) - 1)),
    st.tuples(st.just("edit"), st.sampled_from(sorted(EDITS))),
    st.tuples(st.just("run"), st.sampled_from(["write", "check", "diff", "validate"])),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(step, min_size=1, max_size=10))
def test_records_never_change_an_answer(tmp_path: Path, steps: list[tuple[str, object]]) -> None:
    """Each run is like its own process: records are read back from the database file."""
    worlds = []
    for name, db in (("with", tmp_path / "cache.sqlite3"), ("without", None)):
        base = tmp_path / name
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir()
        worlds.append((base, db))
    for kind, arg in steps:
        answers = []
        for base, db in worlds:
            profile = base / "lab.yaml"
            out = base / "out"
            if kind == "profile":
                assert isinstance(arg, int)
                profile.write_text(PROFILE_TEXTS[arg])
            elif kind == "edit":
                for bundle in out.glob("*") if out.is_dir() else []:
                    EDITS[str(arg)](bundle)
            elif profile.exists():
                with Records(db) as recs:
                    code, said, errs = run(arg, [profile], out, recs)  # type: ignore[arg-type]
                text = "\n".join([str(code), *said, *errs]).replace(str(base), "BASE")
                answers.append((text, tree(out) if out.is_dir() else {}))
        assert answers[:1] == answers[1:]


def test_a_large_run_keeps_the_newest_records_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records, "FLUSH_EVERY", 4)
    monkeypatch.setattr(records, "MAX_RECORDS", 10)
    db = tmp_path / "renders.sqlite3"
    with Records(db) as recs:
        for n in range(3):  # a small run: no count is taken
            recs.keep(b"small %d" % n, Record(f"s{n}", []))
    with Records(db) as recs:
        for n in range(12):
            recs.keep(b"large %d" % n, Record(f"l{n}", []))
    assert len(stored(db)) == 10
    with Records(db) as recs:
        assert recs.find(b"large 11") == Record("l11", [])
        assert recs.find(b"small 0") is None  # the oldest went first
