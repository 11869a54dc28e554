#!/usr/bin/env python3
"""Builds the pip wheel `finch-kernel` into dist/ from a release `finch` binary (`make wheel`).

The wheel, assembled here by hand (a platform wheel with a binary and data files needs nothing a
build backend adds), holds:
  finch_kernel/*.py        the launcher (`finch`, `python -m finch_kernel`), lexer, papermill translator
  <data>/share/jupyter/kernels/finch/, the kernelspec folder, which jupyter_client names
  `{resource_dir}`, so its argv starts the binary itself with no Python before it:
    kernel.json, logos
    bin/finch-launch       what argv starts: opens the connection file's ports, then becomes bin/finch
    bin/finch              the binary, stripped, its rpath set to $ORIGIN/../lib
    lib/                   every shared library it needs outside the manylinux base set
                           (glibc, libgcc_s, libstdc++), rpath $ORIGIN, named in libraries.txt
    share/finch/data/      the built-in data, found beside the binary (DataFolder.swift)
Its platform tag is manylinux_2_N for the newest glibc symbol version any of them uses.

Usage: scripts/build-wheel.py [--binary .build/release/finch] [--out dist]   (needs ldd, strip, objdump, patchelf)
"""
import argparse
import base64
import hashlib
import json
import pathlib
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
NAME = "finch-kernel"
PACKAGE = "finch_kernel"
# Where the kernelspec folder goes in the wheel's data scheme (under the install's prefix).
KERNELSPEC = pathlib.Path("share", "jupyter", "kernels", "finch")
# The libraries every manylinux system has (PEP 600's base, as auditwheel's policy lists them).
SYSTEM_LIBRARIES = {
    "linux-vdso.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libc.so.6", "libm.so.6",
    "libdl.so.2", "librt.so.1", "libpthread.so.0", "libresolv.so.2", "libutil.so.1", "libnsl.so.1",
    "libgcc_s.so.1", "libstdc++.so.6",
}
ENTRY_POINTS = f"""[console_scripts]
finch = {PACKAGE}.launcher:main

[pygments.lexers]
finch = {PACKAGE}.lexer:FinchLexer

[papermill.engine]
finch = {PACKAGE}.papermill_translator:Engine
"""


class BuildError(Exception):
    """Why the wheel could not be built."""


def run(*command):
    """The standard output of `command`; a BuildError with its standard error if it fails."""
    try:
        result = subprocess.run(command, capture_output=True, text=True)
    except FileNotFoundError:
        raise BuildError(f"{command[0]} is not installed (Debian: apt-get install binutils patchelf)")
    if result.returncode != 0:
        raise BuildError(f"{' '.join(map(str, command))} failed:\n{result.stderr.strip()}")
    return result.stdout


def needed_libraries(binary):
    """{soname: path} of every shared library `binary` loads, directly or not, outside the base set."""
    libraries = {}
    for line in run("ldd", binary).splitlines():
        match = re.match(r"\s*(\S+) => (\S+|not found)", line)
        if not match or match.group(1) in SYSTEM_LIBRARIES:
            continue
        if match.group(2) == "not found":
            raise BuildError(f"{binary} needs {match.group(1)}, which this machine lacks")
        libraries[match.group(1)] = pathlib.Path(match.group(2)).resolve()
    return libraries


def newest_glibc(files):
    """The newest GLIBC_2.N symbol version that any of `files` needs, as (2, N)."""
    versions = [(2, 17)]
    for file in files:
        versions += [(2, int(minor)) for minor in re.findall(r"\bGLIBC_2\.(\d+)\b", run("objdump", "-T", file))]
    return max(versions)


def kernelspec(folder):
    """Writes kernel.json and the logos into the kernelspec `folder`. Its argv starts
    `{resource_dir}/bin/finch-launch`, in the folder itself, so a venv that was never activated
    works and the kernel's ports are open before the binary has loaded."""
    folder.mkdir(parents=True)
    spec = json.loads((ROOT / "kernelspec" / "kernel.json").read_text())
    if spec["argv"][0] != "{finch}":
        raise BuildError("kernelspec/kernel.json's argv no longer starts with {finch}")
    spec["argv"] = ["{resource_dir}/bin/finch-launch"] + spec["argv"][1:]
    (folder / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    for logo in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg"):
        shutil.copy(ROOT / "kernelspec" / logo, folder / logo)


def package(staging, binary):
    """Lays out finch_kernel/ (the Python files) and the kernelspec folder, with the binary, its
    libraries and the data, in `staging`. Returns the ELF files."""
    shutil.copytree(ROOT / "python" / PACKAGE, staging / PACKAGE, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    target = staging / "data" / KERNELSPEC
    kernelspec(target)
    (target / "bin").mkdir()
    (target / "lib").mkdir()
    shutil.copy(binary, target / "bin" / "finch")
    launcher = binary.parent / "finch-launch"
    if not launcher.exists():
        raise BuildError(f"{launcher} is missing: make build compiles it from launcher/finch-launch.c")
    shutil.copy(launcher, target / "bin" / "finch-launch")
    run("strip", target / "bin" / "finch", target / "bin" / "finch-launch")
    run("patchelf", "--set-rpath", "$ORIGIN/../lib", target / "bin" / "finch")
    libraries = needed_libraries(binary)
    for soname, path in sorted(libraries.items()):
        shutil.copy(path, target / "lib" / soname)
        (target / "lib" / soname).chmod(0o644)
        run("patchelf", "--set-rpath", "$ORIGIN", target / "lib" / soname)
    (target / "lib" / "libraries.txt").write_text("".join(f"{soname}\n" for soname in sorted(libraries)))
    data = target / "share" / "finch" / "data"
    data.mkdir(parents=True)
    for file in (ROOT / "data").iterdir():
        shutil.copy(file, data / file.name)
    return [target / "bin" / "finch", target / "bin" / "finch-launch"] + [target / "lib" / soname for soname in libraries]


def metadata(version):
    """The wheel's METADATA file."""
    readme = (ROOT / "python" / "README.md").read_text()
    return (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {version}\n"
            "Summary: Finch, a Jupyter kernel for pre-training and fine-tuning small neural networks\n"
            "Requires-Python: >=3.9\nDescription-Content-Type: text/markdown\n\n" + readme)


def digest(data):
    """RECORD's hash of `data`: urlsafe base64 of its SHA-256, unpadded."""
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def write_wheel(path, files):
    """Writes `files` ({name in the wheel: (bytes, mode)}) and their RECORD into the zip `path`."""
    dist_info = next(name.split("/")[0] for name in files if name.endswith(".dist-info/WHEEL"))
    record = "".join(f"{name},{digest(data)},{len(data)}\n" for name, (data, _) in files.items())
    files[f"{dist_info}/RECORD"] = ((record + f"{dist_info}/RECORD,,\n").encode(), 0o644)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for name, (data, mode) in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            wheel.writestr(info, data)


def build(binary, out):
    """Builds the wheel from `binary` into the folder `out` and returns its path."""
    version = run(str(binary), "--version").strip()
    with tempfile.TemporaryDirectory() as temporary:
        staging = pathlib.Path(temporary)
        elf_files = package(staging, binary)
        glibc = newest_glibc(elf_files)
        tag = f"py3-none-manylinux_{glibc[0]}_{glibc[1]}_{platform.machine()}"
        dist_info, data_dir = f"{PACKAGE}-{version}.dist-info", f"{PACKAGE}-{version}.data"
        files = {}
        for file in sorted(p for p in (staging / PACKAGE).rglob("*") if p.is_file()):
            files[str(file.relative_to(staging))] = (file.read_bytes(), 0o644)
        for file in sorted(p for p in (staging / "data").rglob("*") if p.is_file()):
            files[f"{data_dir}/data/{file.relative_to(staging / 'data')}"] = (file.read_bytes(), 0o755 if file.parent.name == "bin" else 0o644)
        files[f"{dist_info}/METADATA"] = (metadata(version).encode(), 0o644)
        files[f"{dist_info}/WHEEL"] = (
            f"Wheel-Version: 1.0\nGenerator: finch build-wheel.py\nRoot-Is-Purelib: false\nTag: {tag}\n".encode(), 0o644)
        files[f"{dist_info}/entry_points.txt"] = (ENTRY_POINTS.encode(), 0o644)
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob(f"{PACKAGE}-*.whl"):
            old.unlink()
        path = out / f"{PACKAGE}-{version}-{tag}.whl"
        write_wheel(path, files)
        return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", type=pathlib.Path, default=ROOT / ".build" / "release" / "finch")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "dist")
    arguments = parser.parse_args()
    try:
        path = build(arguments.binary.resolve(), arguments.out)
    except BuildError as error:
        sys.exit(f"build-wheel: {error}")
    print(f"{path} ({path.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
