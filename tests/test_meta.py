"""The documentation and the fixtures agree with the code.

README.md documents every rule code, fix strategy, command-line option and
JSON field; CHANGELOG.md names every strategy; CI runs exactly README's test
command; every Python file under ``testdata/`` compiles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fixtures import assert_compiles

from codemods.models import Strategy
from codemods.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = ROOT / "testdata"


def _read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


README = _read("README.md")
CHANGELOG = _read("CHANGELOG.md")
STRATEGIES = [s.value for s in Strategy if s is not Strategy.NONE]


@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_every_rule_code_is_in_readme(code: str) -> None:
    assert code in README


@pytest.mark.parametrize("rule", RULES, ids=[rule.code for rule in RULES])
def test_readme_rules_table_row_matches_rules_py(rule) -> None:  # type: ignore[no-untyped-def]
    rows = [line for line in README.splitlines() if line.startswith(f"| {rule.code} |")]
    assert len(rows) == 1, f"README's rules table needs exactly one row for {rule.code}"
    cells = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert cells[1] == rule.name
    assert cells[2] == f"`{rule.category}`"
    assert cells[4].startswith("on" if rule.default_enabled else "off")


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_every_strategy_is_in_readme(strategy: str) -> None:
    assert f"`{strategy}`" in README


@pytest.mark.parametrize("strategy", STRATEGIES)
def test_every_strategy_is_in_changelog(strategy: str) -> None:
    assert f"`{strategy}`" in CHANGELOG


def test_changelog_has_an_unreleased_section() -> None:
    assert CHANGELOG.startswith("# Changelog\n")
    assert re.search(r"^## \[Unreleased\]$", CHANGELOG, re.MULTILINE)
    assert "keepachangelog.com" in CHANGELOG


def test_every_command_line_option_is_in_readme() -> None:
    from codemods.cli import main

    options = [
        opt
        for command in main.commands.values()
        for param in command.params
        for opt in (*param.opts, *param.secondary_opts)
        if opt.startswith("-") and opt not in ("-h", "--help")
    ]
    assert "--apply" in options
    # A whole option: "`--all" inside "`--all-async`" does not document `rule --all`.
    missing = [opt for opt in options if not re.search(rf"`{re.escape(opt)}(?![\w-])", README)]
    assert not missing, f"options not documented in README.md: {missing}"


def test_every_json_field_is_in_readme() -> None:
    from codemods.environment import Environment
    from codemods.models import BlockingCall, Finding, FixPlan, Kind
    from codemods.report import Summary, environment_as_dict, finding_as_dict

    finding = Finding(
        path="a.py",
        line=1,
        column=1,
        function="f",
        kind=Kind.ROUTE,
        code="UNB100",
        message="m",
        calls=(BlockingCall("time.sleep", "UNB100", 2, 5),),
        fix=FixPlan(Strategy.NONE, False, "r"),
    )
    as_dict = finding_as_dict(finding)
    fields = {"version", "findings", "errors", "summary", "message", *as_dict, *Summary().as_dict()}
    fields |= set(as_dict["calls"][0]) | set(as_dict["fix"])
    environment = environment_as_dict(Environment(".venv", Path(".venv"), (Path("site-packages"),)), 0)
    assert environment is not None
    fields |= {"environment", *environment}
    missing = sorted(name for name in fields if f"`{name}`" not in README)
    assert not missing, f"JSON fields not documented in README.md: {missing}"
    kinds = [kind.value for kind in Kind if f"`{kind.value}`" not in README]
    assert not kinds, f"finding kinds not documented in README.md: {kinds}"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    script = _read(".ci/run").splitlines()
    assert script[0] == "#!/usr/bin/env bash" and "set -euo pipefail" in script
    marker = script.index('# README.md, "Run the tests":')
    commands = [line for line in script[marker + 1 :] if line.strip()]
    assert len(commands) == 3
    one_liner = " && ".join(commands)
    assert f"```sh\n{one_liner}\n```" in README


def test_readme_quick_start_runs_the_shipped_example() -> None:
    command = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/fastapi-unblock"
    assert f"```sh\n{command} examples/shop\n```" in README
    assert (ROOT / "examples" / "shop" / "main.py").is_file()


FIXTURE_FILES = sorted(TESTDATA.rglob("*.py"))


def test_there_are_fixture_files() -> None:
    names = {path.name for path in FIXTURE_FILES}
    assert {"input.py", "expected.py"} <= names


@pytest.mark.parametrize(
    "path", FIXTURE_FILES, ids=[path.relative_to(TESTDATA).as_posix() for path in FIXTURE_FILES]
)
def test_every_fixture_file_compiles(path: Path) -> None:
    # compile(), not ast.parse(): it also rejects `await` outside a function,
    # `return` outside a function and other errors the parser lets through.
    # Cases in syntax newer than the running Python: see fixtures.assert_compiles.
    assert_compiles(path.read_bytes(), str(path))


def test_readme_rules_table_is_the_generated_one() -> None:
    from codemods.rules import markdown_table

    assert markdown_table() in README, "regenerate README's rules table with `python -m codemods.rules`"


def test_the_code_is_lint_clean() -> None:
    """ruff with the project's settings (pyproject.toml), over the package and the tests."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "codemods", "tests", "benchmarks"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_package_type_checks_strictly() -> None:
    """mypy --strict (pyproject.toml) over the package."""
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "codemods"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
