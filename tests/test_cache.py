"""The cache never changes an answer: a warm run reports exactly what a cold run reports.

Every invalid case is applied to a repository whose cache is warm, then taken
back; after each step the cached run must equal a run without cache.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import random
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest

from site_gen.checker import check_repository
from tests.conftest import CASES, make_repo


def answer(root: Path, use_cache: bool) -> list[str]:
    result = check_repository(root, use_cache=use_cache)
    return [f"{p.file}:{p.line}:{p.column} {p.code} {p.params}" for p in result.problems]


def touch(path: Path) -> None:
    """Make sure the modification time moves, even on coarse clocks."""
    stamp = time.time_ns() + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


def overlay(root: Path, case: Path) -> list[tuple[Path, bytes | None]]:
    """Apply a case; returns how to undo it."""
    undo: list[tuple[Path, bytes | None]] = []
    removals = case / "remove.txt"
    if removals.exists():
        for line in removals.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                target = root / line.strip()
                undo.append((target, target.read_bytes()))
                target.unlink()
    for path in sorted((case / "submissions").rglob("*")):
        if path.is_file():
            target = root / path.relative_to(case)
            undo.append((target, target.read_bytes() if target.exists() else None))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            touch(target)
    return undo


def revert(undo: list[tuple[Path, bytes | None]]) -> None:
    for target, content in reversed(undo):
        if content is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(content)
            touch(target)


CHUNKS = 4


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_warm_runs_equal_cold_runs(tmp_path: Path, chunk: int) -> None:
    root = make_repo(tmp_path / "repo")
    assert answer(root, True) == answer(root, False)
    cases = sorted(p for p in (CASES / "invalid").iterdir() if p.is_dir())[chunk::CHUNKS]
    for case in cases:
        undo = overlay(root, case)
        assert answer(root, True) == answer(root, False), f"after applying {case.name}"
        revert(undo)
        assert answer(root, True) == answer(root, False), f"after undoing {case.name}"


def test_cases_applied_on_top_of_each_other(tmp_path: Path) -> None:
    """Changes accumulate in the journal: several at once, then all undone."""
    root = make_repo(tmp_path / "repo")
    answer(root, True)
    undos = []
    for case in sorted((CASES / "invalid").iterdir())[:12]:
        undos.append(overlay(root, case))
        assert answer(root, True) == answer(root, False), case.name
    for undo in reversed(undos):
        revert(undo)
    assert answer(root, True) == answer(root, False) == []


def test_second_run_reads_nothing_again(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    first = check_repository(root)
    second = check_repository(root)
    assert [p.code for p in first.problems] == [p.code for p in second.problems]
    assert (root / ".site-gen-cache" / "state.bin").exists()
    assert len(second.records()) == len(first.records())
    assert {r.file: r.data for r in second.records()} == {r.file: r.data for r in first.records()}


def test_a_schema_change_drops_the_cache(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    assert answer(root, True) == []
    schema = root / "schemas" / "defs.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace('"maxLength": 500', '"maxLength": 5'), encoding="utf-8")
    warm = answer(root, True)
    assert warm == answer(root, False)
    assert any("schema.max-length" in line for line in warm)


def test_a_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    cold = answer(root, True)
    (root / ".site-gen-cache" / "state.bin").write_bytes(b"not marshal")
    (root / ".site-gen-cache" / "journal.bin").write_bytes(b"\xff\xff\xff\x7fgarbage")
    assert answer(root, True) == cold
    (root / ".site-gen-cache" / "blobs.bin").write_bytes(b"")
    assert answer(root, True) == cold


def test_two_processes_give_the_same_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading, rules and listing split across a forked process: same problems, same records."""
    from site_gen import checker

    root = make_repo(tmp_path / "repo", CASES / "invalid" / "rule-visit-overlap")
    alone = answer(root, False)
    monkeypatch.setattr(checker, "PARALLEL_MIN", 1)
    monkeypatch.setattr(checker, "FORK_STATE_MIN", 0)
    assert answer(root, False) == alone
    assert answer(root, True) == alone  # cold cache, forked loading and rules
    assert answer(root, True) == alone  # warm cache, forked listing
    records = check_repository(root).records()
    assert len(records) > 30


# -- a damaged or planted cache: the cold answer, every time ------------------------------------------

CACHE = ".site-gen-cache"
BROKEN_CASES = ("rule-visit-overlap", "rule-days-exceed-period", "schema-required", "yaml-tab", "file-ignored")
FLIPS_PER_FILE = 60
NOTICE = "bộ nhớ đệm .site-gen-cache bị hỏng"


@pytest.fixture
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own cache key (outside the repository, as a user's is)."""
    home = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def warm(root: Path) -> Path:
    """A cache with a snapshot, a journal entry and blobs of both: then a copy of it to restore."""
    answer(root, True)
    report = root / "submissions/ban-tckt/bao-cao/2025/quy-2.yaml"
    report.write_bytes(report.read_bytes() + b"# sua lai\n")
    touch(report)
    answer(root, True)
    assert (root / CACHE / "journal.bin").exists()
    pristine = root.parent / "pristine-cache"
    shutil.copytree(root / CACHE, pristine)
    return pristine


def restore(root: Path, pristine: Path) -> None:
    shutil.rmtree(root / CACHE)
    shutil.copytree(pristine, root / CACHE)


@dataclass
class Damage:
    file: str
    what: str
    apply: Callable[[Path], None]
    offsets: tuple[int, ...] = ()

    def __str__(self) -> str:
        return f"{self.file}: {self.what}"


def damages(pristine: Path, seed: int) -> list[Damage]:
    """For every cache file: random byte flips, truncations, deletion."""
    rng = random.Random(seed)
    out: list[Damage] = []
    for name in sorted(p.name for p in pristine.iterdir()):
        size = (pristine / name).stat().st_size
        for trial in range(FLIPS_PER_FILE if size else 0):
            spots = [(rng.randrange(size), rng.randrange(1, 256)) for _ in range(rng.choice((1, 1, 2, 8)))]
            offsets = tuple(offset for offset, _ in spots)
            out.append(Damage(name, f"flip {trial} at {offsets}", partial(flip, name=name, spots=spots), offsets))
        for cut in sorted({0, size // 2, max(size - 1, 0), rng.randrange(size + 1)}):
            out.append(Damage(name, f"cut at {cut}", partial(cut_at, name=name, length=cut)))
        out.append(Damage(name, "deleted", partial(delete, name=name)))
    return out


def flip(cache: Path, name: str, spots: list[tuple[int, int]]) -> None:
    data = bytearray((cache / name).read_bytes())
    for offset, mask in spots:
        data[offset] ^= mask
    (cache / name).write_bytes(bytes(data))


def cut_at(cache: Path, name: str, length: int) -> None:
    with open(cache / name, "r+b") as handle:
        handle.truncate(length)


def delete(cache: Path, name: str) -> None:
    (cache / name).unlink()


def figures_of(root: Path, use_cache: bool) -> dict[str, object]:
    from site_gen.stats import figures

    result = check_repository(root, use_cache=use_cache)
    assert not result.errors
    return figures(result.context, result.records(), 2025)


def notices(err: str) -> int:
    return sum(NOTICE in line for line in err.splitlines())


@pytest.mark.usefixtures("own_key")
def test_a_damaged_cache_gives_the_cold_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Flipped bytes, cuts and deletions of every cache file; a context record then changes, so every rule reads
    blobs too. Damage to the snapshot or the journal is always seen (one notice); a flip elsewhere may be harmless."""
    root = make_repo(tmp_path / "repo")
    for case in BROKEN_CASES:
        overlay(root, CASES / "invalid" / case)
    pristine = warm(root)
    unit = root / "submissions/ban-tckt/don-vi/huyen-a.yaml"
    original = unit.read_bytes()
    cold = answer(root, False)
    unit.write_bytes(original + b"# doi\n")
    cold_changed = answer(root, False)
    unit.write_bytes(original)
    assert cold and any("rule." in line for line in cold) and any("schema." in line for line in cold)
    runs = 0
    for damage in damages(pristine, seed=9):
        restore(root, pristine)
        touch(unit)
        damage.apply(root / CACHE)
        capsys.readouterr()
        unit.write_bytes(original + b"# doi\n")
        assert answer(root, True) == cold_changed, str(damage)
        told = notices(capsys.readouterr().err)
        assert told <= 1, str(damage)
        if must_tell(damage):
            assert told == 1, f"{damage}: no notice"
        unit.write_bytes(original)
        assert answer(root, True) == cold, f"{damage}, next run"
        runs += 2
    assert runs > 400


def must_tell(damage: Damage) -> bool:
    """Damage that must be seen and told: any change to the snapshot or the journal, except where the result
    is indistinguishable from a cache of other code (the snapshot's 20-byte header: magic and salt) or from
    no journal at all (an empty one)."""
    if damage.file == "journal.bin":
        return damage.what not in ("deleted", "cut at 0")
    if damage.file == "state.bin":
        return damage.what != "deleted" and all(offset >= 20 for offset in damage.offsets)
    return False


@pytest.mark.usefixtures("own_key")
def test_a_damaged_cache_gives_the_cold_figures(tmp_path: Path) -> None:
    """The figures read every record's data from the blob file: damaged blobs are never counted."""
    root = make_repo(tmp_path / "repo")
    pristine = warm(root)
    cold = figures_of(root, False)
    for damage in damages(pristine, seed=4):
        if damage.file in ("blobs.bin", "state.bin", "journal.bin"):
            restore(root, pristine)
            damage.apply(root / CACHE)
            assert figures_of(root, True) == cold, str(damage)


@pytest.mark.usefixtures("own_key")
def test_a_planted_cache_cannot_clear_a_broken_record(tmp_path: Path) -> None:
    """A ``.site-gen-cache`` committed in a pull request, rewritten to call a broken record valid: never believed."""
    root = make_repo(tmp_path / "repo")
    answer(root, True)
    target = "submissions/ban-tckt/can-bo/tran-thi-mai.yaml"
    (root / target).write_text("kind: cadre\nid: tran-thi-mai\nname: 7\n", encoding="utf-8")
    cold = answer(root, False)
    assert any(line.startswith(target) for line in cold)
    state = root / CACHE / "state.bin"
    data = state.read_bytes()
    head = 4 + 16 + 32 if data.startswith(b"SGC") else 0  # magic, salt, tag: kept as they were
    snapshot = marshal.loads(data[head:])
    info = (root / target).stat()
    row = list(snapshot["rows"][target])
    row[:3] = [info.st_size, info.st_mtime_ns, hashlib.blake2b((root / target).read_bytes(), digest_size=16).hexdigest()]
    snapshot["rows"][target] = tuple(row)
    state.write_bytes(data[:head] + marshal.dumps(snapshot))
    (root / CACHE / "journal.bin").unlink(missing_ok=True)
    assert answer(root, True) == cold


@pytest.mark.usefixtures("own_key")
def test_a_cache_of_the_wrong_shape_is_dropped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Even correctly tagged (this user's key), a snapshot whose values are not of the written types is refused."""
    from site_gen import cache as cache_module
    from site_gen.checker import Checker

    root = make_repo(tmp_path / "repo")
    cold = answer(root, True)
    checker = Checker(root)
    writer = checker.cache
    key = cache_module.cache_key()
    assert key is not None
    writer._key = key
    bad_values: list[object] = [["row"], {"x": ("short",)}, {"x": (1,) * 8 + ("not a place",) + (None, None)}]
    for rows in bad_values:
        body = marshal.dumps(
            {"format": cache_module.FORMAT, "salt": writer.salt, "nonce": b"n" * 16, "blob_size": 0, "rows": rows, "units": {}}
        )
        head = cache_module.MAGIC + cache_module._salt_digest(writer.salt)
        (root / CACHE / "state.bin").write_bytes(head + writer._tag(head, body) + body)
        capsys.readouterr()
        assert answer(root, True) == cold
        assert notices(capsys.readouterr().err) == 1


@pytest.mark.usefixtures("own_key")
@pytest.mark.parametrize(
    "planted",
    [".site-gen-cache", "state.bin", "state.bin.tmp", "journal.bin", "blobs.bin", "blobs.bin.tmp", "lock", ".gitignore"],
)
def test_links_planted_in_the_cache_are_never_followed(tmp_path: Path, planted: str) -> None:
    """A pull request may commit ``.site-gen-cache`` (or files in it) as links: no write goes through them
    (to an existing file, or creating one where a link points nowhere yet), no read hangs on a link to a device,
    and the answer is the cold one, through a journal entry, a snapshot and a cold start."""
    root = make_repo(tmp_path / "repo")
    for case in BROKEN_CASES[:2]:
        overlay(root, CASES / "invalid" / case)
    victim, absent = tmp_path / "victim", tmp_path / "absent"
    victim.write_bytes(b"do not touch\n")
    if planted == ".site-gen-cache":
        (tmp_path / "elsewhere").mkdir()
        os.symlink(tmp_path / "elsewhere", root / CACHE)
    report = root / "submissions/ban-tckt/bao-cao/2025/quy-2.yaml"
    unit = root / "submissions/ban-tckt/don-vi/huyen-a.yaml"
    for step, changed in enumerate((None, report, unit, None, report)):
        if changed is not None:  # a bulk record (journal entry, blob append), then reference data (snapshot)
            changed.write_bytes(changed.read_bytes() + b"# sua\n")
            touch(changed)
        if planted != ".site-gen-cache" and step:
            if step == 3:
                shutil.rmtree(root / CACHE)  # a cold start: new blob file and snapshot through their .tmp names
                (root / CACHE).mkdir()
            (root / CACHE / planted).unlink(missing_ok=True)
            os.symlink(victim if step % 2 else absent, root / CACHE / planted)
        assert answer(root, True) == answer(root, False), step
    assert victim.read_bytes() == b"do not touch\n" and not absent.exists()
    if planted == ".site-gen-cache":
        assert list((tmp_path / "elsewhere").iterdir()) == []
    if planted in ("state.bin", "journal.bin", "blobs.bin"):  # a link to a device where a cache file should be
        (root / CACHE / planted).unlink(missing_ok=True)
        os.symlink("/dev/zero", root / CACHE / planted)
        assert answer(root, True) == answer(root, False)


@pytest.mark.usefixtures("own_key")
def test_a_planted_or_damaged_office_form_is_never_published(tmp_path: Path) -> None:
    """The site's Word and Excel downloads are cached in ``.site-gen-cache/office/``: a file planted there under
    the name the tool would look for, or a cached file damaged, is rendered again, never served."""
    from site_gen.office import export
    from tests.conftest import ROOT

    result = check_repository(ROOT, use_cache=False)
    item = export.blanks(result.context, 2026, ["1"])[0]
    fresh = export.render([item], ["xlsx"])
    cache = tmp_path / "repo" / CACHE / "office"
    cache.mkdir(parents=True)
    planted = b"PK\x03\x04 planted by a pull request"
    old_name = hashlib.sha256(f"{export.__version__}\0xlsx\0{item.doc!r}".encode()).hexdigest()
    (cache / f"{old_name}.xlsx").write_bytes(planted)
    assert export.render([item], ["xlsx"], cache) == fresh  # renders, and caches under a keyed name
    assert export.render([item], ["xlsx"], cache) == fresh  # read back from the cache
    written = [p for p in cache.iterdir() if p.name != f"{old_name}.xlsx"]
    assert len(written) == 1
    data = bytearray(written[0].read_bytes())
    data[len(data) // 2] ^= 0xFF
    written[0].write_bytes(bytes(data))
    assert export.render([item], ["xlsx"], cache) == fresh
