"""The strict loader: every trap is a located error, and the fast path agrees with the reference."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from site_gen.loader import load_bytes
from site_gen.yaml_fast import load_fast, prescreen, quiet_stderr
from site_gen.yaml_ref import MAX_DEPTH, load_reference, resolve_plain

ROOT = Path(__file__).resolve().parent.parent


def codes(data: bytes) -> list[tuple[str, int, int]]:
    with quiet_stderr():
        loaded = load_bytes(data, "f.yaml")
    return [(p.code, p.line, p.column) for p in loaded.problems]


def value(data: bytes) -> object:
    with quiet_stderr():
        loaded = load_bytes(data, "f.yaml")
    assert loaded.problems == []
    return loaded.value


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbfa: 1\n", [("file.bom", 1, 1)]),
        (b"a: 1\nb: \xff\xfe\n", [("file.encoding", 2, 4)]),
        (b"\xff\xfea\x00", [("file.encoding", 1, 1)]),
        (b"a: 1\na: 2\n", [("yaml.duplicate-key", 2, 1)]),
        (b"a: &x 1\nb: *x\n", [("yaml.anchor", 1, 4), ("yaml.alias", 2, 4)]),
        (b"a: !!binary aGk=\n", [("yaml.tag", 1, 4)]),
        (b"a: !!python/object:os.system x\n", [("yaml.tag", 1, 4)]),
        (b"a: !!set {x}\n", [("yaml.tag", 1, 4)]),
        (b"a:\n\tb: 1\n", [("yaml.tab", 2, 1)]),
        (b"a: 1\n---\nb: 2\n", [("yaml.multi-document", 2, 1)]),
        (b"%YAML 1.1\n---\na: 1\n", [("yaml.directive", 1, 1)]),
        (b"a: 'x\n", [("yaml.unclosed-quote", 1, 4)]),
        (b"a: b: c\n", [("yaml.colon", 1, 5)]),
        (b"a:\n  - 1\n  b: 2\n", [("yaml.indent", 3, 3)]),
        (b"a: x\x01\n", [("yaml.control-char", 1, 5)]),
        (b"? [a]\n: 1\n", [("yaml.complex-key", 1, 3)]),
        (b"", [("yaml.empty", 1, 1)]),
        (b"# nothing\n", [("yaml.empty", 1, 1)]),
        (b"- a\n- b\n", [("record.not-mapping", 1, 1)]),
        (b"a: " + b"[" * 40 + b"1" + b"]" * 40 + b"\n", [("yaml.too-deep", 1, 4 + MAX_DEPTH - 1)]),
    ],
)
def test_each_trap_is_a_located_error(data: bytes, expected: list[tuple[str, int, int]]) -> None:
    assert codes(data) == expected


def test_file_too_large() -> None:
    assert codes(b"# x\n" * 300_000) == [("file.too-large", 1, 1)]


def test_alias_bomb_is_refused_without_expanding() -> None:
    bomb = b'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n".encode()
        for i in range(9)
    )
    found = codes(bomb)
    assert found and {code for code, _, _ in found} == {"yaml.anchor", "yaml.alias"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("0123", "0123"),
        ("1:30", "1:30"),
        ("12:30:00", "12:30:00"),
        ("~", "~"),
        (".inf", ".inf"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        ("2023-02-30", "2023-02-30"),
        ("True", "True"),
        ("Null", "Null"),
        ("+12", "+12"),
        ("1.", "1."),
        ("", None),
        ("null", None),
        ("true", True),
        ("false", False),
        ("12", 12),
        ("-3", -3),
        ("1.5", 1.5),
        ("1e3", 1000.0),
    ],
)
def test_plain_scalars_are_typed_like_json_only(text: str, expected: object) -> None:
    assert resolve_plain(text) == expected
    assert type(resolve_plain(text)) is type(expected)
    assert value(f"a: {text}\n".encode()) == {"a": expected}


def test_quoted_scalars_stay_strings() -> None:
    assert value(b"a: '12'\nb: \"true\"\nc: 'no'\n") == {"a": "12", "b": "true", "c": "no"}


def test_text_is_nfc() -> None:
    decomposed = "Nguye\u0302\u0303n".encode()
    assert value(b"a: " + decomposed + b"\n") == {"a": "Nguyễn"}


def test_crlf_is_read_like_lf() -> None:
    assert value(b"a: 1\r\nb: |\r\n  x\r\n  y\r\n") == {"a": 1, "b": "x\ny\n"}


def test_positions_of_keys_and_values() -> None:
    ref = load_reference("kind: x\nrows:\n  - days: 30\n    from: 2025-01-01\n", "f.yaml")
    assert ref.position("/rows/0/days") == (3, 11)
    assert ref.position("/rows/0/days", at_key=True) == (3, 5)
    assert ref.position("/rows/0/missing") == (3, 5)
    assert ref.position("") == (1, 1)


# -- the fast path agrees with the reference on every file it accepts ---------------------

SCALARS = st.one_of(
    st.sampled_from(
        [
            "no",
            "yes",
            "0123",
            "1:30",
            "12:30:00",
            "~",
            ".inf",
            "-.inf",
            "0x1F",
            "1_000",
            "+12",
            "1.",
            ".5",
            "-.5",
            "1e3",
            "1E3",
            "1e03",
            "0e0",
            "-0",
            "00",
            "01.5",
            "1.5.6",
            "2025-02-30",
            "2025-02-28",
            "08:00",
            "True",
            "Null",
            "NULL",
            "null",
            "true",
            "false",
            "",
            "1.10",
            "9999999999999999999999",
            "Phối hợp: 1.",
            "x # y",
            "a b",
            "'q'",
            '"d"',
            "Ban TNCN & ĐT",
            "Chú ý!",
            "*",
            "- x",
            "[1, 2]",
            "{a: 1}",
            "|",
            ">",
            "@x",
            "`x",
            "%",
            "12 ngày",
            "Nguyễn Văn An",
            "é",
            "\u00a0x",
            "a\tb",
            "1.1",
            "-",
            "--",
            "---",
            "...",
            "=",
            "?",
            "? x",
        ]
    ),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
)


def _doc(pairs: list[tuple[str, str]], style: int) -> bytes:
    lines = []
    for index, (key, scalar) in enumerate(pairs):
        name = f"k{index}{key}"
        if style == 0:
            lines.append(f"{name}: {scalar}")
        elif style == 1:
            lines.append(f"{name}:\n  - {scalar}")
        else:
            lines.append(f"{name}: [{scalar}]")
    return ("\n".join(lines) + "\n").encode()


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "a", "_b"]), SCALARS), min_size=1, max_size=4), st.integers(0, 2))
@example(pairs=[("", "0:")], style=2)  # "[0:]": rapidyaml reads {0: null}, libyaml refuses
@example(pairs=[("", "a:,b")], style=2)
def test_fast_path_agrees_with_reference(pairs: list[tuple[str, str]], style: int) -> None:
    data = _doc(pairs, style)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    if "\r" in text or "\ufeff" in text:
        return
    with quiet_stderr():
        fast = load_fast(data, MAX_DEPTH)
    ref = load_reference(text, "f.yaml")
    if fast is not None:
        assert not ref.problems, (data, ref.problems)
        assert fast[0] == ref.value and _types(fast[0]) == _types(ref.value), data


def _types(node: object) -> object:
    if isinstance(node, dict):
        return {k: _types(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_types(v) for v in node]
    return type(node).__name__


def test_fast_path_agrees_on_every_sample_file() -> None:
    files = sorted((ROOT / "submissions").rglob("*.yaml")) + sorted((ROOT / "tests" / "cases").rglob("*.yaml"))
    assert files
    accepted = 0
    for path in files:
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        with quiet_stderr():
            fast = load_fast(data, MAX_DEPTH)
        if fast is None:
            continue
        accepted += 1
        ref = load_reference(text, str(path))
        assert not ref.problems, path
        assert fast[0] == ref.value, path
    assert accepted > len(files) // 2


def test_fast_path_leaves_traps_and_odd_scalars_to_the_reference() -> None:
    for text in (b"a: &x 1\n", b"a: !!str 1\n", b"a: +12\n", b"a: 1.\n", b"--- \na: 1\n", b"a: }\n", b"a: |1\n x\n", b"a:\tb\n"):
        with quiet_stderr():
            assert load_fast(text, MAX_DEPTH) is None, text
    assert prescreen(b'a: Ban TNCN & \xc4\x90T\nb: 2025-02-15\nc: 30\nd: "08:00"\n')
    assert load_fast(b'a: Ban TNCN & \xc4\x90T\nb: 2025-02-15\nc: 30\nd: "1.1"\n', MAX_DEPTH) is not None


# A seeded generator of whole documents: nested mappings and sequences, block
# scalars with every chomping, multi-line plain and quoted scalars, comments,
# flow collections and the usual traps, in random combinations.
_ATOMS = [
    "no",
    "0123",
    "1:30",
    "~",
    "+1",
    "1.",
    "-",
    "- x",
    "x: y",
    "'a''b'",
    '"a\\"b"',
    '"\\u00e9"',
    "|",
    "|-",
    "|+",
    ">",
    ">-",
    "#c",
    " #c",
    "a #c",
    "a#b",
    "&a",
    "*a",
    "!t",
    "[a, b]",
    "{a: b}",
    "[]",
    "{}",
    "? a",
    ": a",
    "%",
    "@",
    "`",
    "\t",
    "x\ty",
    "Đ",
    "Nguyễn",
    "1.5",
    "12",
    "-7",
    "1e5",
    "2025-01-01",
    "null",
    "true",
    "False",
    "",
    " ",
    "a  b",
    "a:b",
    "a,b",
    "[a",
    "]",
    "\\",
    "'",
    '"',
    "--",
    "...",
    "---",
    "x...",
    "é\u0301",
    '"multi\n  line"',
    "'multi\n  line'",
    "{a: 1,\n  b: 2}",
    "[1,\n  2]",
    '"k": v',
    "'k': v",
    "x\n  # c\n  y",
    "1 # c",
    '"\\t"',
    "\u2028",
    "\u00a0",
    "😀",
    "<<",
    "? ",
    "x:",
    "x :y",
]


def _scalar(rng: random.Random) -> str:
    if rng.random() < 0.8:
        return rng.choice(_ATOMS)
    return "".join(rng.choice(_ATOMS) for _ in range(rng.randint(1, 3)))


def _block(rng: random.Random, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for index in range(rng.randint(1, 3)):
        key = rng.choice("abcd") + str(index)
        roll = rng.random()
        if depth < 3 and roll < 0.2:
            lines.append(f"{pad}{key}:")
            lines += _block(rng, indent + 2, depth + 1)
        elif depth < 3 and roll < 0.35:
            lines.append(f"{pad}{key}:")
            for _ in range(rng.randint(1, 2)):
                if rng.random() < 0.5:
                    lines.append(f"{pad}  - {_scalar(rng)}")
                else:
                    sub = _block(rng, indent + 4, depth + 1)
                    sub[0] = f"{pad}  - " + sub[0].lstrip()
                    lines += sub
        elif roll < 0.5:
            lines.append(f"{pad}{key}: " + rng.choice("|>") + rng.choice(["", "-", "+"]))
            lines += [f"{pad}  {_scalar(rng)}" if rng.random() < 0.8 else "" for _ in range(rng.randint(1, 3))]
        elif roll < 0.6:
            lines += [f"{pad}{key}: {_scalar(rng)}", f"{pad}  {_scalar(rng)}"]
        else:
            lines.append(f"{pad}{key}: {_scalar(rng)}")
    return lines


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_agrees_on_structured_documents(seed: int) -> None:
    rng = random.Random(seed)
    accepted = 0
    with quiet_stderr():
        for _ in range(2500):
            text = "\n".join(_block(rng, 0, 0)) + "\n"
            fast = load_fast(text.encode(), MAX_DEPTH)
            if fast is None:
                continue
            accepted += 1
            ref = load_reference(text, "f.yaml")
            assert not ref.problems, text
            assert repr(fast[0]) == repr(ref.value), text
    assert accepted > 300
