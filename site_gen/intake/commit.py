"""A batch of records into the repository in one staged step: all that checks clean, or nothing.

Every file is written to a stage (the repository as it would be, made of
hard links, :class:`site_gen.atomic.Transaction`); the checker runs once
over it; a record that brings a new error is refused; what is accepted
moves into place together (a crash leaves the repository as it was or fully
updated), or, with ``out``, is written to another folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from site_gen.atomic import Transaction, write_files
from site_gen.checker import CheckResult, check_repository
from site_gen.problems import Problem


def _key(problem: Problem) -> tuple[str, str, str]:
    return (problem.file, problem.code, repr(problem.params))


@dataclass
class Committed:
    """What the staged check said and what was written."""

    errors: list[Problem] = field(default_factory=list)  # new errors: of the written files, or caused elsewhere
    refused: set[str] = field(default_factory=set)  # paths not written because of them
    accepted: list[str] = field(default_factory=list)  # paths written
    warnings: list[Problem] = field(default_factory=list)  # warnings of the written files


def _new_errors(root: Path, before: CheckResult, after: CheckResult, written: set[str]) -> list[Problem]:
    """The errors of the written files and those elsewhere that were not there before.

    ``before`` may be a read without rules: only when the stage shows an error
    in another file that the read does not explain are the rules run on the
    repository as it is, to tell an old error from one the new records cause.
    """
    old = {_key(p) for p in before.errors}
    if any(p.file not in written and _key(p) not in old for p in after.errors):
        old |= {_key(p) for p in check_repository(root, use_cache=False).errors}
    return [p for p in after.errors if p.file in written or _key(p) not in old]


def commit(root: Path, files: dict[str, bytes], before: CheckResult, partial: bool = False, out: Path | None = None) -> Committed:
    """Stage ``files`` (paths relative to ``root``), check once, write the accepted ones.

    A file with a new error is refused; an error the files cause elsewhere
    refuses them all. Without ``partial`` any refusal writes nothing.
    """
    result = Committed()
    with Transaction(root) as transaction:
        for path, data in files.items():
            transaction.put(path, data)
        after = check_repository(transaction.stage(), use_cache=False)
        written = set(files)
        result.errors = _new_errors(root, before, after, written)
        result.refused = {p.file for p in result.errors if p.file in written}
        if any(p.file not in written for p in result.errors):
            result.refused = set(written)
        if result.refused and not partial:
            result.refused = set(written)
            return result
        result.accepted = [path for path in files if path not in result.refused]
        for path in result.refused:
            transaction.drop(path)
        if out is None:
            transaction.commit()
        else:
            write_files(out, {out / path: files[path] for path in result.accepted}, transactional=False)
    accepted = set(result.accepted)
    result.warnings = [p for p in after.problems if p.file in accepted and p.severity.value == "warning"]
    return result
