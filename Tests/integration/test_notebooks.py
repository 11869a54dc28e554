"""Notebooks in notebooks/ run headless with the Finch kernel through nbconvert and papermill."""
import subprocess
import sys

import nbformat
from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_NAME, ROOT


def text_outputs(notebook):
    """Every cell's outputs as text, cell by cell."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        texts = []
        for output in cell.outputs:
            if output.output_type == "stream":
                texts.append(output.text)
            elif output.output_type in ("execute_result", "display_data"):
                texts.append(output.data.get("text/plain", ""))
            elif output.output_type == "error":
                texts.append(f"{output.ename}: {output.evalue}")
        cells.append("".join(texts))
    return cells


def test_the_tour_runs_with_nbconvert(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
         f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}", "--output-dir", str(tmp_path),
         str(ROOT / "notebooks" / "01-tour.ipynb")],
        check=True, capture_output=True, text=True)
    executed = nbformat.read(tmp_path / "01-tour.ipynb", as_version=4)
    committed = nbformat.read(ROOT / "notebooks" / "01-tour.ipynb", as_version=4)
    assert text_outputs(executed) == text_outputs(committed)
    assert all(output.output_type != "error" for cell in executed.cells for output in cell.get("outputs", []))


def test_the_tour_script_runs_in_a_terminal():
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    result = subprocess.run([finch, "run", str(ROOT / "notebooks" / "tour.finch")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "epoch 3 loss 1.2\nconverged\n" in result.stdout


def test_finch_run_reports_the_first_error_and_fails(tmp_path):
    script = tmp_path / "broken.finch"
    script.write_text('print "before"\nx = 1 +\nprint "after"\n')
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    result = subprocess.run([finch, "run", str(script)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "broken.finch:2:" in result.stderr
    assert "after" not in result.stdout


def test_the_tour_runs_with_papermill(tmp_path):
    output = tmp_path / "tour-papermill.ipynb"
    subprocess.run(
        [sys.executable, "-m", "papermill", "--kernel", KERNEL_NAME, str(ROOT / "notebooks" / "01-tour.ipynb"), str(output)],
        check=True, capture_output=True, text=True)
    executed = nbformat.read(output, as_version=4)
    assert not executed.metadata["papermill"]["exception"]
    assert "42" in text_outputs(executed)
