"""The reference YAML loader: strict, exact about positions, and the authority.

It reads the event stream of libyaml (through PyYAML) and builds plain Python
values itself, so that nothing YAML 1.1 would "helpfully" convert slips
through, and so that it knows the line and column of every key and value.

The fast loader (:mod:`site_gen.yaml_fast`) must agree with this one on every
file it accepts; tests hold the two side by side.
"""

from __future__ import annotations

from typing import Any

import yaml

from site_gen.problems import Severity, make, pointer_join
from site_gen.scalars import MAX_DEPTH, Position, RefLoad, resolve_plain

__all__ = ["MAX_DEPTH", "RefLoad", "load_reference", "resolve_plain"]

try:  # libyaml is normally present; the pure-Python parser gives the same events.
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


class _Frame:
    __slots__ = ("container", "key", "key_pos", "pointer", "seen")

    def __init__(self, container: Any, pointer: str) -> None:
        self.container = container
        self.pointer = pointer
        self.key: str | None = None
        self.key_pos: Position = (1, 1)
        self.seen: dict[str, Position] = {}


def _pos(event: Any) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1)


class _Builder:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self.out = RefLoad()
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.broken = False

    def problem(self, code: str, pos: Position, pointer: str = "", **params: Any) -> None:
        self.out.problems.append(make(self.file, code, Severity.ERROR, pointer, pos[0], pos[1], **params))
        self.broken = True

    def run(self) -> RefLoad:
        text = self.text
        loader = _Loader(text)
        try:
            while loader.check_event():
                if not self.event(loader.get_event()):
                    break
        except yaml.MarkedYAMLError as exc:
            self.syntax_error(exc)
        except yaml.reader.ReaderError as exc:
            line = text.count("\n", 0, exc.position) + 1
            column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
            self.problem("yaml.control-char", (line, column), char=f"U+{exc.character:04X}")
        finally:
            loader.dispose()
        if not self.broken and self.documents == 0:
            self.problem("yaml.empty", (1, 1))
        if not self.broken:
            self.out.value = self.root
        self.out.partial = self.root
        return self.out

    def char_at(self, index: int) -> str:
        return self.text[index] if 0 <= index < len(self.text) else ""

    def syntax_error(self, exc: yaml.MarkedYAMLError) -> None:
        mark = exc.problem_mark or exc.context_mark
        pos = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        problem = exc.problem or ""
        if "tab character" in problem or (
            "cannot start any token" in problem and mark is not None and self.char_at(mark.index) == "\t"
        ):
            self.problem("yaml.tab", pos)
        elif "unexpected end of stream" in problem and "quoted scalar" in (exc.context or ""):
            ctx = exc.context_mark
            self.problem("yaml.unclosed-quote", (ctx.line + 1, ctx.column + 1) if ctx else pos)
        elif problem.startswith("did not find expected ',' or") and exc.context_mark is not None:
            opened = exc.context_mark
            self.problem("yaml.unclosed-bracket", (opened.line + 1, opened.column + 1))
        elif problem.startswith("mapping values are not allowed"):
            self.problem("yaml.colon", pos)
        elif problem.startswith(("did not find expected key", "did not find expected '-'")):
            self.problem("yaml.indent", pos)
        else:
            detail = problem if not exc.context else f"{exc.context}: {problem}"
            self.problem("yaml.syntax", pos, detail=detail)

    # -- events -------------------------------------------------------------

    def event(self, ev: Any) -> bool:
        kind = type(ev)
        if kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self.problem("yaml.multi-document", _pos(ev))
                return False
            if ev.version is not None or ev.tags:
                self.problem("yaml.directive", _pos(ev))
            return True
        if kind is yaml.AliasEvent:
            self.problem("yaml.alias", _pos(ev), name=ev.anchor)
            self.attach(None, ev)
            return True
        if kind is yaml.ScalarEvent:
            self.properties(ev)
            if self.expecting_key():
                return self.key(ev)
            value = resolve_plain(ev.value) if ev.implicit[0] else ev.value
            self.attach(value, ev)
            return True
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self.properties(ev)
            if self.expecting_key():
                self.problem("yaml.complex-key", _pos(ev))
                return False
            if len(self.stack) >= MAX_DEPTH:
                self.problem("yaml.too-deep", _pos(ev), limit=MAX_DEPTH)
                return False
            container: Any = {} if kind is yaml.MappingStartEvent else []
            pointer = self.attach(container, ev)
            self.stack.append(_Frame(container, pointer))
            return True
        if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
            return True
        return True

    def properties(self, ev: Any) -> None:
        if ev.anchor is not None:
            self.problem("yaml.anchor", _pos(ev), name=ev.anchor)
        if ev.tag is not None:
            self.problem("yaml.tag", _pos(ev), tag=ev.tag)

    def expecting_key(self) -> bool:
        if not self.stack:
            return False
        top = self.stack[-1]
        return isinstance(top.container, dict) and top.key is None

    def key(self, ev: Any) -> bool:
        top = self.stack[-1]
        name = ev.value
        pos = _pos(ev)
        if name in top.seen:
            first = top.seen[name]
            self.problem("yaml.duplicate-key", pos, pointer_join_raw(top.pointer, name), key=name, first_line=first[0])
        else:
            top.seen[name] = pos
        top.key = name
        top.key_pos = pos
        return True

    def attach(self, value: Any, ev: Any) -> str:
        pos = _pos(ev)
        if not self.stack:
            self.root = value
            self.out.values[""] = pos
            return ""
        top = self.stack[-1]
        if isinstance(top.container, dict):
            name = top.key
            assert name is not None
            pointer = pointer_join_raw(top.pointer, name)
            if name not in top.container:
                top.container[name] = value
                self.out.keys[pointer] = top.key_pos
                self.out.values[pointer] = pos
            top.key = None
            return pointer
        pointer = pointer_join_raw(top.pointer, len(top.container))
        top.container.append(value)
        self.out.values[pointer] = pos
        return pointer


def pointer_join_raw(base: str, part: str | int) -> str:
    return base + pointer_join(part)


def load_reference(text: str, file: str) -> RefLoad:
    """Parse ``text`` (already decoded and NFC-normalised) strictly."""
    return _Builder(file, text).run()
