"""Finding the project's environment (codemods.environment) by reading files only.

Environments are built by hand in ``tmp_path`` (folders, ``pyvenv.cfg`` and
``*.dist-info`` folders; no interpreter): one test per lookup step and its
precedence, the layouts (POSIX, ``lib64``, Windows), interpreter paths and the
errors of a bad ``--python``. One test makes a real environment with
``python -m venv`` to show the real layout is found. The command-line tests
run ``python -m codemods`` in a subprocess, as ``test_cli.py`` does, and one of
them fills an environment with code that leaves a marker file if anything of
it ever runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from codemods.environment import (
    Distribution,
    Environment,
    PythonPathError,
    distributions,
    find_environment,
    installed_distributions,
    python_path,
)

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="symbolic links and execute bits")

HANDLER = (
    "import time\n"
    "\n"
    "from fastapi import FastAPI\n"
    "\n"
    "app = FastAPI()\n"
    "\n"
    "\n"
    '@app.get("/")\n'
    "async def index():\n"
    "    time.sleep(1)\n"
)


# -- fake environments ----------------------------------------------------------------------


def make_venv(folder: Path, *versions: str, cfg: str | None = "version = {0}.4", windows: bool = False) -> list[Path]:
    """A virtual environment's folders (no interpreter); its site-packages, one per version."""
    versions = versions or ("3.12",)
    folder.mkdir(parents=True, exist_ok=True)
    if cfg is not None:
        (folder / "pyvenv.cfg").write_text(f"home = /usr/bin\n{cfg.format(versions[0])}\n", encoding="utf-8")
    if windows:
        site = folder / "Lib" / "site-packages"
        site.mkdir(parents=True)
        return [site]
    found = []
    for version in versions:
        site = folder / "lib" / f"python{version}" / "site-packages"
        site.mkdir(parents=True)
        found.append(site)
    return found


def add_dist(site: Path, name: str, version: str = "1.0", *, top_level: list[str] | None = None,
             record: list[str] | None = None, metadata: bool = True) -> None:
    info = site / f"{name.replace('-', '_')}-{version}.dist-info"
    info.mkdir(parents=True)
    if metadata:
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n\nA description.\n",
                                       encoding="utf-8")
    if top_level is not None:
        (info / "top_level.txt").write_text("".join(f"{n}\n" for n in top_level), encoding="utf-8")
    lines = [*(record or ()), f"{info.name}/METADATA,,"]
    (info / "RECORD").write_text("".join(f"{line}\n" if "," in line else f"{line},,\n" for line in lines),
                                 encoding="utf-8")


def interpreter(folder: Path, name: str = "python") -> Path:
    """An interpreter file that is not one: running it would fail loudly (and nothing runs it)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\nexit 99\n", encoding="utf-8")
    path.chmod(0o755)
    return path


# -- each step of the lookup, and its precedence ---------------------------------------------


def test_nothing_found_is_none(tmp_path: Path) -> None:
    (tmp_path / ".venv").mkdir()  # no pyvenv.cfg: not a virtual environment
    assert find_environment(tmp_path, None, {}) is None


@pytest.mark.parametrize("name", [".venv", "venv"])
def test_a_venv_folder_in_the_project_root(tmp_path: Path, name: str) -> None:
    site = make_venv(tmp_path / name)
    assert find_environment(tmp_path, None, {}) == Environment(name, tmp_path / name, tuple(site))  # type: ignore[arg-type]


def test_dot_venv_comes_before_venv_and_needs_pyvenv_cfg(tmp_path: Path) -> None:
    make_venv(tmp_path / ".venv")
    make_venv(tmp_path / "venv")
    assert find_environment(tmp_path, None, {}).found_by == ".venv"  # type: ignore[union-attr]
    (tmp_path / ".venv" / "pyvenv.cfg").unlink()
    assert find_environment(tmp_path, None, {}).found_by == "venv"  # type: ignore[union-attr]


def test_virtual_env_comes_before_the_project_folder(tmp_path: Path) -> None:
    make_venv(tmp_path / "project" / ".venv")
    site = make_venv(tmp_path / "activated")
    found = find_environment(tmp_path / "project", None, {"VIRTUAL_ENV": str(tmp_path / "activated")})
    assert found == Environment("VIRTUAL_ENV", tmp_path / "activated", tuple(site))


def test_a_stale_virtual_env_is_passed_over(tmp_path: Path) -> None:
    make_venv(tmp_path / ".venv")
    found = find_environment(tmp_path, None, {"VIRTUAL_ENV": str(tmp_path / "deleted")})
    assert found is not None and found.found_by == ".venv"


def test_python_comes_first(tmp_path: Path) -> None:
    make_venv(tmp_path / ".venv")
    make_venv(tmp_path / "activated")
    site = make_venv(tmp_path / "chosen")
    env = {"VIRTUAL_ENV": str(tmp_path / "activated")}
    assert find_environment(tmp_path, tmp_path / "chosen", env) == Environment("--python", tmp_path / "chosen",
                                                                                tuple(site))


@posix_only
def test_an_interpreter_path_leads_to_its_environment_not_to_the_python_it_links_to(tmp_path: Path) -> None:
    site = make_venv(tmp_path / ".venv")
    base = interpreter(tmp_path / "base" / "bin", "python3.12")
    make_venv(tmp_path / "base", cfg=None)  # the base installation has a site-packages of its own
    (tmp_path / ".venv" / "bin").mkdir()
    (tmp_path / ".venv" / "bin" / "python").symlink_to(base)
    found = find_environment(tmp_path, tmp_path / ".venv" / "bin" / "python", {})
    assert found == Environment("--python", tmp_path / ".venv", tuple(site))
    base.unlink()  # a broken link: the environment's files are still there to read
    assert find_environment(tmp_path, tmp_path / ".venv" / "bin" / "python", {}) == found


def test_the_windows_layout(tmp_path: Path) -> None:
    site = make_venv(tmp_path / ".venv", windows=True)
    python = interpreter(tmp_path / ".venv" / "Scripts", "python.exe")
    assert find_environment(tmp_path, None, {}) == Environment(".venv", tmp_path / ".venv", tuple(site))
    assert find_environment(tmp_path, python, {}) == Environment("--python", tmp_path / ".venv", tuple(site))
    # A Windows installation, not a virtual environment: python.exe next to Lib\site-packages.
    installed = make_venv(tmp_path / "Python312", cfg=None, windows=True)
    found = find_environment(tmp_path, interpreter(tmp_path / "Python312", "python.exe"), {})
    assert found == Environment("--python", tmp_path / "Python312", tuple(installed))


@posix_only
def test_a_bare_interpreter_name_is_looked_up_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_venv(tmp_path / "env", "3.11", "3.12", cfg=None)
    interpreter(tmp_path / "env" / "bin", "python3.11")
    monkeypatch.chdir(tmp_path)
    found = find_environment(tmp_path, Path("python3.11"), {"PATH": str(tmp_path / "env" / "bin")})
    # No pyvenv.cfg: the interpreter's name says which version's site-packages.
    assert found == Environment("--python", tmp_path / "env", (site[0],))
    with pytest.raises(PythonPathError, match=r"python3\.11: no such file or folder, and no such command on PATH"):
        find_environment(tmp_path, Path("python3.11"), {"PATH": str(tmp_path / "elsewhere")})


# -- layouts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("cfg", "expected"), [
    ("version = 3.10.2", "3.10"),                    # venv
    ("version_info = 3.9.18.final.0", "3.9"),        # virtualenv
    ("prompt = x", "3.10"),                          # no version: the newest (3.10 > 3.9)
    ("version = 3.13.0", "3.10"),                    # a version with no folder: the newest
])
def test_the_version_pyvenv_cfg_names_wins(tmp_path: Path, cfg: str, expected: str) -> None:
    make_venv(tmp_path / ".venv", "3.9", "3.10", cfg=cfg)
    found = find_environment(tmp_path, None, {})
    assert found is not None
    assert found.site_packages == (tmp_path / ".venv" / "lib" / f"python{expected}" / "site-packages",)


@posix_only
def test_lib64_counts_once_when_it_links_to_lib(tmp_path: Path) -> None:
    site = make_venv(tmp_path / ".venv")
    (tmp_path / ".venv" / "lib64").symlink_to("lib")
    assert find_environment(tmp_path, None, {}).site_packages == tuple(site)  # type: ignore[union-attr]


def test_lib64_of_its_own_is_a_second_folder(tmp_path: Path) -> None:
    site = make_venv(tmp_path / ".venv", "3.13t")  # a free-threaded build's folder
    platlib = tmp_path / ".venv" / "lib64" / "python3.13t" / "site-packages"
    platlib.mkdir(parents=True)
    assert find_environment(tmp_path, None, {}).site_packages == (*site, platlib)  # type: ignore[union-attr]


# -- a bad --python ----------------------------------------------------------------------------


def test_a_python_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    make_venv(tmp_path / ".venv")  # not a fallback: the user asked for something else
    missing = tmp_path / "nowhere" / "bin" / "python"
    with pytest.raises(PythonPathError, match="no such file or folder") as raised:
        find_environment(tmp_path, missing, {})
    assert str(missing) in str(raised.value)


def test_a_python_without_site_packages_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "pyvenv.cfg").write_text("version = 3.12.1\n", encoding="utf-8")
    python = interpreter(tmp_path / "broken" / "bin")
    for given in (python, tmp_path / "broken"):
        with pytest.raises(PythonPathError, match="no site-packages folder in") as raised:
            find_environment(tmp_path, given, {})
        assert str(given) in str(raised.value) and str(tmp_path / "broken") in str(raised.value)


def test_python_path_is_relative_to_its_base_unless_a_bare_command(tmp_path: Path) -> None:
    (tmp_path / "venv").mkdir()
    assert python_path(".venv/bin/python", tmp_path) == tmp_path / ".venv" / "bin" / "python"
    assert python_path("venv", tmp_path) == tmp_path / "venv"
    assert python_path("python3.12", tmp_path) == Path("python3.12")
    assert python_path(tmp_path / "x", Path("/elsewhere")) == tmp_path / "x"


# -- what is installed --------------------------------------------------------------------------


def test_installed_distributions_from_top_level_txt_or_record(tmp_path: Path) -> None:
    site = make_venv(tmp_path / ".venv")[0]
    add_dist(site, "PyYAML", "6.0.2", top_level=["_yaml", "yaml"], record=["yaml/__init__.py"])
    add_dist(site, "typing_extensions", "4.12.0", record=["typing_extensions.py", "__pycache__/x.pyc"])
    add_dist(site, "httpx", "0.28.1", record=["httpx/__init__.py", "httpx/_client.py", "../../../bin/httpx"])
    add_dist(site, "acme", "0.1", record=["__editable___acme_0_1_finder.py", "__editable__.acme-0.1.pth"])
    add_dist(site, "broken", "1.0", metadata=False, record=["broken/__init__.py"])
    yaml = Distribution("PyYAML", "6.0.2", ("_yaml", "yaml"))
    assert installed_distributions([site]) == {
        "_yaml": yaml,
        "yaml": yaml,
        "typing_extensions": Distribution("typing_extensions", "4.12.0", ("typing_extensions",)),
        "httpx": Distribution("httpx", "0.28.1", ("httpx",)),
    }
    assert [d.name for d in distributions([site])] == ["acme", "httpx", "PyYAML", "typing_extensions"]


def test_egg_info_namespace_packages_and_the_first_folder_winning(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    add_dist(first, "google-api-core", "2.0", top_level=["google"])
    add_dist(first, "protobuf", "5.0", top_level=["google"])
    add_dist(second, "protobuf", "4.0", top_level=["google"])
    egg = second / "legacy.egg-info"
    egg.mkdir()
    (egg / "PKG-INFO").write_text("Metadata-Version: 1.0\nName: legacy\nVersion: 0.9\n", encoding="utf-8")
    (egg / "top_level.txt").write_text("legacy\n", encoding="utf-8")
    installed = installed_distributions([first, second])
    assert installed["google"] == Distribution("google-api-core", "2.0", ("google",))  # by name, not folder order
    assert installed["legacy"] == Distribution("legacy", "0.9", ("legacy",))
    assert [(d.name, d.version) for d in distributions([first, second])] == [
        ("google-api-core", "2.0"), ("legacy", "0.9"), ("protobuf", "5.0")]


def test_a_real_virtual_environment(tmp_path: Path) -> None:
    """``python -m venv`` (no pip, no network): the folders found are the ones its interpreter uses."""
    venv = tmp_path / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    # Asking the real interpreter is fine here: this is the test, not the tool.
    asked = subprocess.run([str(_venv_python(venv)), "-c", "import json, site; print(json.dumps(site.getsitepackages()))"],
                           capture_output=True, text=True, check=True, timeout=60)
    real = {Path(p).resolve() for p in json.loads(asked.stdout) if Path(p).is_dir()}
    found = find_environment(tmp_path, None, {})
    assert found is not None and found.found_by == ".venv" and found.path == venv
    assert {p.resolve() for p in found.site_packages} == real
    assert find_environment(tmp_path, _venv_python(venv), {}) == Environment("--python", venv, found.site_packages)


def _venv_python(venv: Path) -> Path:
    return venv / "Scripts" / "python.exe" if os.name == "nt" else venv / "bin" / "python"


# -- the command line ---------------------------------------------------------------------------


def cli(*args: str | Path, cwd: Path, env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "NO_COLOR", "FORCE_COLOR")}
    environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    environ["FASTAPI_UNBLOCK_CACHE_DIR"] = str(cwd / ".cache-unblock")
    environ.update(env or {})
    return subprocess.run([sys.executable, "-m", "codemods", *map(str, args)], cwd=cwd, env=environ,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300, check=False)


def summary(proc: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    assert proc.returncode == 1, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return json.loads(proc.stdout)["summary"]  # type: ignore[no-any-return]


def project(folder: Path, pyproject: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text(f'[project]\nname = "shop"\n{pyproject}', encoding="utf-8")
    (folder / "main.py").write_text(HANDLER, encoding="utf-8")
    return folder


def test_json_summary_names_the_environment(tmp_path: Path) -> None:
    root = project(tmp_path / "shop")
    site = make_venv(root / ".venv")[0]
    add_dist(site, "requests", "2.32.3", top_level=["requests"])
    add_dist(site, "fastapi", "0.115.0", record=["fastapi/__init__.py"])
    expected = {"found_by": ".venv", "path": str(root / ".venv"), "site_packages": [str(site)], "distributions": 2}
    document = summary(cli("--format", "json", "shop", cwd=tmp_path))
    assert document["environment"] == expected
    assert document["projects"]["shop"]["environment"] == expected
    # $VIRTUAL_ENV comes before .venv; --python before both, relative to the current folder.
    other = make_venv(tmp_path / "other")[0]
    activated = summary(cli("--format", "json", "shop", cwd=tmp_path, env={"VIRTUAL_ENV": str(tmp_path / "other")}))
    assert activated["environment"] == {"found_by": "VIRTUAL_ENV", "path": str(tmp_path / "other"),
                                        "site_packages": [str(other)], "distributions": 0}
    chosen = summary(cli("--format", "json", "--python", "shop/.venv", "shop", cwd=tmp_path,
                         env={"VIRTUAL_ENV": str(tmp_path / "other")}))
    assert chosen["environment"] == {**expected, "found_by": "--python"}


def test_no_deps_and_deps_false_look_for_nothing(tmp_path: Path) -> None:
    root = project(tmp_path / "shop")
    make_venv(root / ".venv")
    assert summary(cli("--format", "json", "--no-deps", "shop", cwd=tmp_path))["environment"] is None
    (root / "pyproject.toml").write_text("[tool.fastapi-unblock]\ndeps = false\n", encoding="utf-8")
    assert summary(cli("--format", "json", "shop", cwd=tmp_path))["environment"] is None
    found = summary(cli("--format", "json", "--python", "shop/.venv", "shop", cwd=tmp_path))["environment"]
    assert found["found_by"] == "--python"  # an explicit --python wins over the table's deps = false


def test_projects_with_environments_of_their_own(tmp_path: Path) -> None:
    make_venv(project(tmp_path / "alpha") / ".venv")
    project(tmp_path / "beta")
    document = summary(cli("--format", "json", "alpha", "beta", cwd=tmp_path))
    assert document["environment"] is None  # they disagree: each project says its own
    assert document["projects"]["alpha"]["environment"]["path"] == str(tmp_path / "alpha" / ".venv")
    assert document["projects"]["beta"]["environment"] is None


def test_the_python_setting_is_relative_to_its_pyproject(tmp_path: Path) -> None:
    root = project(tmp_path / "shop", '\n[tool.fastapi-unblock]\npython = "envs/app"\n')
    site = make_venv(root / "envs" / "app")[0]
    found = summary(cli("--format", "json", "shop", cwd=tmp_path))["environment"]
    assert (found["found_by"], found["site_packages"]) == ("--python", [str(site)])


@pytest.mark.parametrize(("args", "words"), [
    (("--python", "missing/bin/python"), ["missing/bin/python", "no such file or folder"]),
    (("--python", "empty"), ["empty", "no site-packages folder"]),
    (("--python", "empty", "--no-deps"), ["--python and --no-deps"]),
])
def test_a_bad_python_is_a_usage_error(tmp_path: Path, args: tuple[str, ...], words: list[str]) -> None:
    project(tmp_path)
    (tmp_path / "empty").mkdir()
    proc = cli(*args, ".", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert "Usage:" in proc.stderr and "Traceback" not in proc.stderr
    assert all(word in proc.stderr for word in words), proc.stderr


@pytest.mark.parametrize(("table", "words"), [
    ('python = "nowhere"', ["pyproject.toml", "python", "nowhere: no such file or folder"]),
    ("deps = 1", ["pyproject.toml", "deps", "expected true or false"]),
])
def test_a_bad_setting_names_the_file_and_the_key(tmp_path: Path, table: str, words: list[str]) -> None:
    project(tmp_path, f"\n[tool.fastapi-unblock]\n{table}\n")
    proc = cli(".", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert all(word in proc.stderr for word in words), proc.stderr


@posix_only
def test_nothing_in_the_environment_is_ever_run(tmp_path: Path) -> None:
    """The interpreter, sitecustomize, .pth files and the packages the project imports stay unrun."""
    markers = tmp_path / "markers"
    markers.mkdir()

    def marker(label: str) -> str:
        return f"import pathlib; pathlib.Path({str(markers / label)!r}).write_text('ran')\n"

    root = project(tmp_path / "shop")
    (root / "main.py").write_text("import evilpkg\n" + HANDLER, encoding="utf-8")
    site = make_venv(root / ".venv")[0]
    for name in ("sitecustomize", "usercustomize"):
        (site / f"{name}.py").write_text(marker(name), encoding="utf-8")
    (site / "evil.pth").write_text(marker("pth"), encoding="utf-8")  # a .pth line starting `import` runs
    (site / "evilpkg").mkdir()
    (site / "evilpkg" / "__init__.py").write_text(marker("package"), encoding="utf-8")
    add_dist(site, "evilpkg", "1.0", record=["evilpkg/__init__.py", "evil.pth"])
    bin_folder = root / ".venv" / "bin"
    bin_folder.mkdir()
    for name in ("python", "python3", "python3.12"):
        (bin_folder / name).write_text(f"#!/bin/sh\ntouch {markers / name}\n", encoding="utf-8")
        (bin_folder / name).chmod(0o755)
    found = summary(cli("--format", "json", "shop", cwd=tmp_path))["environment"]
    assert (found["found_by"], found["distributions"]) == (".venv", 1)
    for python in ("shop/.venv/bin/python", "python3.12"):
        found = summary(cli("--format", "json", "--python", python, "shop", cwd=tmp_path,
                            env={"PATH": f"{bin_folder}{os.pathsep}{os.environ.get('PATH', '')}"}))["environment"]
        assert found["path"] == str(root / ".venv")
    assert list(markers.iterdir()) == []
