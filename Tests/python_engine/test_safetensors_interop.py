"""Finch's safetensors checkpoints against the reference implementation (safetensors.numpy).

Runs the `finch-bench` fixture commands (FINCH_BENCH, default .build/debug/finch-bench, built
if missing). Needs numpy and safetensors only.
"""
import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pytest
from safetensors import safe_open
from safetensors.numpy import load_file, save_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def finch_bench():
    path = Path(os.environ.get("FINCH_BENCH", ROOT / ".build/debug/finch-bench"))
    if not path.exists():
        subprocess.run(["swift", "build", "--product", "finch-bench"], cwd=ROOT, check=True)
    return path


def described(output):
    """`name: AxB sum` lines → {name: (shape, sum)}."""
    result = {}
    for line in output.splitlines():
        if line.startswith("meta "):
            continue
        name, rest = line.split(": ", 1)
        shape, total = rest.split(" ")
        result[name] = (tuple(int(d) for d in shape.split("x")) if shape else (), float(total))
    return result


def test_finch_checkpoint_loads_with_numpy(finch_bench, tmp_path):
    path = tmp_path / "tiny.safetensors"
    out = subprocess.run([finch_bench, "checkpoint-write", path], check=True, capture_output=True, text=True).stdout
    expected = described(out)
    tensors = load_file(path)
    assert set(tensors) == set(expected)
    assert "blocks.1.attn.q.weight" in tensors and "embed.weight" in tensors
    for name, (shape, total) in expected.items():
        assert tensors[name].dtype == np.float32
        assert tensors[name].shape == shape
        assert float(tensors[name].astype(np.float64).sum()) == pytest.approx(total, rel=1e-6, abs=1e-6)
    with safe_open(path, framework="numpy") as f:
        metadata = f.metadata()
    assert metadata["purpose"] == "interoperability check"
    architecture = json.loads(metadata["finch.architecture"])
    assert architecture["input"] == {"kind": "tokens", "vocabulary": 11, "length": 8}
    assert [layer["type"] for layer in architecture["layers"]].count("transformerBlock") == 2
    training = json.loads(metadata["finch.training"])
    assert training["steps"] == 3 and training["optimizer"]["kind"] == "adamW"


def test_numpy_file_reads_in_finch(finch_bench, tmp_path):
    path = tmp_path / "numpy.safetensors"
    tensors = {
        "a.weight": np.arange(6, dtype=np.float32).reshape(2, 3),
        "b": np.array([0.5, -1.25], dtype=np.float32),
        "scalar": np.array(3.0, dtype=np.float32),
    }
    save_file(tensors, path, metadata={"source": "numpy"})
    out = subprocess.run([finch_bench, "checkpoint-read", path], check=True, capture_output=True, text=True).stdout
    got = described(out)
    assert got == {"a.weight": ((2, 3), 15.0), "b": ((2,), -0.75), "scalar": ((), 3.0)}
    assert "meta source: numpy" in out.splitlines()
