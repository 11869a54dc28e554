"""papermill support: parameters injected into a Finch notebook as Finch assignments.

papermill has no entry-point group for translators, so the wheel registers this module as the
`papermill.engine` called `finch`: papermill imports it at start-up, which registers the
translator for the language `finch`. The engine itself is papermill's usual nbclient engine.

Values map to Finch as: None → `none`, booleans → `true`/`false`, numbers as written (`0.01`,
`-3`, `1e-05`), strings in double quotes with Finch's escapes, lists → `[a, b]`, tuples likewise,
and mappings → `record(key: value, …)`. Anything else, and what Finch cannot spell (a non-finite
number, a key that is not a Finch name), is an `UnsupportedParameter` naming the parameter.
`papermill --help-notebook` lists the `name = value  # help` lines of the `parameters` cell.
"""
import math
import re

from papermill.engines import NBClientEngine
from papermill.exceptions import PapermillException
from papermill.models import Parameter
from papermill.translators import Translator, papermill_translators

# The engine papermill registers as `finch`: the standard nbclient engine, unchanged.
Engine = NBClientEngine

# Finch's reserved words (Sources/FinchLanguage/Syntax/Keyword.swift): not usable as names.
KEYWORDS = {"and", "or", "not", "true", "false", "none", "for", "in", "if", "else"}
NAME = re.compile(r"[^\W\d]\w*\Z")
# A line of a parameters cell: `name = value`, perhaps with a `# help` comment.
ASSIGNMENT = re.compile(r'^(?P<name>[^\W\d]\w*)\s*=\s*(?P<value>(?:"(?:[^"\\]|\\.)*"|[^#])*?)\s*(?:#\s*(?P<help>.*?)\s*)?$')


class UnsupportedParameter(PapermillException):
    """A parameter whose value Finch has no literal for; the message names the parameter."""


def is_name(text):
    """Whether `text` is a Finch name: a letter or `_`, then letters, digits and `_`, not reserved."""
    return isinstance(text, str) and bool(NAME.match(text)) and text not in KEYWORDS


def quoted(text):
    """`text` as a Finch string literal (as FinchJSON's StringQuoting writes Finch strings)."""
    short = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return '"' + "".join(short.get(c) or (f"\\u{{{ord(c):x}}}" if ord(c) < 0x20 else c) for c in text) + '"'


def literal(value, where):
    """`value` as a Finch literal; `where` names it (`lr`, `opts.labels[0]`) in an error."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise UnsupportedParameter(f"parameter {where}: Finch has no literal for {value!r}")
        return repr(value)
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(item, f"{where}[{index}]") for index, item in enumerate(value)) + "]"
    if isinstance(value, dict):
        for key in value:
            if not is_name(key):
                raise UnsupportedParameter(f"parameter {where}: the key {key!r} is not a Finch name, so it cannot be a record field")
        return "record(" + ", ".join(f"{key}: {literal(item, f'{where}.{key}')}" for key, item in value.items()) + ")"
    raise UnsupportedParameter(
        f"parameter {where}: Finch has no value of type {type(value).__name__} "
        "(use a number, string, boolean, none, list or mapping)")


class FinchTranslator(Translator):
    """Writes papermill's parameters cell in Finch: a comment, then one `name = value` per line."""

    @classmethod
    def comment(cls, cmt_str):
        return f"# {cmt_str}".strip()

    @classmethod
    def codify(cls, parameters, comment="Parameters"):
        lines = [cls.comment(comment)]
        for name, value in parameters.items():
            if not is_name(name):
                raise UnsupportedParameter(f"parameter {name!r}: not a Finch name (a letter or _, then letters, digits and _; not a reserved word)")
            lines.append(cls.assign(name, literal(value, name)))
        return "\n".join(lines) + "\n"


    @classmethod
    def inspect(cls, parameters_cell):
        """The parameters a cell tagged `parameters` assigns, for `papermill --help-notebook`."""
        parameters = []
        for line in parameters_cell.source.splitlines():
            match = ASSIGNMENT.match(line.strip())
            if match and match["name"] not in KEYWORDS and match["value"]:
                parameters.append(Parameter(name=match["name"], inferred_type_name=type_name(match["value"]),
                                            default=match["value"], help=match["help"] or ""))
        return parameters


def type_name(value):
    """The Python type papermill names for a Finch literal's source; "None" when not a literal."""
    if re.fullmatch(r"-?\d+", value):
        return "int"
    if re.fullmatch(r"-?\d+(\.\d+)?([eE][+-]?\d+)?", value):
        return "float"
    kinds = {"true": "bool", "false": "bool", "none": "NoneType"}
    if value in kinds:
        return kinds[value]
    if value.startswith('"'):
        return "str"
    if value.startswith("["):
        return "list"
    return "dict" if value.startswith("record(") else "None"


papermill_translators.register("finch", FinchTranslator)
