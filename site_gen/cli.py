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
from site_gen.catalogue import render_code
from site_gen.checker import check_repository
from site_gen.discover import repository, repository_path
from site_gen.errors import SetupError
from site_gen.report import FORMATTERS

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_ARGPARSE_VI = (
    (re.compile(r"unrecognized arguments: (.*)"), "không nhận ra tham số: {0}"),
    (re.compile(r"the following arguments are required: (.*)"), "thiếu tham số bắt buộc: {0}"),
    (
        re.compile(r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)"),
        "tham số {0}: không có lựa chọn {1} (chọn một trong: {2})",
    ),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), "tham số {0}: giá trị {2} không hợp lệ"),
    (re.compile(r"argument (\S+): expected one argument"), "tham số {0} cần một giá trị"),
)


# The options every command shares: (name, default, help, choices).
SHARED: tuple[tuple[str, str, str, tuple[str, ...] | None], ...] = (
    ("root", ".", "thư mục kho dữ liệu (mặc định: thư mục hiện tại)", None),
    ("lang", "vi", "ngôn ngữ thông báo (mặc định: vi)", ("vi", "en")),
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
            for pattern, template in _ARGPARSE_VI:
                match = pattern.fullmatch(message)
                if match:
                    text = template.format(*match.groups())
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
    for name, _, text, choices in SHARED:
        common.add_argument(
            f"--{name}",
            dest=prefix + name,
            metavar=None if choices else name.upper(),
            default=argparse.SUPPRESS,
            choices=choices,
            help=text,
        )
    return common


def build_parser(lang: str = "vi") -> Parser:
    common = _common()
    parser = Parser(
        prog="site-gen",
        description="Kiểm tra hồ sơ đi cơ sở, kiểm tra, khắc phục khuyết điểm và tính số liệu báo cáo.",
        parents=[_common(_BEFORE)],
    )
    parser.lang = lang
    parser.add_argument("--version", action="version", version=f"site-gen {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="LỆNH")
    sub.required = True

    check = sub.add_parser("check", parents=[common], help="kiểm tra mọi hồ sơ, báo lỗi theo tệp và dòng")
    check.add_argument("paths", nargs="*", metavar="ĐƯỜNG_DẪN", help="chỉ báo lỗi của các tệp, thư mục này")
    check.add_argument("--format", choices=("text", "github", "json", "markdown"), default="text", help="dạng kết quả")
    check.add_argument(
        "--summary", metavar="TỆP", help="ghi thêm báo cáo đầy đủ dạng Markdown vào tệp này (ví dụ $GITHUB_STEP_SUMMARY)"
    )
    check.add_argument("--no-cache", action="store_true", help="không dùng bộ nhớ đệm .site-gen-cache")
    check.set_defaults(func=cmd_check)

    stats = sub.add_parser("stats", parents=[common], help='số liệu thực hiện chủ trương "1+2" của một năm')
    stats.add_argument("--year", type=int, required=True, help="năm, ví dụ 2025")
    stats.add_argument("--format", choices=("json", "text"), default="text", help="dạng kết quả")
    stats.set_defaults(func=cmd_stats)

    new = sub.add_parser("new", parents=[common], help="tạo tệp hồ sơ mới theo mẫu, đủ mọi trường, có chú thích")
    new.add_argument("kind", metavar="LOẠI", help="loại hồ sơ, ví dụ registration")
    new.add_argument("--unit", help="mã đơn vị sở hữu hồ sơ (thư mục)")
    new.add_argument("--id", help="mã của hồ sơ mới (cán bộ, đơn vị, kế hoạch, mô hình...)")
    new.add_argument("--cadre", help="mã cán bộ (bản đăng ký)")
    new.add_argument("--plan", help="mã kế hoạch")
    new.add_argument("--year", type=int, help="năm")
    new.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="quý (báo cáo quý)")
    new.add_argument("--date", help="ngày (báo cáo khắc phục), dạng 2025-04-05")
    new.add_argument("--out", help="đường dẫn tệp (mặc định: theo bố cục thư mục chuẩn)")
    new.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    new.add_argument("--stdout", action="store_true", help="in ra màn hình thay vì ghi tệp")
    new.set_defaults(func=cmd_new)

    build = sub.add_parser("build", parents=[common], help="dựng trang công khai từ hồ sơ (MkDocs Material) vào thư mục site/")
    build.add_argument("--site-dir", help="thư mục kết quả (mặc định: site/ trong kho dữ liệu)")
    build.set_defaults(func=cmd_build)

    serve = sub.add_parser("serve", parents=[common], help="xem trang trên máy, tự cập nhật khi hồ sơ thay đổi")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ phục vụ (mặc định 127.0.0.1:8000)")
    serve.set_defaults(func=cmd_serve)

    diff = sub.add_parser(
        "diff", parents=[common], help="so sánh hai phiên bản git: hồ sơ thêm, sửa, xóa, lỗi và số liệu thay đổi"
    )
    diff.add_argument("base", metavar="GỐC", help="phiên bản gốc (nhánh, thẻ hoặc mã commit), ví dụ origin/main")
    diff.add_argument("head", nargs="?", metavar="MỚI", help="phiên bản mới (mặc định: các tệp đang có trên máy)")
    diff.add_argument("--format", choices=("markdown", "text", "json"), default="markdown", help="dạng kết quả")
    diff.add_argument(
        "--no-merge-base", action="store_true", help="so trực tiếp với GỐC, không với điểm rẽ nhánh chung của hai phiên bản"
    )
    diff.add_argument("--output", help="ghi kết quả vào tệp này thay vì in ra màn hình")
    diff.set_defaults(func=cmd_diff)

    owners = sub.add_parser(
        "codeowners", parents=[common], help="lập .github/CODEOWNERS (ai duyệt thư mục nào) từ sổ đăng ký đơn vị"
    )
    owners.add_argument("--check", action="store_true", help="chỉ so với tệp hiện có; trả về 1 và in khác biệt nếu chưa khớp")
    owners.add_argument("--output", metavar="TỆP", help="đường dẫn tệp (mặc định: .github/CODEOWNERS trong kho dữ liệu)")
    owners.set_defaults(func=cmd_codeowners)

    issue = sub.add_parser(
        "from-issue", parents=[common], help="tạo hồ sơ từ nội dung một issue GitHub điền theo mẫu (issue form)"
    )
    issue.add_argument("body", metavar="TỆP_NỘI_DUNG", help='tệp nội dung issue ("-": đọc từ đầu vào chuẩn)')
    issue.add_argument("--labels", default="", help='các nhãn của issue, ngăn bằng dấu phẩy, ví dụ "mau-1-dang-ky"')
    issue.add_argument("--issue", type=int, help="số issue")
    issue.add_argument("--author", help="tài khoản GitHub người tạo issue")
    issue.add_argument("--message-file", help="ghi nội dung pull request (hoặc bình luận lỗi) vào tệp này")
    issue.add_argument("--github-output", help="tệp GITHUB_OUTPUT để ghi thêm các dòng path=, branch=, title=, kind=")
    issue.set_defaults(func=cmd_from_issue)

    imp = sub.add_parser(
        "import", parents=[common], help="nhập biểu mẫu Word, Excel đã điền (mẫu 1, 2, 3) thành hồ sơ, rồi kiểm tra"
    )
    imp.add_argument("file", metavar="TỆP", help="tệp .xlsx hoặc .docx đã điền")
    imp.add_argument("--form", required=True, choices=("1", "2", "3"), help="mẫu: 1 bản đăng ký, 2 bản tổng hợp, 3 báo cáo quý")
    imp.add_argument("--unit", help="mã hoặc tên đơn vị (phân biệt cán bộ trùng tên; đơn vị báo cáo của mẫu 3)")
    imp.add_argument("--out", metavar="THƯ_MỤC", help="ghi hồ sơ vào thư mục này (theo bố cục của kho) thay vì vào kho")
    imp.add_argument("--partial", action="store_true", help="vẫn ghi những phần không lỗi và liệt kê phần bỏ ra ngoài")
    imp.set_defaults(func=cmd_import)

    rules = sub.add_parser("rules", parents=[common], help="danh mục quy tắc kiểm tra chéo")
    rules.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="dạng kết quả")
    rules.add_argument("--all", action="store_true", help="gồm cả các mã lỗi tệp, YAML và mẫu hồ sơ")
    rules.set_defaults(func=cmd_rules)

    export = sub.add_parser("export", parents=[common], help="xuất biểu mẫu Word, Excel (mẫu 1, 2, 3, lịch kiểm tra, thông báo)")
    export.add_argument("--form", choices=("1", "2", "3"), help="mẫu 1 (đăng ký), 2 (tổng hợp đăng ký) hoặc 3 (báo cáo quý)")
    export.add_argument("--inspection-schedule", action="store_true", help="lịch kiểm tra của năm")
    export.add_argument("--notice", metavar="MÃ_ĐƠN_VỊ", help="thông báo kết quả kiểm tra của một đơn vị")
    export.add_argument("--cadre", help="mã cán bộ (mẫu 1)")
    export.add_argument("--unit", help="mã đơn vị (mẫu 1, 2, 3)")
    export.add_argument("--year", type=int, help="năm của kế hoạch, ví dụ 2026")
    export.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help="quý (mẫu 3)")
    export.add_argument("--format", choices=("xlsx", "docx", "both"), default="both", help="dạng tệp (mặc định: cả hai)")
    export.add_argument("--out", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định: thư mục hiện tại)")
    export.add_argument("--blank", action="store_true", help="mẫu trống, có dòng ví dụ")
    export.set_defaults(func=cmd_export)
    for child in sub.choices.values():
        child.lang = lang
    return parser


def shared_options(parser: Parser, args: argparse.Namespace) -> argparse.Namespace:
    """Merge the shared options given before and after the command's name, or refuse a conflict."""
    for name, default, _, _ in SHARED:
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
    from site_gen.office.importer import cmd_import as run  # openpyxl, python-docx: see above

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
        return int(result)
    except SetupError as exc:
        _, message = render_code(exc.code, exc.params, lang)
        print(f"site-gen: {message}", file=sys.stderr)
        # Errors in the records exit 1, as for check; 2 is for the command itself.
        return 1 if exc.code == "setup.check-failed" else 2
    except BrokenPipeError:
        return 0
