"""What ``--commit`` puts in each commit: groups of rewritten files, with their messages.

One commit per project (the default) or per CODEOWNERS owner
(``--split-by owner``), so each service's owners review their own change.
A function converted to ``def`` and the callers rewritten with it always land
in the same commit, whatever the split: either commit alone would break
(:func:`linked_groups`, which ``--apply`` also uses to write them as one unit).
Nothing here touches git or the working tree; :mod:`codemods.vcs` makes the
commits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .models import Outcome
from .sourcefile import encode


class NoCodeowners(Exception):
    """``--split-by owner`` without a CODEOWNERS file."""


def commit_groups(
    repo: Any, files: list[Path], outcomes: list[Outcome], projects: list[Path], split_by: str
) -> list[Any]:
    """One :class:`~codemods.vcs.CommitGroup` per project or owner, in a stable order."""
    from .vcs import CommitGroup

    owners = codeowners(repo.root) if split_by == "owner" else None
    keys: dict[Path, str] = {}
    changed: dict[Path, Outcome] = {}
    for path, outcome, project in zip(files, outcomes, projects):
        if not outcome.result.changed or outcome.result.new_text is None:
            continue
        changed[path] = outcome
        if owners is not None:
            keys[path] = owners(repo.relative(path)) or "(no owner)"
        else:
            keys[path] = repo.relative(project) if project != repo.root else "."
    keys = _keep_callers_together(keys, changed)
    groups: dict[str, list[Path]] = {}
    for path, key in keys.items():
        groups.setdefault(key, []).append(path)
    made = []
    for key, members in sorted(groups.items()):
        lines = []
        for path in members:
            for finding in changed[path].result.findings:
                if finding.fixed:
                    lines.append(f"- {repo.relative(path)}:{finding.line} {finding.function} "
                                 f"({finding.kind.value}): {finding.fix.strategy.value}")
        title = f"fastapi-unblock: unblock async handlers in {key}"
        body = "\n".join(lines) or "- callers of functions converted to `def` in another commit"
        data = {repo.relative(p): encode(changed[p].result.new_text or "", changed[p].encoding) for p in members}
        made.append(CommitGroup(title, f"{title}\n\n{body}\n", data))
    return made


def _keep_callers_together(keys: dict[Path, str], changed: dict[Path, Outcome]) -> dict[Path, str]:
    """Files whose callers were rewritten join the group of the converted function's file."""
    joined: dict[str, str] = {}

    def root(key: str) -> str:
        while key in joined:
            key = joined[key]
        return key

    for group in linked_groups(list(changed.items())):
        roots = sorted({root(keys[path]) for path, _outcome in group})
        for other in roots[1:]:
            joined[other] = roots[0]
    return {path: root(key) for path, key in keys.items()}


def linked_groups(changed: list[tuple[Path, Outcome]]) -> list[list[tuple[Path, Outcome]]]:
    """Files that must change together (a function converted to ``def`` and its rewritten callers)."""
    position = {str(path): index for index, (path, _) in enumerate(changed)}
    leader = list(range(len(changed)))

    def find(index: int) -> int:
        while leader[index] != index:
            index = leader[index]
        return index

    for index, (_path, outcome) in enumerate(changed):
        for caller_file, _function in outcome.result.caller_requests:
            other = position.get(caller_file)
            if other is not None:
                leader[max(find(index), find(other))] = min(find(index), find(other))
    groups: dict[int, list[tuple[Path, Outcome]]] = {}
    for index, item in enumerate(changed):
        groups.setdefault(find(index), []).append(item)
    return list(groups.values())


def free_branch(repo: Any, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever does not exist yet."""
    name, index = base, 1
    while repo.branch_exists(name):
        index += 1
        name = f"{base}-{index}"
    return name


def codeowners(root: Path) -> Callable[[str], str | None]:
    """Owner lookup from CODEOWNERS (the last matching rule wins, as on GitHub)."""
    import pathspec

    for candidate in (root / "CODEOWNERS", root / ".github" / "CODEOWNERS", root / "docs" / "CODEOWNERS"):
        if candidate.is_file():
            break
    else:
        raise NoCodeowners("--split-by owner: no CODEOWNERS file (looked in ., .github/, docs/)")
    rules: list[tuple[Any, str]] = []
    for raw in candidate.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        rules.append((pathspec.PathSpec.from_lines("gitwildmatch", [pattern]), " ".join(owners)))

    def owner(relative: str) -> str | None:
        found = None
        for spec, who in rules:
            if spec.match_file(relative):
                found = who
        return found

    return owner
