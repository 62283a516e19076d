"""Every CLI command is documented in the README, and the README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from hadath.cli import _iter_commands

ROOT = Path(__file__).resolve().parents[1]


def test_docs_every_cli_command_in_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in _iter_commands():
        assert f"### `hadath {name}" in readme, f"`hadath {name}` is not documented in README.md"


def test_docs_readme_make_targets_exist() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for target in re.findall(r"^make (\w+)", readme, flags=re.M):
        assert re.search(rf"^{target}:", makefile, flags=re.M), f"make {target} is in README but not in Makefile"


def test_docs_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", ci, flags=re.M)


def test_docs_schema_documents_token_fields() -> None:
    schema = (ROOT / "docs" / "schema.md").read_text("utf-8")
    from hadath.model import Token

    for field in Token.__dataclass_fields__:
        assert f"`{field}`" in schema or f"`{field}`," in schema, field
