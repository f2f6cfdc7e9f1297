"""The import contracts of pyproject.toml: dependencies point one way, no cycles in an app."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("config", "charter", "research", "roadmap", "governance")


def lint_imports(cwd: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _ini_value(value) -> str:
    return "".join(f"\n    {item}" for item in value) if isinstance(value, list) else str(value)


@pytest.fixture
def bare_tree(tmp_path):
    """Empty packages of the project's names, checked by its contracts.

    The contracts are copied without their ignored imports, which name modules a bare tree
    lacks; what they forbid is what is tested.
    """
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    lines = ["[importlinter]", f"root_packages = {_ini_value(settings['root_packages'])}"]
    for contract in settings["contracts"]:
        lines.append(f"[importlinter:contract:{contract['id']}]")
        lines += [
            f"{key} = {_ini_value(value)}"
            for key, value in contract.items()
            if key not in {"id", "ignore_imports"}
        ]
    (tmp_path / ".importlinter").write_text("\n".join(lines) + "\n")
    for package in PACKAGES:
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    return tmp_path


def test_the_project_keeps_every_import_contract():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_importing_another_app_breaks_the_layers(bare_tree):
    (bare_tree / "charter" / "board_pack.py").write_text("import roadmap\n")
    (bare_tree / "research" / "links.py").write_text("import governance\n")

    result = lint_imports(bare_tree, ".importlinter")

    assert result.returncode != 0
    assert "charter is not allowed to import roadmap" in result.stdout
    assert "research is not allowed to import governance" in result.stdout


def test_two_modules_of_an_app_importing_each_other_break_the_cycle_contract(bare_tree):
    (bare_tree / "governance" / "board.py").write_text("from governance import review\n")
    (bare_tree / "governance" / "review.py").write_text("from governance import board\n")

    result = lint_imports(bare_tree, ".importlinter")

    assert result.returncode != 0
    assert "No cycles are allowed in governance" in result.stdout
