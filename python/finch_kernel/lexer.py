"""A Pygments lexer for Finch, registered as `finch` by the wheel's `pygments.lexers` entry point,
so nbconvert's HTML, Sphinx and nbsphinx highlight Finch cells (the kernel's `language_info`
names it in `pygments_lexer`).

It follows the Finch lexer (Sources/FinchLanguage/Syntax/Lexer.swift): `#` comments to the end of
the line; double-quoted strings with the escapes \\n \\t \\r \\0 \\" \\\\ and \\u{…}; numbers
`12`, `0.5`, `3e-3` (`1..3` is a range of two numbers); the reserved words; and punctuation.
On top of the tokens it marks command names, a `label:` before a value, and a name called with `(`.
"""
from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text, Whitespace

# The commands a session starts with (CommandTable.standard; the integration suite checks this list
# against the kernel's `help`).
COMMANDS = (
    "activation", "ask", "attention", "classify", "clear", "compare", "compression", "continual", "copy", "corpus",
    "dataset", "dense", "display", "distill", "dropout", "embedding", "evaluate", "exit", "export", "factorize",
    "finetune", "generate", "help", "input", "layernorm", "lm_head", "load", "model", "plot", "pool", "positions",
    "predict", "pretrain", "print", "prompt", "prune", "quantize", "quit", "reconstruct", "regress", "repeat", "runs",
    "sample", "save", "seed", "sleep", "split", "summary", "table", "tasks", "tokenizer", "transformer", "warn",
)
# The words that introduce a command's prepositional arguments (`pretrain m on text`).
PREPOSITIONS = ("on", "to", "from", "through")
# Names start with a letter or `_` and go on with letters, digits and `_` (as in Lexer.swift).
NAME = r"[^\W\d]\w*"


class FinchLexer(RegexLexer):
    """Finch, the model-building language of the Finch Jupyter kernel."""

    name = "Finch"
    aliases = ["finch"]
    filenames = ["*.finch"]
    mimetypes = ["text/x-finch"]
    url = "https://pypi.org/project/finch-kernel/"

    tokens = {
        "root": [
            (r"[ \t\r]+", Whitespace),
            (r"\n", Whitespace),
            (r"#.*?$", Comment.Single),
            (r'"', String.Double, "string"),
            (r"\d+(\.\d+)?[eE][+-]?\d+", Number.Float),
            (r"\d+\.\d+", Number.Float),
            (r"\d+", Number.Integer),
            (words(("and", "or", "not"), suffix=r"\b"), Operator.Word),
            (words(("true", "false", "none"), suffix=r"\b"), Keyword.Constant),
            (words(("for", "in", "if", "else"), suffix=r"\b"), Keyword),
            (rf"({NAME})(:)", bygroups(Name.Attribute, Punctuation)),
            (rf"(\.)({NAME})", bygroups(Punctuation, Name.Attribute)),
            (rf"{NAME}(?=\()", Name.Function),
            (words(COMMANDS, suffix=r"\b"), Name.Builtin),
            (words(PREPOSITIONS, suffix=r"\b"), Keyword.Pseudo),
            (NAME, Name),
            (r"\.\.<|\.\.|==|!=|<=|>=|[-+*/%^<>=]", Operator),
            (r"[()\[\]{},;.]", Punctuation),
            (r".", Text),
        ],
        "string": [
            (r'\\(["\\ntr0]|u\{[0-9A-Fa-f]+\})', String.Escape),
            (r'[^"\\]+', String.Double),
            (r'"', String.Double, "#pop"),
            (r"\\", String.Double),
        ],
    }
