"""Finch for Jupyter, as installed by pip: the bundled `finch` binary and its launcher, a Pygments
lexer for Finch (`lexer`), and a papermill translator (`papermill_translator`)."""
