"""The project's formatter and import-sorter settings, read where ruff, black, isort and flake8 keep them."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods.config import (
    first_party_packages,
    force_single_line,
    force_sort_within_sections,
    formatter_line_length,
    known_first_party,
    own_package,
)

FILES = {
    "ruff.toml": ("line-length = 100\n[lint.isort]\nknown-first-party = ['core']\nforce-single-line = true\n"),
    "pyproject-ruff": ("[tool.ruff]\nline-length = 100\n[tool.ruff.lint.isort]\nknown-first-party = ['core']\n"
                       "force-single-line = true\n"),
    "pyproject-isort": "[tool.black]\nline-length = 100\n[tool.isort]\nknown_first_party = ['core']\nforce_single_line = true\n",
    "setup.cfg": "[flake8]\nmax-line-length = 100\n[isort]\nknown_first_party = core\nforce_single_line = True\n",
    ".isort.cfg + tox.ini": None,
}


def _write(folder: Path, kind: str) -> None:
    if kind == ".isort.cfg + tox.ini":
        (folder / "tox.ini").write_text("[flake8]\nmax-line-length = 100\n", encoding="utf-8")
        (folder / ".isort.cfg").write_text("[settings]\nknown_first_party = core\nprofile = google\n", encoding="utf-8")
        return
    name = "pyproject.toml" if kind.startswith("pyproject") else kind
    (folder / name).write_text(FILES[kind] or "", encoding="utf-8")


@pytest.mark.parametrize("kind", list(FILES))
def test_each_place_a_project_keeps_its_settings(kind: str, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    service = tmp_path / "services" / "api"
    service.mkdir(parents=True)
    _write(tmp_path, kind)  # at the repository's root: a member project uses it too
    assert formatter_line_length(service) == 100
    assert known_first_party(service) == frozenset({"core"})
    assert force_single_line(service) is True


def test_defaults_without_settings(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert formatter_line_length(tmp_path) == 88
    assert known_first_party(tmp_path) == frozenset()
    assert force_single_line(tmp_path) is False


def test_the_nearest_folder_wins_and_the_repository_root_bounds_the_search(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff.lint.isort]\nforce-single-line = true\n", encoding="utf-8")
    repository = tmp_path / "repo"
    (repository / ".git").mkdir(parents=True)
    member = repository / "member"
    member.mkdir()
    assert force_single_line(member) is False  # above the repository: not the project's
    (member / "pyproject.toml").write_text("[tool.isort]\nprofile = 'black'\n", encoding="utf-8")
    (repository / "pyproject.toml").write_text("[tool.isort]\nprofile = 'google'\n", encoding="utf-8")
    assert force_single_line(member) is False
    assert force_single_line(repository) is True


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("ruff.toml", "[lint.isort]\nforce-sort-within-sections = true\n", True),
    ("pyproject.toml", "[tool.isort]\nforce_sort_within_sections = true\n", True),
    (".isort.cfg", "[settings]\nprofile = google\n", True),
    ("pyproject.toml", "[tool.isort]\nprofile = 'black'\n", False),
])
def test_sorting_import_and_from_lines_together(name: str, text: str, expected: bool, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert force_sort_within_sections(tmp_path) is expected


def test_first_party_is_read_from_the_folder_of_the_sorter_s_configuration(tmp_path: Path) -> None:
    """ruff finds first-party modules in its ``src`` folders, relative to the configuration it
    reads: for a workspace member with no ``[tool.ruff]`` of its own, the repository's root
    (``app`` there is first-party, the member's own folders are not); ``src`` may name others."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    member = tmp_path / "app" / "desktop"
    (member / "git_sync").mkdir(parents=True)
    (member / "pyproject.toml").write_text("[project]\nname = 'desktop'\n", encoding="utf-8")
    (tmp_path / "libs" / "server" / "shared_server").mkdir(parents=True)
    assert "app" in first_party_packages(member) and "git_sync" not in first_party_packages(member)
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nsrc = ['.', 'libs/*']\n", encoding="utf-8")
    assert {"app", "shared_server"} <= first_party_packages(member)
    (member / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert "git_sync" in first_party_packages(member) and "app" not in first_party_packages(member)


def test_a_file_s_own_top_level_package_is_first_party_in_it(tmp_path: Path) -> None:
    """ruff's ``detect-same-package``: in ``libs/server/shared/api/routes.py`` the imports of
    ``shared`` are first-party, though ``libs/server`` is not among ruff's ``src`` folders."""
    package = tmp_path / "libs" / "server" / "shared" / "api"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package.parent / "__init__.py").write_text("", encoding="utf-8")
    assert own_package(package / "routes.py") == frozenset({"shared"})
    assert own_package(tmp_path / "script.py") == frozenset()
