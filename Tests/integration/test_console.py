"""`jupyter console` ignores `update_display_data`, so a training cell must end with outputs of its
own: the console shows the run's table and loss plot, not only a frozen progress bar."""
import sys

import pexpect
import pytest

from conftest import KERNEL_NAME

PROMPT = r"In \[\d+\]: "


@pytest.fixture
def console():
    """`jupyter console` with the Finch kernel in a pseudo-terminal, at its first prompt."""
    child = pexpect.spawn(sys.executable, ["-m", "jupyter", "console", f"--kernel={KERNEL_NAME}", "--simple-prompt"],
                          encoding="utf-8", timeout=60, dimensions=(50, 120))
    child.expect(PROMPT)
    yield child
    child.sendline("exit")
    child.expect(pexpect.EOF, timeout=15)


def test_a_training_cell_shows_its_run_in_the_console(console):
    console.sendline('seed 1; spirals = dataset "spirals"; fit, held = split spirals [80, 20] stratify: true')
    console.expect(PROMPT)
    console.sendline("model net { input features: 2; dense 16 activation: tanh; classify classes: 3 }")
    console.expect(PROMPT)
    console.sendline("first = finetune net on fit epochs: 5 lr: 1e-2 validate: held")
    console.expect(PROMPT)
    shown = console.before
    assert "run first: finetune net (full)" in shown, shown
    assert "final loss" in shown and "accuracy" in shown, shown
    assert "first: loss" in shown, "the loss plot's text form is missing:\n" + shown


def test_a_cells_value_and_its_chart_both_show(console):
    console.sendline('plot [3, 2, 1.5, 1.2] title: "falling"')
    console.expect(PROMPT)
    assert "falling" in console.before
    assert "┤" in console.before, console.before
