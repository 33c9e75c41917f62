"""Everything git: the only module that imports GitPython.

- which files to look at (tracked and untracked-not-ignored ``.py`` files, so
  ``.gitignore`` is honoured the way git honours it);
- which changed since a revision (the CI mode);
- which have uncommitted changes (``--apply`` refuses to overwrite them);
- one commit per group of rewritten files on a new branch, built with git's
  plumbing in a temporary index: the user's branch, index and working tree
  are never touched, so a failure half-way leaves nothing behind but, at
  most, unreferenced objects that ``git gc`` collects.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class VcsError(Exception):
    """A git operation failed; the message says which and why."""


@dataclass(frozen=True)
class CommitGroup:
    """Files (repository-relative path -> new bytes) to commit together, and the message."""

    title: str
    message: str
    files: dict[str, bytes]


def _may_be_in_git(folder: Path) -> bool:
    """Whether git could find a repository from ``folder``: a ``.git`` folder or file (a worktree's,
    a submodule's) in it or above, or ``GIT_DIR`` naming one. ``False`` is certain; ``True`` is
    for GitPython to confirm."""
    if os.environ.get("GIT_DIR"):
        return True
    return any(os.path.lexists(os.path.join(place, ".git")) for place in (folder, *folder.parents))


class Repository:
    def __init__(self, repo: object, root: Path) -> None:
        self._repo = repo
        self.root = root

    @classmethod
    def find(cls, start: Path) -> Repository | None:
        """The git repository holding ``start``, or ``None`` outside git (or without git)."""
        folder = start if start.is_dir() else start.parent
        if not _may_be_in_git(folder):
            return None  # GitPython takes longer to import (~40 ms) than a warm run takes to read its cache
        try:
            import git
        except ImportError:  # pragma: no cover - GitPython is a dependency, git may be missing
            return None
        try:
            repo = git.Repo(folder, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError, git.GitCommandNotFound):
            return None
        if repo.bare or repo.working_tree_dir is None:
            return None
        return cls(repo, Path(repo.working_tree_dir).resolve())

    def _git(self, *args: str, env: dict[str, str] | None = None) -> str:
        import git

        try:
            return self._repo.git.execute(["git", *args], env=env)  # type: ignore[attr-defined, no-any-return]
        except git.GitCommandError as error:
            raise VcsError(f"git {args[0]} failed: {str(error.stderr).strip() or error}") from error

    def python_files(self, paths: Iterable[Path]) -> list[Path]:
        """Tracked and untracked-not-ignored ``.py`` files under ``paths``, as absolute paths."""
        specs = [os.path.relpath(p.resolve(), self.root) for p in paths]
        out = self._git("ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", *specs)
        seen: dict[Path, None] = {}
        for name in out.split("\0"):
            if name.endswith(".py"):
                path = self.root / name
                if path.is_file():
                    seen[path] = None
        return list(seen)

    def changed_since(self, revision: str) -> set[Path]:
        """Files that differ from ``revision`` in the working tree, plus untracked ones."""
        self._git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        changed = self._git("diff", "--name-only", "-z", revision, "--").split("\0")
        untracked = self._git("ls-files", "--others", "--exclude-standard", "-z").split("\0")
        return {(self.root / name).resolve() for name in (*changed, *untracked) if name}

    def dirty(self, files: Iterable[Path]) -> list[Path]:
        """Which of ``files`` have uncommitted changes (staged, unstaged or untracked)."""
        wanted = [os.path.relpath(p.resolve(), self.root) for p in files]
        if not wanted:
            return []
        out = self._git("status", "--porcelain", "-z", "--untracked-files=all", "--", *wanted)
        dirty: list[Path] = []
        entries = out.split("\0")
        index = 0
        while index < len(entries):
            entry = entries[index]
            index += 1
            if len(entry) < 4:
                continue
            if entry[0] in "RC":  # a rename carries its source path in the next entry
                index += 1
            dirty.append((self.root / entry[3:]).resolve())
        return dirty

    def relative(self, path: Path) -> str:
        return Path(os.path.relpath(path.resolve(), self.root)).as_posix()

    def branch_exists(self, name: str) -> bool:
        try:
            self._git("rev-parse", "--verify", "--quiet", f"refs/heads/{name}")
        except VcsError:
            return False
        return True

    def commit_on_new_branch(self, branch: str, groups: list[CommitGroup]) -> list[str]:
        """One commit per group, chained on ``HEAD``, on a new branch; returns the commit ids."""
        if self.branch_exists(branch):
            raise VcsError(f"branch {branch!r} already exists; choose another with --branch")
        self._git("check-ref-format", "--branch", branch)
        parent = self._git("rev-parse", "HEAD").strip()
        commits: list[str] = []
        with tempfile.TemporaryDirectory(prefix="fastapi-unblock-") as folder:
            env = {**os.environ, "GIT_INDEX_FILE": str(Path(folder) / "index")}
            self._git("read-tree", parent, env=env)
            for group in groups:
                for name, data in sorted(group.files.items()):
                    blob = self._store_blob(name, data, folder)
                    mode = self._mode(name, env)
                    self._git("update-index", "--add", "--cacheinfo", f"{mode},{blob},{name}", env=env)
                tree = self._git("write-tree", env=env).strip()
                parent = self._git("commit-tree", tree, "-p", parent, "-m", group.message, env=env).strip()
                commits.append(parent)
        self._git("branch", branch, parent)
        return commits

    def _store_blob(self, name: str, data: bytes, folder: str) -> str:
        """Store ``data`` as git add would: through .gitattributes (eol, filters) for ``name``."""
        staged = Path(folder) / "blob"
        staged.write_bytes(data)
        return self._git("hash-object", "-w", f"--path={name}", str(staged)).strip()

    def _mode(self, name: str, env: dict[str, str]) -> str:
        listed = self._git("ls-files", "-s", "--", name, env=env).split()
        return listed[0] if listed else "100644"
