"""docs/commands.md is generated from the commands' --help and must match it."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_reference_is_what_the_commands_say():
    spec = importlib.util.spec_from_file_location(
        "command_reference", ROOT / "scripts" / "command_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    assert written == module.reference(), (
        "docs/commands.md is out of date: run `.venv/bin/python scripts/command_reference.py`"
    )


def test_every_option_of_every_command_is_in_the_reference():
    from click import Context

    from kankei.cli import cli

    text = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    ctx = Context(cli, info_name="kankei")
    for name in cli.list_commands(ctx):
        assert f"## kankei {name}" in text
        for param in cli.get_command(ctx, name).params:
            for opt in param.opts:
                if opt.startswith("--"):
                    assert opt in text, f"{name} {opt}"
