"""The Python parts of the wheel, from the source tree: the Pygments lexer, the papermill
translator and the launcher's check of a broken install."""
import datetime
import re
import sys

import nbformat
import pytest
from papermill.models import Parameter
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from conftest import ROOT, run_cell

sys.path.insert(0, str(ROOT / "python"))
from finch_kernel import launcher  # noqa: E402
from finch_kernel.lexer import COMMANDS, FinchLexer  # noqa: E402
from finch_kernel.papermill_translator import FinchTranslator, UnsupportedParameter  # noqa: E402


def significant_tokens(code):
    """(token type, text) for `code`, without whitespace."""
    return [(kind, text) for kind, text in FinchLexer().get_tokens(code) if text.strip()]


def test_the_lexer_reads_comments_strings_numbers_keywords_and_commands():
    code = ('# a cell\nx = 6 * 7.5e-1  # note\nfor i in 1..3 { print i "of\\n" 3 sep: " = " }\n'
            'if x > 40 and not false { pre = pretrain body on train lr: 3e-3 }\nr = record(a: none).a\n')
    assert significant_tokens(code) == [
        (Comment.Single, "# a cell"),
        (Name, "x"), (Operator, "="), (Number.Integer, "6"), (Operator, "*"), (Number.Float, "7.5e-1"),
        (Comment.Single, "# note"),
        (Keyword, "for"), (Name, "i"), (Keyword, "in"), (Number.Integer, "1"), (Operator, ".."), (Number.Integer, "3"),
        (Punctuation, "{"), (Name.Builtin, "print"), (Name, "i"), (String.Double, '"'), (String.Double, "of"),
        (String.Escape, "\\n"), (String.Double, '"'), (Number.Integer, "3"), (Name.Attribute, "sep"), (Punctuation, ":"),
        (String.Double, '"'), (String.Double, " = "), (String.Double, '"'), (Punctuation, "}"),
        (Keyword, "if"), (Name, "x"), (Operator, ">"), (Number.Integer, "40"), (Operator.Word, "and"),
        (Operator.Word, "not"), (Keyword.Constant, "false"), (Punctuation, "{"), (Name, "pre"), (Operator, "="),
        (Name.Builtin, "pretrain"), (Name, "body"), (Keyword.Pseudo, "on"), (Name, "train"), (Name.Attribute, "lr"),
        (Punctuation, ":"), (Number.Float, "3e-3"), (Punctuation, "}"),
        (Name, "r"), (Operator, "="), (Name.Function, "record"), (Punctuation, "("), (Name.Attribute, "a"),
        (Punctuation, ":"), (Keyword.Constant, "none"), (Punctuation, ")"), (Punctuation, "."), (Name.Attribute, "a"),
    ]


def test_the_lexer_keeps_names_that_start_with_a_keyword_or_command_whole():
    assert significant_tokens("inputs printer notes") == [(Name, "inputs"), (Name, "printer"), (Name, "notes")]


def test_a_string_may_span_lines_and_hold_a_unicode_escape():
    assert significant_tokens('"a\nb\\u{1F600}"') == [
        (String.Double, '"'), (String.Double, "a\nb"), (String.Escape, "\\u{1F600}"), (String.Double, '"')]


def test_the_lexer_knows_every_command_of_the_kernel(kernel):
    _, client = kernel
    _, outputs = run_cell(client, "help")
    text = "".join(m["content"].get("text", "") + m["content"].get("data", {}).get("text/plain", "") for m in outputs)
    commands = text[text.index("Commands:\n"):text.index("Functions:\n")].splitlines()[1:]
    assert sorted(line.split()[0] for line in commands) == sorted(COMMANDS)


def test_papermill_parameters_become_finch_assignments():
    cell = FinchTranslator.codify({"lr": 0.01, "steps": -3, "name": 'a "b"\\\n\x01', "quick": True,
                                   "labels": [5, 10], "pair": (1.5, None), "opts": {"rank": 4, "targets": ["dense"]},
                                   "tiny": 1e-05, "empty": {}})
    assert cell == ('# Parameters\nlr = 0.01\nsteps = -3\nname = "a \\"b\\"\\\\\\n\\u{1}"\nquick = true\n'
                    'labels = [5, 10]\npair = [1.5, none]\nopts = record(rank: 4, targets: ["dense"])\n'
                    'tiny = 1e-05\nempty = record()\n')


@pytest.mark.parametrize("parameters, message", [
    ({"when": datetime.date(2026, 12, 1)}, "parameter when: Finch has no value of type date"),
    ({"opts": {"xs": [1, {2}]}}, "parameter opts.xs[1]: Finch has no value of type set"),
    ({"rate": float("nan")}, "parameter rate: Finch has no literal for nan"),
    ({"opts": {"two words": 1}}, "parameter opts: the key 'two words' is not a Finch name"),
    ({"for": 1}, "parameter 'for': not a Finch name"),
    ({"2x": 1}, "parameter '2x': not a Finch name"),
])
def test_a_parameter_finch_cannot_spell_is_an_error_naming_it(parameters, message):
    with pytest.raises(UnsupportedParameter, match="^" + re.escape(message)):
        FinchTranslator.codify(parameters)


def test_papermill_reads_the_parameters_cell_with_types_defaults_and_help():
    cell = nbformat.v4.new_code_cell('lr = 0.01  # learning rate\nsteps = -100\nname = "a # b"  # run name\n'
                                     'quick = false\nlabels = [5, 10]\nopts = record(rank: 4)\nx = none\n'
                                     'm = copy body head: classify(classes: 10)\n# a comment\nprint lr\nfor = 1\n')
    assert FinchTranslator.inspect(cell) == [
        Parameter("lr", "float", "0.01", "learning rate"), Parameter("steps", "int", "-100", ""),
        Parameter("name", "str", '"a # b"', "run name"), Parameter("quick", "bool", "false", ""),
        Parameter("labels", "list", "[5, 10]", ""), Parameter("opts", "dict", "record(rank: 4)", ""),
        Parameter("x", "NoneType", "none", ""), Parameter("m", "None", "copy body head: classify(classes: 10)", ""),
    ]


def test_a_broken_install_names_each_missing_file(tmp_path):
    (tmp_path / "bin").mkdir()
    (tmp_path / "lib").mkdir()
    (tmp_path / "bin" / "finch").write_text("")
    (tmp_path / "bin" / "finch").chmod(0o755)
    (tmp_path / "lib" / "libraries.txt").write_text("libzmq.so.5\nlibopenblas.so.0\n")
    (tmp_path / "lib" / "libopenblas.so.0").write_text("")
    assert launcher.missing_files(str(tmp_path)) == [str(tmp_path / "lib" / "libzmq.so.5")]
    with pytest.raises(launcher.BrokenInstall, match="libzmq.so.5"):
        launcher.check(str(tmp_path))
    (tmp_path / "bin" / "finch").unlink()
    (tmp_path / "lib" / "libraries.txt").unlink()
    assert launcher.missing_files(str(tmp_path)) == [str(tmp_path / "bin" / "finch"), str(tmp_path / "lib" / "libraries.txt")]


@pytest.mark.parametrize("script", sorted(p.name for p in (ROOT / "notebooks").glob("*.finch")))
def test_the_lexer_reads_every_character_of_the_shipped_scripts(script):
    code = (ROOT / "notebooks" / script).read_text()
    tokens = list(FinchLexer().get_tokens(code))
    assert "".join(text for _, text in tokens) == code  # Pygments ends the text with a newline; these end so.
    assert [text for kind, text in tokens if kind is Text and text.strip()] == []
