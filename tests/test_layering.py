"""The import contracts of pyproject.toml: dependencies point one way, no cycles in an app."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", *options],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_project_keeps_every_import_contract():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr


def test_a_core_module_importing_another_app_breaks_the_layers(tmp_path):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    for package in ("config", "charter", "research", "roadmap", "governance"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "charter" / "board_pack.py").write_text("import roadmap\n")
    (tmp_path / "research" / "links.py").write_text("import governance\n")

    # The cycle contract's ignored imports name modules this bare tree lacks.
    result = lint_imports(tmp_path, "--contract", "layers")

    assert result.returncode != 0
    assert "charter is not allowed to import roadmap" in result.stdout
    assert "research is not allowed to import governance" in result.stdout
