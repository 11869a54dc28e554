"""A save or an export to a full disk is an error that says so, and the file that was there
before is unchanged (issue 11): Finch writes a temporary file beside the target, checks every
write, the flush to disk and the close, and only then renames it.

The full disk is a small tmpfs, so the test needs to mount one (root, or a container that allows
it); elsewhere it is skipped, saying why. The unit test `AtomicFileTests` covers the same path
with a failing write.
"""
import subprocess

import pytest

from conftest import run_cell

# A model whose checkpoint (about 1 MB) cannot fit beside the earlier one on a 640 KiB disk.
BIG = "model big {\n  input features: 64\n  dense 4096\n  classify classes: 2\n}"
SMALL = "model small {\n  input features: 4\n  dense 8\n  classify classes: 2\n}"


@pytest.fixture
def full_disk(tmp_path):
    """A mounted 640 KiB tmpfs, unmounted afterwards."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=640k", "tmpfs", str(folder)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip() or mounted.returncode}")
    yield folder
    subprocess.run(["umount", str(folder)], check=False)


def error_of(reply, outputs):
    """The error text the kernel sent for a failed cell."""
    assert reply["content"]["status"] == "error", reply["content"]
    return reply["content"]["evalue"] + "".join(m["content"].get("text", "") for m in outputs if m["msg_type"] == "stream")


def test_a_save_to_a_full_disk_fails_and_keeps_the_previous_checkpoint(kernel, full_disk):
    _, client = kernel
    target = full_disk / "model.safetensors"
    reply, _ = run_cell(client, f'{SMALL}\nsave small to "{target}"')
    assert reply["content"]["status"] == "ok", reply["content"]
    before = target.read_bytes()
    reply, outputs = run_cell(client, f'{BIG}\nsave big to "{target}"', timeout=60)
    assert "No space left on device" in error_of(reply, outputs)
    assert target.read_bytes() == before, "the earlier checkpoint changed"
    assert sorted(p.name for p in full_disk.iterdir()) == ["model.safetensors"], "a temporary file was left behind"
    reply, _ = run_cell(client, f'back = load "{target}"\nback.layers.length')
    assert reply["content"]["status"] == "ok", reply["content"]


def test_an_export_to_a_full_disk_fails_and_keeps_the_previous_file(kernel, full_disk):
    _, client = kernel
    target = full_disk / "rows.csv"
    target.write_text("kept\n")
    subprocess.run(["dd", "if=/dev/zero", f"of={full_disk / 'filler'}", "bs=4k"], capture_output=True)  # fills the disk
    reply, outputs = run_cell(client, f'digits = dataset "digits"\nexport digits to "{target}"', timeout=60)
    assert "No space left on device" in error_of(reply, outputs)
    assert target.read_text() == "kept\n"
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "rows.csv"], "a temporary file was left behind"
    reply, _ = run_cell(client, "digits.length")
    assert reply["content"]["status"] == "ok", reply["content"]
