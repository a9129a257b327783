"""The strict loader: every trap is a located error, and the fast path agrees with the reference."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from site_gen.loader import load_bytes
from site_gen.safefs import quiet_stderr
from site_gen.yaml_fast import load_fast, prescreen
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
        # an alias as a key (crashed the old reference loader): plain, nested, in a flow mapping, undefined
        (b"*a : v\n", [("yaml.alias", 1, 1)]),
        (b"a: &x 1\n*x : v\n", [("yaml.anchor", 1, 4), ("yaml.alias", 2, 1)]),
        (b"a: 1\nb:\n  *x : v\n", [("yaml.alias", 3, 3)]),
        (b"a: {*x : v}\n", [("yaml.alias", 1, 5)]),
        # invalid YAML that libyaml let through
        (b"kind: x\nflow: [a,\nb]\n", [("yaml.indent", 3, 1)]),
        (b"k: [\n  a,\n  b\n]\n", [("yaml.indent", 4, 1)]),
        (b"q: [\n\tfoo]\n", [("yaml.tab", 2, 1)]),
        (b'kind: x\nq: "a\nb"\n', [("yaml.indent", 3, 1)]),
        (b"q: 'a\nb'\n", [("yaml.indent", 2, 1)]),
        (b'q: "a\n\tb"\n', [("yaml.tab", 2, 1)]),
        (b'k: "value"# c\n', [("yaml.comment", 1, 11)]),
        (b"k: ># c\n  x\n", [("yaml.comment", 1, 5)]),
        (b"k: [a, b]#c\n", [("yaml.comment", 1, 10)]),
        (b"k: [a,#c\n  b]\n", [("yaml.comment", 1, 7)]),
        (b"k: [-]\n", [("yaml.syntax", 1, 5)]),
        (b"k: >\n \n  \n # c\n", [("yaml.indent", 3, 3)]),
        (b"k: |\n  x\n\t\n", [("yaml.tab", 3, 1)]),
        (b"a:\n  b: 1\n  \tc: 2\n", [("yaml.tab", 3, 3)]),
        # other syntax errors, each with its reason
        (b"name Nguyen\nyear: 2025\n", [("yaml.colon", 2, 5)]),
        (b"kind: x\nyear 2025\n", [("yaml.missing-colon", 2, 1)]),
        (b"kind: x\nyear:2025\n", [("yaml.missing-colon", 2, 1)]),
        (b'a: "C:\\Users\\x"\n', [("yaml.escape", 1, 7)]),
        (b"%YAML 1.2\n", [("yaml.directive", 1, 1), ("yaml.unexpected-end", 1, 10)]),
        (b"a: [b\nc: 1\n", [("yaml.unclosed-bracket", 1, 4)]),
        (b'a: "b\nc: 1\n', [("yaml.unclosed-quote", 1, 4)]),
        (b"a: b\n--- c\n", [("yaml.multi-document", 2, 1)]),
        (b"a: !<x> 1\n", [("yaml.tag", 1, 4)]),
    ],
)
def test_each_trap_is_a_located_error(data: bytes, expected: list[tuple[str, int, int]]) -> None:
    assert codes(data) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # a flow mapping whose ":" is on the next line (refused by the old reference, accepted by the fast path)
        (b'{"foo"\n: "bar"}\n', {"foo": "bar"}),
        (b"a: {b\n  : c}\n", {"a": {"b": "c"}}),
        (b'a: { "b"\n  :c }\n', {"a": {"b": "c"}}),
        # odd input the old loader read wrongly
        (b"{ ?foo: bar }\n", {"?foo": "bar"}),
        (b"k: [?x]\n", {"k": ["?x"]}),
        (b"k: {x: :x}\n", {"k": {"x": ":x"}}),
        (b"k: [:x]\n", {"k": [":x"]}),
        # valid mappings the old loader refused: empty keys and values, ":" placement, comments
        (b": v\nb: 1\n", {"": "v", "b": 1}),
        (b"a:\nb:\n", {"a": None, "b": None}),
        (b"k: [ : v ]\n", {"k": [{"": "v"}]}),
        (b"k: {a: 1, b}\n", {"k": {"a": 1, "b": None}}),
        (b"k: {\n  a: 1,\n  b: 2,\n }\n", {"k": {"a": 1, "b": 2}}),
        (b"k: >\n  a\n  # not a comment\n", {"k": "a # not a comment\n"}),
        # tabs that are content, separators or blank lines, not indentation
        (b'k: "a\tb"\nc:\tx\n\t\nd: 1 \t# c\n', {"k": "a\tb", "c": "x", "d": 1}),
        (b"k: |\n  \tcode\n", {"k": "\tcode\n"}),
        (b"k:\n  -\ta\n  - b:\t1\n", {"k": ["a", {"b": 1}]}),
        (b"k: [\n\t\n a ]\n", {"k": ["a"]}),
        # numbers JSON cannot carry stay the text typed (the schema then judges them at their line)
        (b"n: 123456789012345678901234567890\n", {"n": "123456789012345678901234567890"}),
        (b"n: 18446744073709551616\n", {"n": "18446744073709551616"}),
        (b"n: -9223372036854775809\n", {"n": "-9223372036854775809"}),
        (b"n: " + b"9" * 5000 + b"\n", {"n": "9" * 5000}),
        (b"n: 1e999\nm: -1e400\n", {"n": "1e999", "m": "-1e400"}),
        (b"n: 18446744073709551615\nm: -9223372036854775808\n", {"n": 2**64 - 1, "m": -(2**63)}),
    ],
)
def test_valid_yaml_loads_with_the_spec_value(data: bytes, expected: object) -> None:
    loaded = value(data)
    assert loaded == expected and _types(loaded) == _types(expected)
    ref = load_reference(data.decode(), "f.yaml")
    assert ref.problems == [] and _types(ref.value) == _types(expected)


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
            "18446744073709551616",
            "-9223372036854775809",
            "1e999",
            "'a' b",
            "[a] b",
            ":x",
            "x:",
            "#x",
            "a #x",
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
        elif style == 2:
            lines.append(f"{name}: [{scalar}]")
        elif style == 3:
            lines.append(f'{name}: {{"k"\n  : {scalar}}}')
        else:
            lines.append(f"{name}: [\n  {scalar},\n  x\n ]")
    return ("\n".join(lines) + "\n").encode()


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["", "a", "_b"]), SCALARS), min_size=1, max_size=4), st.integers(0, 4))
@example(pairs=[("", "0:")], style=2)  # "[0:]": rapidyaml reads {0: null}
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


# -- positions: every key and value is located at its first character -------------------------------


@pytest.mark.parametrize(
    ("text", "pointer", "at_key", "expected"),
    [
        ('a: {"b"\n  : 1, c: [x,\n    y]}\nd: 2\n', "/a/b", True, (1, 5)),
        ('a: {"b"\n  : 1, c: [x,\n    y]}\nd: 2\n', "/a/b", False, (2, 5)),
        ('a: {"b"\n  : 1, c: [x,\n    y]}\nd: 2\n', "/a/c/1", False, (3, 5)),
        ('a: {"b"\n  : 1, c: [x,\n    y]}\nd: 2\n', "/d", False, (4, 4)),
        ("'q k': 1\n\"d\\tk\": 2\n", "/d\tk", True, (2, 1)),
        ("'q k': 1\n\"d\\tk\": 2\n", "/q k", False, (1, 8)),
        ("a:\n- {x: 1}\n- [p, {y: 2}]\n", "/a/1/1/y", False, (3, 11)),
        ("a:\n- {x: 1}\n- [p, {y: 2}]\n", "/a/1/1/y", True, (3, 8)),
        ("a: [k: v]\n", "/a/0/k", True, (1, 5)),
        ("a: |\n  x\nb:\n  - c\n", "/b/0", False, (4, 5)),
        ("a: |\n  x\nb:\n  - c\n", "/a", False, (1, 4)),
        ("a:\n  b:\n    c: d\n", "/a/b", False, (3, 5)),
        ("a: 'x\n  y'\nb: 1\n", "/b", True, (3, 1)),
    ],
)
def test_positions_are_exact(text: str, pointer: str, at_key: bool, expected: tuple[int, int]) -> None:
    ref = load_reference(text, "f.yaml")
    assert ref.problems == []
    assert ref.position(pointer, at_key) == expected


def _walk(node: object, pointer: str = "") -> list[tuple[str, object]]:
    found = [(pointer, node)]
    if isinstance(node, dict):
        for key, child in node.items():
            found += _walk(child, pointer + "/" + key.replace("~", "~0").replace("/", "~1"))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            found += _walk(child, f"{pointer}/{index}")
    return found


def _starts_like(source: str, node: object) -> bool:
    """Does the text at a value's position start the way that value is written?"""
    if isinstance(node, dict):
        return source[:1] not in ("", " ", "\t", "[", "}", "]", ",")
    if isinstance(node, list):
        return source[:1] in ("[", "-")
    if isinstance(node, str) and node and source[:1] not in ("'", '"', "|", ">"):
        return source.startswith(node[:1])
    if isinstance(node, bool):
        return source.startswith(str(node).lower())
    if isinstance(node, int):
        return source.startswith(str(node))
    return True


def check_positions(text: str) -> None:
    ref = load_reference(text, "f.yaml")
    if ref.problems:
        return
    lines = text.split("\n")
    for pointer, node in _walk(ref.value)[1:]:
        line, column = ref.values[pointer]
        assert _starts_like(lines[line - 1][column - 1 :], node), (text, pointer, line, column)
        key = pointer.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~")
        if pointer in ref.keys:
            line, column = ref.keys[pointer]
            source = lines[line - 1][column - 1 :]
            assert source[:1] in ("'", '"', "|", ">") or source.startswith(key[:1]) or (key == "" and source[:1] == ":"), (
                text,
                pointer,
            )


# -- generated documents: both paths, and positions -----------------------------------------------------

_RECORD_SCALARS = [
    "a", "b c", "1", "-2", "1.5", "true", "null", "", "x#y", "x # c", "'q'", '"d"', "'multi\n{i}line'",
    '"multi\n{i}line"', '"esc\\\n{i}x"', "plain\n{i}more", "plain\n\n{i}more", "[a, b]", "[a,\n{i}b]",
    "{a: 1,\n{i}b: 2}", "{a: 1, b}", "[\n{i}a\n{i}]", "[a, [b, c]]", "{}", "[]", "|\n{i}  lit\n{i}  x",
    ">-\n{i}  f\n\n{i}  g", "|+\n{i}  k\n", "Nguyễn Văn", "a: b", "- x", "#", "'it''s'", '"\\u00e9\\t"',
    "2025-01-01", "08:00", "x:y", "http://a.b/c#d", "[a, b]: c", "'k': v", '"k": v', '"a":b', "%x", "-x",
    "a - b", "a, b", "[a, b, ]", "{a: [1, 2], b: {c: d}}", '{"a"\n{i}: b}', "{a\n{i}: b}", "18446744073709551616",
    "9223372036854775808", "1e999", "[? a : b]", "{? a}", ": x", "? x",
]  # fmt: skip


def _record(rng: random.Random, indent: int, depth: int) -> list[str]:
    lines: list[str] = []
    for index in range(rng.randint(1, 4)):
        pad = " " * indent
        key = rng.choice(["k", "key", "tên", "a b", "'q k'", '"d k"']) + str(index)
        roll = rng.random()
        if depth < 3 and roll < 0.25:
            lines.append(f"{pad}{key}:" + rng.choice(["", " # c", "  "]))
            lines += _record(rng, indent + rng.choice([1, 2, 4]), depth + 1)
        elif depth < 3 and roll < 0.45:
            lines.append(f"{pad}{key}:")
            inner = indent + rng.choice([0, 2])
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.6:
                    lines.append(" " * inner + "- " + _record_scalar(rng, inner + 2))
                else:
                    sub = _record(rng, inner + 2, depth + 1)
                    sub[0] = " " * inner + "- " + sub[0].lstrip()
                    lines += sub
        else:
            lines.append(f"{pad}{key}:" + rng.choice([" ", "  "]) + _record_scalar(rng, indent + 2))
        if rng.random() < 0.1:
            lines.append(rng.choice(["", "# c", "  # c", " "]))
    return lines


def _record_scalar(rng: random.Random, indent: int) -> str:
    spaces = rng.choice([indent, indent + 1, indent + 2, max(indent - 1, 0), 0])
    return rng.choice(_RECORD_SCALARS).replace("{i}", " " * spaces)


_PIECES = [
    "a", "b c", "x:y", "x: y", ":", ": ", "-", "- ", "?", "? ", "#", " #c", "#c", "'", '"', "''", '""', "[", "]",
    "{", "}", ",", " ", "  ", "\n", "\n ", "\n  ", "\n   ", "\n- ", "\n  - ", "k: ", "\nk: ", "\n  k: ", "|", ">",
    "|-", ">+", "|2", "\n\n", "1", "-1", "1.5", "1e5", "true", "null", "~", "no", "0x1", "01", "+1", "1.", ".5",
    "9223372036854775808", "18446744073709551616", "1e999", "\\", "\\n", "\\x41", "\\q", "é", "Đ", "...", "---",
    "\n---", "\n...", "%", "@", "`", "*", "&", "!", "a #b", "a#b", '"a" #c', "'a'b", '"a"b', ":x", "x:", "[a, b]",
    "{a: b}", "{a: b, c}", "[a: b]", "{? a}", "[? a : b]", '{"a":b}', "{a:b}", "[a,]", "{a,}", "  \n", " \n", "\t",
    "\n- '' ", "\n- [a] ", "\n- {a: b} ", '\n- "x"  ', "\n...", "\n... ", "\n:", "\n: ", " :", "\n  :",
    " # y}", " #c]", "{k: x #", "[x #",
]  # fmt: skip


def _pieces(rng: random.Random) -> str:
    body = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
    roll = rng.random()
    if roll < 0.4:
        text = "k0: " + body + "\nk1: z\n"
    elif roll < 0.7:
        text = "k0:\n  " + body + "\nk1: z\n"
    else:
        text = ("- " + body if roll < 0.85 else body) + "\n"
    return (rng.choice(["# c\n", "\n", "  # c\n\n"]) if rng.random() < 0.3 else "") + text


def _agree(text: str) -> bool:
    """The fast path accepts only what the reference accepts, with the very same value; True if it accepted."""
    fast = load_fast(text.encode(), MAX_DEPTH)
    if fast is None:
        return False
    ref = load_reference(text, "f.yaml")
    assert not ref.problems, (text, ref.problems)
    assert _types(fast[0]) == _types(ref.value), text
    return True


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_agrees_on_generated_records(seed: int) -> None:
    rng = random.Random(seed)
    accepted = 0
    with quiet_stderr():
        for _ in range(2500):
            text = "\n".join(_record(rng, 0, 0)) + "\n"
            accepted += _agree(text)
            check_positions(text)
    assert accepted > 100


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_agrees_on_random_pieces(seed: int) -> None:
    rng = random.Random(seed)
    accepted = 0
    with quiet_stderr():
        for _ in range(10000):
            text = _pieces(rng)
            accepted += _agree(text)
            check_positions(text)
    assert accepted > 1000


# -- hostile files: a located answer, in seconds, never a crash or a hang --------------------------------

_M = 1024 * 1024 - 64
HOSTILE = {
    "deep flow": b"a: " + b"[" * _M,
    "deep block": b"- " * (_M // 2),
    "explicit keys": b"? " * (_M // 2),
    "colons": b": " * (_M // 2),
    "colon run": b":" * _M,
    "dash run": b"-" * _M,
    "question run": b"?" * _M,
    "quote run": b"a: " + b"'" * _M,
    "double quote run": b'a: "' + b"\\\n" * (_M // 2),
    "long flow": b"a: [" + b"x, " * (_M // 3),
    "flow lines": b"a: [\n" + b" x,\n" * (_M // 4),
    "spaces": b"a:" + b" " * _M + b"b",
    "blank lines": b"a: x\n" + b"\n" * (_M - 10) + b"b: 1",
    "many keys": b"".join(b"k%d: v\n" % i for i in range(_M // 12)),
    "nested blocks": b"".join(b" " * i + b"k%d:\n" % i for i in range(1400)),
    "folded lines": b"a: '" + b"x\n\n" * (_M // 3),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_finish(name: str) -> None:
    data = HOSTILE[name][:_M]
    start = time.perf_counter()
    with quiet_stderr():
        loaded = load_bytes(data, "f.yaml")
    assert time.perf_counter() - start < 60, "a hang, not a slow machine"  # generous: linear work takes ~1 s
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.column >= 1


# -- through the checker: what loads but cannot be a record is a located error, never a traceback -----


_MODEL = (
    "kind: good-model\nid: tu-sach-ap\nname: Tủ sách ấp\nunit: xa-a1\nyear: 2025\n"
    "description: Chi đoàn ấp mở tủ sách.\ntags: [van-hoa, thieu-nhi]\nfound_in:\n  visit:\n"
    "    cadre: tran-thi-mai\n    date: 2025-03-10\n"
)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("kind: good-model", "kind: [good-model]", "1:7 record.kind-type"),
        ("kind: good-model", "kind:\n  - good-model", "2:3 record.kind-type"),
        ("kind: good-model", "kind: {good: model}", "1:7 record.kind-type"),
        ("year: 2025", "year: 123456789012345678901234567890", "5:7 schema.type"),
        ("year: 2025", "year: " + "9" * 5000, "5:7 schema.type"),
        ("tags: [van-hoa, thieu-nhi]", 'tags: {"van-hoa"\n  : x}', "7:7 schema.type"),
        # a flow mapping's ":" on the next line: errors after it are still at their own line
        (
            "found_in:\n  visit:\n    cadre: tran-thi-mai\n    date: 2025-03-10\n",
            'found_in: {"visit"\n  : {cadre: tran-thi-mai, date: 2025-03-10}}\nnam: 2025\n',
            "10:1 schema.unknown-key",
        ),
    ],
)
def test_the_checker_locates_values_that_cannot_be_a_record(tmp_path: Path, old: str, new: str, expected: str) -> None:
    from site_gen.checker import check_repository
    from tests.conftest import make_repo, write_tree

    root = make_repo(tmp_path / "repo")
    write_tree(root, {"submissions/ban-tckt/mo-hinh/tu-sach-ap.yaml": _MODEL.replace(old, new)})
    with quiet_stderr():
        problems = check_repository(root, use_cache=False).problems
    found = [f"{p.line}:{p.column} {p.code}" for p in problems if p.file.endswith("tu-sach-ap.yaml")]
    assert found == [expected]
