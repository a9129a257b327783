"""GitHub's workflow-command parser, ported from the runner, to read back what ``--format github`` prints.

A second implementation of GitHub's own rules (actions/runner:
``src/Runner.Common/ActionCommand.cs``, ``TryParseV2`` and the old
``TryParse``; ``src/Runner.Worker/ActionCommandManager.cs``, the registered
commands and ``stop-commands``; ``src/Runner.Sdk/ProcessInvoker.cs``, output
read with ``StreamReader.ReadLine``). Written from the runner's code, not from
:mod:`site_gen.escape`, so a test comparing the two catches a rule the tool
forgot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# ActionCommandManager registers stop-commands and every command extension (internal-set-repo-path only for plugins).
REGISTERED = frozenset(
    [
        "stop-commands",
        "set-env",
        "set-output",
        "save-state",
        "add-mask",
        "add-path",
        "add-matcher",
        "remove-matcher",
        "debug",
        "warning",
        "error",
        "notice",
        "group",
        "endgroup",
        "echo",
    ]
)
# String.TrimStart() trims what Char.IsWhiteSpace accepts.
DOTNET_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_DATA = (("%0D", "\r"), ("%0A", "\n"), ("%25", "%"))
_PROPERTY = (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%"))
_V1 = ((";", "%3B"), ("\r", "%0D"), ("\n", "%0A"), ("]", "%5D"), ("%", "%25"))


@dataclass(frozen=True)
class Command:
    name: str
    properties: tuple[tuple[str, str], ...] = ()
    data: str = ""


@dataclass
class Log:
    """What the runner made of a step's output: the commands it ran, and whether commands are stopped at the end."""

    commands: list[Command] = field(default_factory=list)
    stopped: bool = False


def lines(output: str) -> list[str]:
    """StreamReader.ReadLine: a line ends at \\r\\n, \\r or \\n; the end of the stream ends the last one."""
    parts = re.split(r"\r\n|\r|\n", output)
    return parts[:-1] if parts and parts[-1] == "" else parts


def _unescape(text: str, table: tuple[tuple[str, str], ...]) -> str:
    for escaped, token in table:
        text = text.replace(escaped, token)
    return text


def _split(text: str, separator: str) -> list[str]:
    return [part for part in text.split(separator) if part]


def _key_value(item: str) -> list[str]:
    """String.Split('=', count: 2, RemoveEmptyEntries): empty pieces are dropped and do not count."""
    out: list[str] = []
    start = 0
    for index, char in enumerate(item):
        if char == "=":
            if index > start:
                out.append(item[start:index])
            start = index + 1
            if out:
                break
    return out + ([item[start:]] if item[start:] else [])


def _properties(text: str, separator: str, table: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}  # keys compared ignoring case
    for item in _split(text, separator):
        pair = _key_value(item)
        if len(pair) == 2:
            found[pair[0].lower()] = _unescape(pair[1], table)
    return tuple(found.items())


def parse_v2(line: str, registered: set[str]) -> Command | None:
    """``::name key=value,…::data`` at the start of the line (after white space)."""
    message = line.lstrip(DOTNET_SPACE)
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name.lower() not in registered:
        return None
    props = _properties(info[space + 1 :].strip(DOTNET_SPACE), ",", _PROPERTY) if space > 0 else ()
    return Command(name, props, _unescape(message[end + 2 :], _DATA))


def parse_v1(line: str, registered: set[str]) -> Command | None:
    """``##[name key=value;…]data`` anywhere in the line (the old syntax, still read)."""
    start = line.find("##[")
    if start < 0:
        return None
    end = line.find("]", start)
    if end < 0:
        return None
    info = line[start + 3 : end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name.lower() not in registered:
        return None
    table = tuple((escaped, token) for token, escaped in _V1)
    props = _properties(info[space + 1 :], ";", table) if space > 0 else ()
    return Command(name, props, _unescape(line[end + 1 :], table))


def run(output: str) -> Log:
    """The commands the runner would run for ``output``, ``stop-commands`` and its resume token applied."""
    registered = set(REGISTERED)
    log, token = Log(), ""
    for line in lines(output):
        command = parse_v2(line, registered) or parse_v1(line, registered)
        if command is None:
            continue
        if log.stopped:
            if token and command.name.lower() == token:
                registered.discard(token)
                log.stopped, token = False, ""
            continue
        if command.name.lower() == "stop-commands":
            log.stopped, token = True, command.data.lower()
            registered.add(token)
            continue
        log.commands.append(command)
    return log
