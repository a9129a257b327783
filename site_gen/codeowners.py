"""``.github/CODEOWNERS``, generated from the register of units.

    site-gen codeowners [--check] [--output PATH] [--root DIR] [--lang vi|en]

Who may approve a change follows from the register: each unit's folder
``submissions/<unit>/`` belongs to the unit's ``approvers``; the register
itself, the cadre lists, the plans and the inspection records belong to the
units the documents name (the register owner, the drafting department, the
Standing Committee that issues them); everything outside ``submissions/``
(the tool, the schemas, the documentation, ``.github/``) belongs to the
organisation's ``repository.maintainers``, when there are any.

GitHub applies the *last* line whose pattern matches a file, and one approval
from any owner on that line is enough; so lines run from general to
specific and a specific line repeats every owner it needs. The file is
deterministic: the same register always gives the same bytes.

Exit codes: 0 written, unchanged or (``--check``) current; 1 the register
has errors, an owner cannot be used, or (``--check``) the file is missing or
out of date (a unified diff is printed); 2 a broken set-up.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlparse

from site_gen.atomic import write_files
from site_gen.cache import R_KIND
from site_gen.catalogue import render_code, words
from site_gen.checker import CheckResult
from site_gen.kinds import BY_NAME, KINDS, PLANS, UNIT, Kind, Owner, kind_from_path
from site_gen.kinds.field_visit_plan import FieldVisitPlan
from site_gen.kinds.inspection_plan import InspectionPlan
from site_gen.kinds.organisation import Organisation
from site_gen.kinds.remediation_plan import RemediationPlan
from site_gen.kinds.survey_plan import SurveyPlan
from site_gen.model import LEADING_TYPES, Context, Record
from site_gen.problems import Problem
from site_gen.report import text as report_text
from site_gen.workspace import current_text, load

CODEOWNERS_PATH = ".github/CODEOWNERS"
SUBMISSIONS = "submissions"
REGISTER_KINDS = frozenset(kind.name for kind in KINDS if kind.owner is Owner.REGISTER)
# Record kinds issued by the Standing Committee and drafted by the department whose folder holds them.
ISSUED_KINDS = tuple(kind.name for kind in KINDS if kind.owner is Owner.ISSUED)
# The plan kinds, each issued by a document that may name its drafter and issuer.
ISSUED_PLANS = cast("tuple[Kind[FieldVisitPlan | InspectionPlan | RemediationPlan | SurveyPlan], ...]", PLANS)
# Kinds filed by every unit but approved by the register keeper (the list of cadres).
PERSONNEL_KINDS = tuple(kind.name for kind in KINDS if kind.owner is Owner.PERSONNEL)

# GitHub logins and organisation names: letters, digits and single inner hyphens, at most 39 characters.
_LOGIN = r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
USER_RE = re.compile(rf"@{_LOGIN}")
TEAM_RE = re.compile(rf"@(?P<org>{_LOGIN})/(?P<team>[A-Za-z0-9_][A-Za-z0-9._-]{{0,99}})")
# The patterns this module writes: "*" or an anchored path of plain segments; no spaces, "#", "!", "[", "]" or "\".
SEGMENT = r"(?:[A-Za-z0-9._-]+|\*)"
PATTERN_RE = re.compile(rf"\*|/{SEGMENT}(?:/{SEGMENT})*/?")


class Refused(Exception):
    """The file cannot be generated: a catalogue code and its parameters (exit 1)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Rule:
    pattern: str
    owners: tuple[str, ...]


@dataclass
class Section:
    title: str
    notes: list[str] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


# -- patterns -------------------------------------------------------------------


def pattern_regex(pattern: str) -> re.Pattern[str]:
    """The paths (relative, with "/") a CODEOWNERS pattern of this module matches, as GitHub reads it."""
    if pattern == "*":
        return re.compile(r".+")
    body = pattern.strip("/")
    parts = []
    for segment in body.split("/"):
        if segment == "**":
            parts.append(".*")
        else:
            parts.append("[^/]*".join(re.escape(piece) for piece in segment.split("*")))
    regex = "/".join(parts)
    if pattern.endswith("/"):
        return re.compile(regex + "/.+")  # a folder: everything under it
    if body.endswith("/*"):
        return re.compile(regex)  # "dir/*": the folder's own files only, not nested ones (GitHub's reading)
    return re.compile(regex + "(?:/.+)?")  # a file, or a folder of that name


def owners_for(path: str, rules: Sequence[Rule]) -> tuple[str, ...] | None:
    """Who owns ``path`` (relative to the repository): the last matching rule wins; None when nothing matches."""
    found: tuple[str, ...] | None = None
    for rule in rules:
        if pattern_regex(rule.pattern).fullmatch(path):
            found = rule.owners
    return found


def _layout_dir(kind: str) -> str:
    """The folder of a kind inside a unit's folder: "ke-hoach/{id}.yaml" -> "ke-hoach/"."""
    return BY_NAME[kind].path.split("{", 1)[0]


def _layout_glob(kind: str) -> str:
    """The kind's place with placeholders as "*": "khac-phuc/{year}/ke-hoach.yaml" -> "khac-phuc/*/ke-hoach.yaml"."""
    return re.sub(r"\{[a-z]+\}", "*", BY_NAME[kind].path)


def _owned_places(kinds: Iterable[str]) -> list[str]:
    """Patterns (inside a unit's folder) covering exactly the places of ``kinds``.

    A kind's whole folder when every kind stored there is one of ``kinds``
    (``kiem-tra/`` holds inspection plans and results), else its files only
    (``khac-phuc/*/ke-hoach.yaml``: the same folder holds progress reports).
    """
    wanted = set(kinds)
    out: set[str] = set()
    for kind in wanted:
        folder = _layout_dir(kind)
        shared_with = {other.name for other in KINDS if other.path.startswith(folder)}
        out.add(folder if folder.endswith("/") and shared_with <= wanted else _layout_glob(kind))
    return sorted(out)


# -- owners -----------------------------------------------------------------------


def approvers(ctx: Context, unit: str | None) -> tuple[str, ...]:
    record = ctx.units.get(unit) if unit else None
    return tuple(sorted(set(record.model.approvers))) if record else ()


def _maintainers(org: Organisation) -> tuple[str, ...]:
    """The repository's maintainers (``repository.maintainers``), none when the record names no repository."""
    return org.repository.maintainers if org.repository is not None else ()


def _union(*groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({owner for group in groups for owner in group}))


def repository_org(org: Record[Organisation]) -> str | None:
    """The GitHub organisation (or user) owning the repository, from ``repository.url``."""
    repository = org.model.repository
    url = repository.url if repository is not None else None
    if not url:
        return None
    parsed = urlparse(url)
    parts = [p for p in parsed.path.split("/") if p]
    if parsed.hostname not in ("github.com", "www.github.com") or not parts:
        return None
    return str(parts[0])


def validate_owner(owner: str, source: str, repo_org: str | None) -> None:
    """Raise :class:`Refused` for an owner GitHub would mark as invalid in CODEOWNERS."""
    team = TEAM_RE.fullmatch(owner)
    if team is None and USER_RE.fullmatch(owner) is None:
        raise Refused("setup.codeowners-owner-syntax", owner=owner, file=source)
    if team is not None and repo_org is not None and team["org"].lower() != repo_org.lower():
        raise Refused("setup.codeowners-owner-org", owner=owner, file=source, org=repo_org)


def validate_pattern(pattern: str) -> None:
    if PATTERN_RE.fullmatch(pattern) is None:
        raise Refused("setup.codeowners-pattern", pattern=pattern)


# -- the sections -------------------------------------------------------------------


def sections(ctx: Context, today: dt.date | None = None) -> list[Section]:
    """The rules, general to specific, each section with the comment lines that explain it.

    A unit dissolved or merged by ``today`` keeps its folder as history but no approval rights: its folder
    falls to the register keeper (section 2), who may still accept a correction of an old record."""
    today = today or dt.date.today()
    ended = {ident for ident, unit in ctx.units.items() if unit.model.dissolved is not None and unit.model.dissolved <= today}
    org = ctx.org
    if org is None:
        raise Refused("setup.codeowners-register-errors", errors=1, path=CODEOWNERS_PATH)
    keeper = org.model.register_owner
    leader = org.model.leadership_unit
    keeper_owners = approvers(ctx, keeper)
    leader_owners = approvers(ctx, leader)
    maintainers = tuple(sorted(set(_maintainers(org.model))))
    out: list[Section] = []

    wording = words("codeowners")
    tooling = Section(wording["tooling"])
    if maintainers:
        tooling.notes.append(wording["tooling_maintainers"].format(file=org.file))
        tooling.rules.append(Rule("*", maintainers))
    else:
        tooling.notes.append(wording["tooling_unowned"].format(file=org.file))
    out.append(tooling)

    default = Section(wording["default"].format(keeper=keeper))
    default.notes.append(wording["default_register_first"])
    if keeper_owners:
        default.rules.append(Rule(f"/{SUBMISSIONS}/", keeper_owners))
    else:
        default.notes.append(wording["default_unowned"].format(keeper=keeper))
    out.append(default)

    folders = Section(wording["folders"])
    missing = []
    for ident in sorted(ctx.units.keys() - ended):
        owners = approvers(ctx, ident)
        if owners:
            folders.rules.append(Rule(f"/{SUBMISSIONS}/{ident}/", owners))
        else:
            missing.append(ident)
    if missing:
        folders.notes.append(wording["folders_unowned"].format(units=", ".join(missing)))
    if ended:
        folders.notes.append(wording["folders_dissolved"].format(units=", ".join(sorted(ended))))
    out.append(folders)

    cadres = Section(wording["cadres"].format(keeper=keeper))
    cadres.notes.append(wording["cadres_why"])
    if keeper_owners:
        for place in _owned_places(PERSONNEL_KINDS):
            cadres.rules.append(Rule(f"/{SUBMISSIONS}/*/{place}", keeper_owners))
    out.append(cadres)

    issued = Section(wording["issued"].format(leader=leader or wording["issued_no_leader"]))
    issued.notes.append(wording["issued_why"])
    places = _owned_places(ISSUED_KINDS)
    for ident in sorted(ctx.units.keys() - ended):
        if ctx.unit_type(ident) not in LEADING_TYPES:
            continue
        owners = _union(approvers(ctx, ident), leader_owners)
        if owners:
            issued.rules.extend(Rule(f"/{SUBMISSIONS}/{ident}/{place}", owners) for place in places)
    out.append(issued)

    named = Section(wording["named"])
    for kind in ISSUED_PLANS:
        for record in sorted(ctx.table(kind).values(), key=lambda r: r.file):
            document = record.model.document
            drafter = document.drafted_by or record.folder
            issuer = document.issuer_unit or leader
            # a dissolved unit (a former committee's office) approves nothing: its plan falls to the keeper
            owners = _union(*(approvers(ctx, unit) for unit in (drafter, issuer) if unit not in ended))
            by_folder = _union(approvers(ctx, record.folder) if record.folder not in ended else (), leader_owners)
            if owners and owners != by_folder:
                named.rules.append(Rule(f"/{record.file}", owners))
                named.notes.append(wording["named_file"].format(file=record.file, drafter=drafter, issuer=issuer))
    if not named.rules:
        named.notes.append(wording["named_none"])
    out.append(named)

    register = Section(wording["register"].format(keeper=keeper))
    register.notes.append(wording["register_why_maintained"] if maintainers else wording["register_why"])
    if keeper_owners:
        register.rules.append(Rule(f"/{SUBMISSIONS}/{keeper}/{_layout_dir(UNIT.name)}", keeper_owners))
        register.rules.append(Rule(f"/{org.file}", keeper_owners))
    else:
        register.notes.append(wording["register_unowned"].format(keeper=keeper))
    out.append(register)
    return out


def render(ctx: Context, today: dt.date | None = None) -> str:
    """The CODEOWNERS text (validated: every owner and pattern is one GitHub accepts)."""
    parts = sections(ctx, today)
    org = ctx.org
    assert org is not None  # sections() refused otherwise
    repo_org = repository_org(org)
    for ident in sorted(ctx.units):
        for owner in ctx.units[ident].model.approvers:
            validate_owner(owner, ctx.units[ident].file, repo_org)
    for owner in _maintainers(org.model):
        validate_owner(owner, org.file, repo_org)
    rules = [rule for section in parts for rule in section.rules]
    for rule in rules:
        validate_pattern(rule.pattern)
    width = max((len(rule.pattern) for rule in rules), default=0)
    wording = words("codeowners")
    lines = [f"# {text}".rstrip() for text in words("codeowners_header").values()]
    lines.append("#")
    lines.append(f"# {wording['rules']}")
    lines.extend(f"# {section.title}" for section in parts)
    for section in parts:
        lines += ["", f"# == {section.title}"]
        lines += [f"# {note}" for note in section.notes]
        lines += [f"{rule.pattern:<{width}} {' '.join(rule.owners)}" for rule in section.rules]
    return "\n".join(lines) + "\n"


def parse(text: str) -> list[Rule]:
    """The rules of a CODEOWNERS text (comments and blank lines skipped)."""
    rules = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            pattern, *owners = stripped.split()
            rules.append(Rule(pattern, tuple(owners)))
    return rules


# -- the command --------------------------------------------------------------------


def register_problems(result: CheckResult) -> list[Problem]:
    """Problems in the organisation record or the register of units (or no organisation at all)."""
    out = []
    for problem in result.problems:
        if problem.file == SUBMISSIONS:
            out.append(problem)
            continue
        row = result.rows.get(problem.file)
        kind = (row[R_KIND] if row is not None else None) or kind_from_path(problem.file)
        if kind in REGISTER_KINDS:
            out.append(problem)
    return out


def generate(root: Path, lang: str = "vi", shown: str = CODEOWNERS_PATH) -> str:
    """Check the repository, refuse while the register has errors, and return the file's text."""
    return from_check(load(root, records=False).result, lang, shown)


def from_check(result: CheckResult, lang: str = "vi", shown: str = CODEOWNERS_PATH) -> str:
    """The file's text from a check, refused while the register has errors (the problems printed)."""
    problems = register_problems(result)
    errors = [p for p in problems if p.severity.value == "error"]
    if problems:
        # Errors refuse; warnings (approvers who are also submitters) are repeated, as check reports them.
        sys.stderr.write(report_text(errors or problems, result.checked, lang))
    if errors:
        raise Refused("setup.codeowners-register-errors", errors=len(errors), path=shown)
    return render(result.context)


def _shown(root: Path, path: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _say(code: str, params: dict[str, Any], lang: str, error: bool = False) -> None:
    _, message = render_code(code, params, lang)
    if error:
        print(f"site-gen: {message}", file=sys.stderr)
    else:
        print(message)


def run(root: Path, output: Path | None = None, check: bool = False, lang: str = "vi") -> int:
    """``site-gen codeowners``: write the file, or (``check``) compare it with the one on disk."""
    path = output if output is not None else root / CODEOWNERS_PATH
    shown = _shown(root, path)
    try:
        wanted = generate(root, lang, shown)
    except Refused as exc:
        _say(exc.code, exc.params, lang, error=True)
        return 1
    current = current_text(path)
    rules = len(parse(wanted))
    if check:
        if current == wanted:
            _say("setup.codeowners-current", {"path": shown}, lang)
            return 0
        code = "setup.codeowners-missing" if current is None else "setup.codeowners-stale"
        _say(code, {"path": shown}, lang, error=True)
        diff = difflib.unified_diff(
            (current or "").splitlines(keepends=True),
            wanted.splitlines(keepends=True),
            fromfile=shown if shown.startswith("/") else f"a/{shown}",
            tofile=shown if shown.startswith("/") else f"b/{shown}",
        )
        sys.stdout.writelines(diff)
        return 1
    if current == wanted:
        _say("setup.codeowners-unchanged", {"path": shown, "rules": rules}, lang)
        return 0
    write_files(root, {path: wanted.encode("utf-8")})  # whole or not at all (site_gen.atomic)
    _say("setup.codeowners-written", {"path": shown, "rules": rules}, lang)
    return 0
