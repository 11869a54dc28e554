"""Notebook 06's claims about compression, read from its committed outputs, and the int8
checkpoint read by the reference `safetensors` implementation."""
import re
import subprocess

import nbformat
import numpy as np
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from safetensors.numpy import load_file

from conftest import KERNEL_NAME, ROOT
from test_notebooks import text_outputs


def notebook_cells():
    return text_outputs(nbformat.read(ROOT / "notebooks" / "06-compress.ipynb", as_version=4))


def compression_table(data="digits"):
    """The `compression` table on `data`: {model: {column: value}} with the numbers as floats."""
    caption = f"compression on {data}"
    cell = next(text for text in notebook_cells() if caption in text)
    lines = cell[cell.index(caption):].splitlines()
    rows = {}
    for line in lines[3:]:
        if not line.strip() or line.startswith("on disk:"):
            break
        name, weights, zeros, size, unit, smaller, _latency, _rate, _per_s, accuracy, f1, drop = line.replace("*", "").split()
        rows[name] = {"weights": int(weights.replace(",", "")), "zeros": float(zeros.rstrip("%")), "smaller": float(smaller),
                      "accuracy": float(accuracy), "f1": float(f1), "drop": float(drop)}
    return rows


def seed_table(header):
    """The rows, as lists of floats, of the per-seed table whose header line starts with `header`
    (the last output of its cell, after the runs of the loop)."""
    cell = next(text for text in notebook_cells() if header in text)
    lines = cell[cell.index(header):].splitlines()[2:]
    return [[float(value) for value in line.split()] for line in lines if line.strip()]


def test_quantisation_makes_the_file_about_four_times_smaller_at_the_same_accuracy():
    table = compression_table()
    # Measured: 3.72× smaller (int8 weights and a float scale per row; biases stay float), accuracy
    # 0.978 as the original's (0 of 359 test digits changed).
    assert 3.5 <= table["q"]["smaller"] <= 4.0
    assert table["q"]["weights"] == table["net"]["weights"]
    assert abs(table["q"]["drop"]) <= 0.01


def test_unstructured_pruning_keeps_its_zeros_and_saves_no_bytes():
    table = compression_table()
    # Measured: 80% zeros after three epochs of fine-tuning; the file is 0.801× the original's
    # (the dense weights plus an int8 mask); accuracy +0.008 after the fine-tune.
    assert table["s"]["zeros"] == 80
    assert table["s"]["weights"] == table["net"]["weights"]
    assert table["s"]["smaller"] < 1
    assert table["s"]["drop"] >= -0.01


def test_structured_pruning_and_factorisation_make_genuinely_smaller_models():
    table = compression_table()
    # Measured: neuron pruning 50,826 → 6,570 weights (7.52× fewer bytes), factorisation at rank 16
    # 12,938 weights (3.86×); after five epochs of fine-tuning both are at 0.981 (+0.003).
    assert table["p"]["weights"] * 7 <= table["net"]["weights"]
    assert table["p"]["smaller"] >= 7
    assert table["f"]["smaller"] >= 3.5
    assert min(table["p"]["drop"], table["f"]["drop"]) >= -0.01


def test_distilled_and_quantised_student_is_small_at_a_bounded_cost():
    table = compression_table()
    # Measured: the student is 37.4× smaller on disk, quantised 90.2×; accuracy 0.969 and 0.964
    # against the teacher's 0.978.
    assert table["student"]["smaller"] >= 30
    assert table["dq"]["smaller"] >= 80
    assert table["dq"]["drop"] >= -0.03
    assert table["dq"]["accuracy"] >= table["student"]["accuracy"] - 0.01


def test_distillation_on_the_labelled_set_is_not_claimed_to_help():
    rows = seed_table("seed  distilled")
    gains = [gain for _, _, _, gain in rows]
    # Measured over seeds 1-3: −0.011, −0.006, −0.003 (mean −0.0065): with every label at hand,
    # the teacher's soft targets did not help this 16-neuron student. The notebook says so; the
    # test guards that it does not start claiming a gain.
    assert len(gains) == 3
    assert sum(gains) / 3 < 0.005


def test_soft_targets_alone_beat_five_labels_per_class():
    rows = seed_table("seed  soft_targets_only")
    margins = [soft - few for _, soft, few in rows]
    assert len(margins) == 3
    # Measured over seeds 1-3: 0.969 vs 0.841, 0.967 vs 0.872, 0.964 vs 0.811 (margins 0.092 to 0.153):
    # the teacher's soft targets on 1,437 images without their labels beat 50 labelled images. The
    # seed-to-seed spread of the five-label student is 0.06, so the test asks for 0.05.
    assert min(margins) >= 0.05, margins


def test_pruning_in_steps_beats_pruning_at_once():
    rows = seed_table("seed  one_shot")
    margins = [stepped - once for _, once, stepped in rows]
    # Measured over seeds 1-3 at 95% zeros after three epochs of fine-tuning in all: one-shot
    # 0.752, 0.758, 0.755; pruned to 70%, 90%, 95% with an epoch after each, 0.847, 0.822, 0.836
    # (margins 0.064 to 0.095). The test asks for 0.03.
    assert len(margins) == 3
    assert min(margins) >= 0.03, margins


def test_on_text_int8_saves_little_because_the_embedding_stays_float():
    table = compression_table("sms_spam.test")
    # Measured: int8 1.21× smaller (the 5,004 × 64 word embedding is most of the weights and stays
    # float), rank 8 1.23×, the student 2.43× and quantised 2.55×; accuracy 0.984 for the original,
    # int8 and rank 8, 0.986 for the student (one of 558 messages).
    assert 1.1 <= table["tq"]["smaller"] <= 1.4
    assert table["tdq"]["smaller"] >= 2.3
    assert min(row["drop"] for row in table.values()) >= -0.01


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory):
    """A classifier and its int8 copy saved by the installed Finch."""
    folder = tmp_path_factory.mktemp("int8")
    script = folder / "save.finch"
    script.write_text(f"""seed 3
digits = dataset "digits"
model net {{
  input features: 64
  dense 256 activation: gelu
  dense 128 activation: gelu
  classify classes: 10
}}
finetune net on digits steps: 20 lr: 3e-3
q = quantize net
save net to "{folder / 'float.safetensors'}"
save q to "{folder / 'int8.safetensors'}"
""")
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    subprocess.run([finch, "run", str(script)], check=True, capture_output=True, text=True)
    return folder / "float.safetensors", folder / "int8.safetensors"


def test_the_int8_checkpoint_loads_in_safetensors_as_int8_weights_and_float_scales(checkpoints):
    full, small = checkpoints
    original, quantized = load_file(str(full)), load_file(str(small))
    assert quantized["dense.0.weight"].dtype == np.int8 and quantized["dense.0.weight"].shape == (256, 64)
    assert quantized["dense.0.weight_scale"].dtype == np.float32 and quantized["dense.0.weight_scale"].shape == (256,)
    assert quantized["dense.0.bias"].dtype == np.float32
    for layer in ["dense.0", "dense.1", "dense.2"]:
        weight, scale = original[f"{layer}.weight"], quantized[f"{layer}.weight_scale"]
        dequantised = quantized[f"{layer}.weight"].astype(np.float32) * scale[:, None]
        np.testing.assert_allclose(scale, np.abs(weight).max(axis=1) / 127, rtol=1e-6)
        assert np.all(np.abs(dequantised - weight) <= scale[:, None] / 2 + 1e-7)
    # Measured: 3.72× for this 64 → 256 → 128 → 10 network (the header and float biases are the rest).
    assert 3.5 <= full.stat().st_size / small.stat().st_size <= 4


def test_pruning_half_the_heads_costs_no_accuracy_beyond_the_noise():
    cells = notebook_cells()
    shrink = next(text for text in cells if text.startswith("th: "))
    assert "blocks.0.attn 4 → 2, blocks.1.attn 4 → 2 heads" in shrink
    table = compression_table("sms_spam.test")
    # Measured: 406,210 of 422,786 weights (the embedding stays), 1.04× smaller on disk.
    assert table["th"]["weights"] == 406_210
    assert 1.02 <= table["th"]["smaller"] <= 1.08
    line = next(text for text in cells if "accuracy with half the heads:" in text).split("accuracy with half the heads:")[1]
    before, after = (float(x) for x in re.findall(r"\d+\.\d+", line)[:2])
    control = float(next(text for text in cells if "after the same extra epoch:" in text).split(":")[-1])
    # Measured (one seed, 558 messages): 0.9839 right after pruning, as the original (0.984);
    # 0.991 after one more epoch, as the full model after the same epoch. The bounds allow
    # three messages of noise.
    assert before >= table["clf"]["accuracy"] - 0.006
    assert abs(after - control) <= 0.006
