"""Notebooks in notebooks/ run headless with the Finch kernel through nbconvert and papermill."""
import os
import re
import subprocess
import sys

import nbformat
import pytest
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


NOTEBOOKS = {"01-tour.ipynb": "tour.finch", "02-pretrain-finetune.ipynb": "pretrain-finetune.finch",
             "03-peft-digits.ipynb": "peft-digits.finch", "04-real-text.ipynb": "real-text.finch",
             "05-continual.ipynb": "continual.finch",
             "06-compress.ipynb": "compress.finch", "07-prompts.ipynb": "prompts.finch"}


def without_durations(text):
    """The text with run times (12.3s, 4m05s, 3.1ms, a progress bar's `[00:12<00:00, 48.1 step/s`
    and the bar, whose width follows them) and throughputs (`48213 ex/s`) masked and column padding folded, so re-runs compare equal."""
    text = re.sub(r"(\d+%)(?:\|[^|\n]*\|)? (.*)\[[\d:]+<[\d:?]+, [\d.?]+ step/s([^\]\n]*)\] *", r"\1<bar> \2[<time>\3]", text)
    text = re.sub(r"\b(\d+m)?\d+(\.\d+)?(e-?\d+)?m?s\b", "<time>", text)
    # Throughput, as `compression` reports it (`48213 ex/s`): a wall-clock figure like the durations.
    text = re.sub(r"\b\d+ ex/s\b", "<rate>", text)
    return re.sub(r"[ -]{2,}", " ", text)


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_a_fresh_run_reproduces_the_committed_notebook(tmp_path, name):
    subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
         f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}", "--output-dir", str(tmp_path),
         str(ROOT / "notebooks" / name)],
        check=True, capture_output=True, text=True)
    executed = nbformat.read(tmp_path / name, as_version=4)
    committed = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    assert [without_durations(t) for t in text_outputs(executed)] == [without_durations(t) for t in text_outputs(committed)]
    assert all(output.output_type != "error" for cell in executed.cells for output in cell.get("outputs", []))


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_plots_are_outputs_of_their_own_so_untrusted_notebooks_keep_them(name):
    outputs = [output for cell in nbformat.read(ROOT / "notebooks" / name, as_version=4).cells
               for output in cell.get("outputs", []) if "data" in output]
    assert not [output for output in outputs if "<svg" in output.data.get("text/html", "")]
    plots = [output for output in outputs if "image/svg+xml" in output.data]
    assert plots and all(output.data["image/svg+xml"].startswith("<svg") and output.data["text/plain"] for output in plots)


@pytest.mark.parametrize("name", sorted(NOTEBOOKS))
def test_the_notebook_script_runs_in_a_terminal(name):
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    result = subprocess.run([finch, "run", str(ROOT / "notebooks" / NOTEBOOKS[name])], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_openblas_runs_the_same_kernels_on_every_processor_with_avx2_and_fma(tmp_path):
    """So that the committed notebooks re-run bit for bit on another machine (see BLASKernels.swift)."""
    flags = next(line for line in open("/proc/cpuinfo") if line.startswith("flags")).split()
    script = tmp_path / "product.finch"
    # The kernels switch before the first product, so the script must run one (a summary does not).
    script.write_text('digits = dataset "digits"\nmodel net { input features: 64; dense 64; classify classes: 10 }\n'
                      "r = finetune net on digits steps: 2 show: false\n")
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    result = subprocess.run([finch, "run", str(script)], capture_output=True, text=True,
                            env={**os.environ, "OPENBLAS_VERBOSE": "2"})
    assert result.returncode == 0, result.stderr
    # OpenBLAS names its kernels on standard error or output, depending on its build.
    lines = (result.stderr + result.stdout).splitlines()
    cores = [line.split(":", 1)[1].strip() for line in lines if line.startswith("Core:")]
    if "avx2" in flags and "fma" in flags and "OPENBLAS_CORETYPE" not in os.environ:
        assert cores and cores[-1] == "Haswell", result.stderr + result.stdout


def test_pretraining_wins_at_every_label_count():
    notebook = nbformat.read(ROOT / "notebooks" / "02-pretrain-finetune.ipynb", as_version=4)
    cell = next(text for text in text_outputs(notebook) if "labels_per_class" in text)
    table = cell[cell.index("labels_per_class"):].splitlines()[2:5]
    rows = [line.split() for line in table]
    margins = {int(n): float(pretrained.rstrip("*")) - float(scratch.rstrip("*")) for n, pretrained, scratch in rows}
    assert sorted(margins) == [5, 10, 20]
    # Measured: +0.19 (5 labels per class), +0.30 (10), +0.30 (20) on 400 test reviews.
    assert min(margins.values()) >= 0.10


def test_pretrained_features_beat_scratch_with_few_digit_labels():
    accuracy = {}
    notebook = nbformat.read(ROOT / "notebooks" / "03-peft-digits.ipynb", as_version=4)
    comparison = next(text for text in text_outputs(notebook) if text.startswith("comparison by accuracy"))
    for line in comparison.splitlines():
        fields = line.split()
        if fields and fields[0] in ("scratch", "full", "frozen", "probe", "lora") and len(fields) >= 8:
            accuracy[fields[0]] = float(fields[7].rstrip("*"))
    assert set(accuracy) == {"scratch", "full", "frozen", "probe", "lora"}
    # Measured: probe 0.880, full 0.872, frozen 0.866, LoRA 0.850 vs scratch 0.833 (359 test images).
    assert accuracy["probe"] - accuracy["scratch"] >= 0.02
    assert accuracy["frozen"] > accuracy["scratch"]
    assert accuracy["lora"] > accuracy["scratch"]


def test_the_tour_script_runs_in_a_terminal():
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    result = subprocess.run([finch, "run", str(ROOT / "notebooks" / "tour.finch")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "epoch 3 loss 1.2\nconverged\n" in result.stdout


def test_finch_run_shows_each_cells_value(tmp_path):
    script = tmp_path / "cells.finch"
    script.write_text("# %%\nx = 6\nx\n# %% [markdown]\n# text\n# %%\nx * 7\n# %%\ny = undefined\n")
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    result = subprocess.run([finch, "run", str(script)], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout == "6\n42\n"
    assert "cells.finch:9:5" in result.stderr


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
