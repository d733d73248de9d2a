"""The click entry point: --help on every command, and clear errors for bad input."""
from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from zorgspiegel.cli import main


def _commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield prefix + (name,)
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))


@pytest.mark.parametrize("path", [()] + list(_commands(main)), ids=lambda p: " ".join(p) or "main")
def test_every_command_has_help(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output and "--help" in result.output


@pytest.mark.parametrize("years", ["2023-2019", "abc", "1990-1991"])
def test_generate_rejects_bad_years(years, tmp_path):
    result = CliRunner().invoke(main, ["generate", "--years", years, "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "years" in result.output.lower() or "use yyyy" in result.output.lower()


def test_generate_refuses_a_non_empty_output_folder(tmp_path):
    (tmp_path / "old.txt").write_text("x")
    result = CliRunner().invoke(main, ["generate", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "not empty" in result.output
