#!/usr/bin/env python3
"""Builds a notebook from a Finch script with cell markers, and runs it with the Finch kernel.

A script is split at `# %%` lines: `# %% [markdown]` starts a Markdown cell whose lines are
comments (`# ` removed), a bare `# %%` starts a code cell. So the same file runs as a script
(`finch run`, where the markers are comments) and as a notebook.

    scripts/notebook.py build notebooks/tour.finch notebooks/01-tour.ipynb   # make + execute
"""
import sys

import nbformat
from nbclient import NotebookClient


def cells_of(script):
    cells, kind, lines = [], None, []

    def close():
        text = "\n".join(lines).strip("\n")
        if kind and text:
            cells.append(nbformat.v4.new_markdown_cell(text) if kind == "markdown" else nbformat.v4.new_code_cell(text))

    for line in script.splitlines():
        if line.startswith("# %%"):
            close()
            kind, lines = ("markdown" if "[markdown]" in line else "code"), []
        elif kind == "markdown":
            lines.append(line[2:] if line.startswith("# ") else line.lstrip("#"))
        elif kind == "code":
            lines.append(line)
    close()
    return cells


def build(source, target):
    with open(source) as f:
        notebook = nbformat.v4.new_notebook(cells=cells_of(f.read()))
    notebook.metadata["kernelspec"] = {"name": "finch", "display_name": "Finch", "language": "finch"}
    notebook.metadata["language_info"] = {"name": "finch", "file_extension": ".finch", "mimetype": "text/x-finch"}
    NotebookClient(notebook, kernel_name="finch", timeout=1800).execute()
    nbformat.write(notebook, target)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] != "build":
        sys.exit(__doc__)
    build(sys.argv[2], sys.argv[3])
