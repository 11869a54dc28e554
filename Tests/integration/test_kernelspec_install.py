"""`finch install` writes the kernelspec built into the binary, readable by all, whatever the umask."""
import json
import os
import stat
import subprocess

from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_NAME, ROOT


def test_install_writes_the_embedded_kernelspec_0644_under_umask_000(tmp_path):
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run([finch, "install", "--prefix", str(tmp_path / "prefix"), "--name", "finch-test"],
                            cwd=elsewhere, preexec_fn=lambda: os.umask(0), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "prefix" / "share" / "jupyter" / "kernels" / "finch-test"
    assert result.stdout == f"Installed kernelspec finch-test in {folder}\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in (ROOT / "kernelspec").iterdir())
    for file in folder.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o644, file
    for made in (folder, folder.parent, tmp_path / "prefix"):
        assert stat.S_IMODE(made.stat().st_mode) == 0o755, made
    for logo in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg"):
        assert (folder / logo).read_bytes() == (ROOT / "kernelspec" / logo).read_bytes(), \
            f"{logo} differs from kernelspec/: run scripts/embed-kernelspec.py"
    template = json.loads((ROOT / "kernelspec" / "kernel.json").read_text())
    template["argv"][0] = finch
    assert json.loads((folder / "kernel.json").read_text()) == template


def test_under_umask_077_new_folders_are_0755_and_a_world_writable_kernel_json_becomes_0644(tmp_path):
    finch = KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]
    kernels = tmp_path / "share" / "jupyter" / "kernels"
    (kernels / "finch").mkdir(parents=True)
    (kernels / "finch" / "kernel.json").write_text("{}")
    (kernels / "finch" / "kernel.json").chmod(0o666)
    for name in ("finch", "fresh"):
        subprocess.run([finch, "install", "--prefix", str(tmp_path), "--name", name],
                       preexec_fn=lambda: os.umask(0o077), check=True, capture_output=True)
        assert stat.S_IMODE((kernels / name / "kernel.json").stat().st_mode) == 0o644
        assert json.loads((kernels / name / "kernel.json").read_text())["argv"][0] == finch
    assert stat.S_IMODE((kernels / "fresh").stat().st_mode) == 0o755
