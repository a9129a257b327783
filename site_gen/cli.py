"""The ``site-gen`` command. ``main(argv) -> int`` is the one entry point.

Exit codes: 0 no errors (warnings allowed), 1 the submissions have errors,
2 a broken set-up or a wrong command line.

The options every command shares (``--root``, ``--lang``) may stand before
or after the command's name; given in both places with different values
they are refused, never silently dropped.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from site_gen import __version__, output
from site_gen.catalogue import render_code, words
from site_gen.checker import check_repository
from site_gen.discover import repository, repository_path
from site_gen.errors import SetupError
from site_gen.report import FORMATTERS

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

# argparse's complaints, translated with the texts of the [argparse] section of site_gen/words/ui.toml.
_ARGPARSE_VI = (
    (re.compile(r"unrecognized arguments: (?P<arguments>.*)"), "unrecognized"),
    (re.compile(r"the following arguments are required: (?P<arguments>.*)"), "required"),
    (re.compile(r"argument (?P<option>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"), "invalid_choice"),
    (re.compile(r"argument (?P<option>\S+): invalid (?:\w+) value: (?P<value>.*)"), "invalid_value"),
    (re.compile(r"argument (?P<option>\S+): expected one argument"), "expected_one"),
)


# The options every command shares: (name, default, choices); their help is in the [cli] section.
SHARED: tuple[tuple[str, str, tuple[str, ...] | None], ...] = (
    ("root", ".", None),
    ("lang", "vi", ("vi", "en")),
)
_BEFORE = "_before_"
T = TypeVar("T", bound="DataclassInstance")


def lang_hint(argv: Sequence[str]) -> str:
    """The language asked for on a command line, before it is parsed (for complaints about it)."""
    for index, arg in enumerate(argv):
        if arg == "--lang=en" or (arg == "--lang" and index + 1 < len(argv) and argv[index + 1] == "en"):
            return "en"
    return "vi"


class Parser(argparse.ArgumentParser):
    """argparse, with its complaints in Vietnamese (or ``lang``) and exit code 2."""

    lang = "vi"

    def error(self, message: str) -> NoReturn:
        lang = self.lang
        text = message
        if lang == "vi":
            for pattern, key in _ARGPARSE_VI:
                match = pattern.fullmatch(message)
                if match:
                    text = words("argparse")[key].format(**match.groupdict())
                    break
        _, rendered = render_code("setup.usage", {"detail": text}, lang)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {rendered}\n")


def _common(prefix: str = "") -> Parser:
    """The shared options; before the command they land in ``_before_<name>``, after it in ``<name>``.

    Neither place has a default in the namespace, so the command's parser
    cannot overwrite a value given before its name (argparse's sub-parsers
    otherwise do, with their own defaults).
    """
    common = Parser(add_help=False)
    for name, _, choices in SHARED:
        common.add_argument(
            f"--{name}",
            dest=prefix + name,
            metavar=None if choices else name.upper(),
            default=argparse.SUPPRESS,
            choices=choices,
            help=words("cli")[name],
        )
    return common


def build_parser(lang: str = "vi") -> Parser:
    helps = words("cli")  # site_gen/words/ui.toml
    common = _common()
    parser = Parser(
        prog="site-gen",
        description=helps["site-gen.description"],
        parents=[_common(_BEFORE)],
    )
    parser.lang = lang
    parser.add_argument("--version", action="version", version=f"site-gen {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar=helps["command.metavar"])
    sub.required = True

    check = sub.add_parser("check", parents=[common], help=helps["check"])
    check.add_argument("paths", nargs="*", metavar=helps["check.paths.metavar"], help=helps["check.paths"])
    check.add_argument("--format", choices=("text", "github", "json", "markdown"), default="text", help=helps["check.format"])
    check.add_argument("--summary", metavar=helps["check.summary.metavar"], help=helps["check.summary"])
    check.add_argument("--no-cache", action="store_true", help=helps["check.no-cache"])
    check.set_defaults(func=cmd_check)

    stats = sub.add_parser("stats", parents=[common], help=helps["stats"])
    stats.add_argument("--year", type=int, required=True, help=helps["stats.year"])
    stats.add_argument("--format", choices=("json", "text"), default="text", help=helps["stats.format"])
    stats.set_defaults(func=cmd_stats)

    new = sub.add_parser("new", parents=[common], help=helps["new"])
    new.add_argument("kind", metavar=helps["new.kind.metavar"], help=helps["new.kind"])
    new.add_argument("--unit", help=helps["new.unit"])
    new.add_argument("--id", help=helps["new.id"])
    new.add_argument("--cadre", help=helps["new.cadre"])
    new.add_argument("--plan", help=helps["new.plan"])
    new.add_argument("--year", type=int, help=helps["new.year"])
    new.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help=helps["new.quarter"])
    new.add_argument("--date", help=helps["new.date"])
    new.add_argument("--out", help=helps["new.out"])
    new.add_argument("--force", action="store_true", help=helps["new.force"])
    new.add_argument("--stdout", action="store_true", help=helps["new.stdout"])
    new.set_defaults(func=cmd_new)

    build = sub.add_parser("build", parents=[common], help=helps["build"])
    build.add_argument("--site-dir", help=helps["build.site-dir"])
    build.set_defaults(func=cmd_build)

    serve = sub.add_parser("serve", parents=[common], help=helps["serve"])
    serve.add_argument("--addr", default="127.0.0.1:8000", help=helps["serve.addr"])
    serve.set_defaults(func=cmd_serve)

    diff = sub.add_parser("diff", parents=[common], help=helps["diff"])
    diff.add_argument("base", metavar=helps["diff.base.metavar"], help=helps["diff.base"])
    diff.add_argument("head", nargs="?", metavar=helps["diff.head.metavar"], help=helps["diff.head"])
    diff.add_argument("--format", choices=("markdown", "text", "json"), default="markdown", help=helps["diff.format"])
    diff.add_argument("--no-merge-base", action="store_true", help=helps["diff.no-merge-base"])
    diff.add_argument("--output", help=helps["diff.output"])
    diff.set_defaults(func=cmd_diff)

    owners = sub.add_parser("codeowners", parents=[common], help=helps["codeowners"])
    owners.add_argument("--check", action="store_true", help=helps["codeowners.check"])
    owners.add_argument("--output", metavar=helps["codeowners.output.metavar"], help=helps["codeowners.output"])
    owners.set_defaults(func=cmd_codeowners)

    issue = sub.add_parser("from-issue", parents=[common], help=helps["from-issue"])
    issue.add_argument("body", metavar=helps["from-issue.body.metavar"], help=helps["from-issue.body"])
    issue.add_argument("--labels", default="", help=helps["from-issue.labels"])
    issue.add_argument("--issue", type=int, help=helps["from-issue.issue"])
    issue.add_argument("--author", help=helps["from-issue.author"])
    issue.add_argument("--message-file", help=helps["from-issue.message-file"])
    issue.add_argument("--github-output", help=helps["from-issue.github-output"])
    issue.set_defaults(func=cmd_from_issue)

    imp = sub.add_parser("import", parents=[common], help=helps["import"])
    imp.add_argument("file", metavar=helps["import.file.metavar"], help=helps["import.file"])
    imp.add_argument("--form", required=True, choices=("1", "2", "3"), help=helps["import.form"])
    imp.add_argument("--unit", help=helps["import.unit"])
    imp.add_argument("--out", metavar=helps["import.out.metavar"], help=helps["import.out"])
    imp.add_argument("--partial", action="store_true", help=helps["import.partial"])
    imp.set_defaults(func=cmd_import)

    rules = sub.add_parser("rules", parents=[common], help=helps["rules"])
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text", help=helps["rules.format"])
    rules.add_argument("--all", action="store_true", help=helps["rules.all"])
    rules.set_defaults(func=cmd_rules)

    export = sub.add_parser("export", parents=[common], help=helps["export"])
    export.add_argument("--form", choices=("1", "2", "3"), help=helps["export.form"])
    export.add_argument("--inspection-schedule", action="store_true", help=helps["export.inspection-schedule"])
    export.add_argument("--notice", metavar=helps["export.notice.metavar"], help=helps["export.notice"])
    export.add_argument("--cadre", help=helps["export.cadre"])
    export.add_argument("--unit", help=helps["export.unit"])
    export.add_argument("--year", type=int, help=helps["export.year"])
    export.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help=helps["export.quarter"])
    export.add_argument("--format", choices=("xlsx", "docx", "both"), default="both", help=helps["export.format"])
    export.add_argument("--out", metavar=helps["export.out.metavar"], help=helps["export.out"])
    export.add_argument("--blank", action="store_true", help=helps["export.blank"])
    export.set_defaults(func=cmd_export)
    for child in sub.choices.values():
        child.lang = lang
    return parser


def shared_options(parser: Parser, args: argparse.Namespace) -> argparse.Namespace:
    """Merge the shared options given before and after the command's name, or refuse a conflict."""
    for name, default, _ in SHARED:
        before = getattr(args, _BEFORE + name, None)
        after = getattr(args, name, None)
        if before is not None and after is not None and before != after:
            parser.error(
                render_code("setup.option-twice", {"option": f"--{name}", "before": before, "after": after}, parser.lang)[1]
            )
        setattr(args, name, after if after is not None else before if before is not None else default)
        if hasattr(args, _BEFORE + name):
            delattr(args, _BEFORE + name)
    return args


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """The command line as the commands read it (exits 2 through ``Parser.error`` when it is wrong)."""
    parser = build_parser(lang_hint(argv))
    return shared_options(parser, parser.parse_args(argv))


def _root(args: argparse.Namespace) -> Path:
    return repository(args.root)


def under(file: str, wanted: Sequence[str]) -> bool:
    """Whether a problem's file lies under one of the wanted repository paths ("" is the whole repository)."""
    return any(path == "" or file == path or file.startswith(path + "/") for path in wanted)


def _values(kind: type[T], args: argparse.Namespace, **given: Any) -> T:
    """A command's options as a typed value: each field from the argument of its name, unless ``given``."""
    taken = {item.name: getattr(args, item.name) for item in fields(kind) if item.name not in given and hasattr(args, item.name)}
    return kind(**taken, **given)


def _path(raw: str | None) -> Path | None:
    """A file or folder named on the command line, absolute (relative ones from the current folder)."""
    return Path(raw).resolve() if raw else None


# Each command turns the parsed command line into values before it calls the domain code: no
# ``argparse.Namespace`` leaves this module. Each command's module is imported inside it, so that
# ``check`` (run on every commit) pays only for its own: measured with ``python -X importtime``
# (byte code cached), importing them all up front (the load side with git and temporary folders,
# the write side with processes) adds 12 ms to check's 50 ms of imports, and the modules that use
# Jinja2, openpyxl or python-docx (build, serve, export, import) take 120-145 ms.


def cmd_check(args: argparse.Namespace) -> int:
    root = _root(args)
    wanted = [repository_path(root, raw) for raw in args.paths]
    result = check_repository(root, use_cache=not args.no_cache)
    problems = [p for p in result.problems if under(p.file, wanted)] if args.paths else result.problems
    sys.stdout.write(FORMATTERS[args.format](problems, result.checked, args.lang))
    if args.summary:
        output.append_text(args.summary, FORMATTERS["markdown"](problems, result.checked, args.lang))
    return 1 if any(p.severity.value == "error" for p in problems) else 0


def cmd_stats(args: argparse.Namespace) -> int:
    from site_gen import stats  # see above
    from site_gen.workspace import load, require_clean

    state = load(_root(args))
    require_clean(state.result, args.lang, report=False)
    figures = stats.figures(state.context, state.records, args.year)
    sys.stdout.write(stats.to_json(figures) if args.format == "json" else stats.to_text(figures, args.lang))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from site_gen.scaffold import NewOptions, new_record  # see above

    options = _values(NewOptions, args, out=_path(args.out))
    return new_record(_root(args), options)


def cmd_build(args: argparse.Namespace) -> int:
    from site_gen.site.build import build  # Jinja2, openpyxl, python-docx: see above

    root = _root(args)
    build(root, _path(args.site_dir), args.lang)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from site_gen.site.build import serve  # Jinja2, openpyxl, python-docx: see above

    return serve(_root(args), args.addr, args.lang)


def cmd_diff(args: argparse.Namespace) -> int:
    from site_gen import diff  # see above

    root = _root(args)
    result = diff.compute_diff(root, args.base, args.head, args.lang, merge_base=not args.no_merge_base)
    text = {"markdown": diff.to_markdown, "text": diff.to_text, "json": diff.to_json}[args.format](result)
    if args.output:
        output.save_text(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_codeowners(args: argparse.Namespace) -> int:
    from site_gen import codeowners  # see above

    return codeowners.run(_root(args), _path(args.output), args.check, args.lang)


def cmd_from_issue(args: argparse.Namespace) -> int:
    from site_gen.from_issue import cmd_from_issue as run  # intake: see above

    return run(args)


def cmd_import(args: argparse.Namespace) -> int:
    from site_gen.intake.office_import import cmd_import as run  # openpyxl, python-docx: see above

    return run(args)


def cmd_rules(args: argparse.Namespace) -> int:
    from site_gen.ruledoc import rules_output  # see above

    sys.stdout.write(rules_output(args.format, args.lang, include_all=args.all))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from site_gen.office.export import FORMATS, ExportOptions, run  # openpyxl, python-docx: see above

    formats = FORMATS if args.format == "both" else (args.format,)
    options = _values(ExportOptions, args, formats=formats, out=_path(args.out))
    return run(_root(args), options, args.lang)


def utf8_output() -> None:
    """Write UTF-8 whatever the console's code page (a Vietnamese Windows console is cp1258, which lacks
    most precomposed letters: printing "Lỗi" there would raise UnicodeEncodeError)."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding not in ("utf-8", "utf8") and reconfigure is not None:
            try:
                reconfigure(encoding="utf-8")
            except (OSError, ValueError):
                reconfigure(errors="backslashreplace")  # a stream that cannot change: never crash on a letter


def main(argv: Sequence[str] | None = None) -> int:
    utf8_output()
    try:
        args = parse(sys.argv[1:] if argv is None else list(argv))
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else 2
    lang = args.lang
    try:
        result: Any = args.func(args)
        if argv is None and args.func is cmd_check:  # the console script only; tests that call main() return
            output.hard_exit(int(result))
        return int(result)
    except SetupError as exc:
        _, message = render_code(exc.code, exc.params, lang)
        print(f"site-gen: {message}", file=sys.stderr)
        # Errors in the records exit 1, as for check; 2 is for the command itself.
        return 1 if exc.code == "setup.check-failed" else 2
    except BrokenPipeError:
        return 0
