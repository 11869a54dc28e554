"""Starts the `finch` binary the wheel installed, in place of the Python process.

The wheel installs the binary with the kernelspec, so that the kernelspec can start it directly
(`{resource_dir}/bin/finch`): the kernelspec folder `share/jupyter/kernels/finch` under the
install's prefix holds `bin/finch`, the shared libraries it needs that a plain Debian or Ubuntu
machine lacks in `lib/` (the binary's rpath points there), and their names in `lib/libraries.txt`.
That folder is found through the files the install recorded, so every install scheme (a venv,
`--user`, `--prefix`) works. A broken install (a library deleted, a partial copy) is reported by
name before the binary is tried.
"""
import os
import sys
from importlib import metadata

DISTRIBUTION = "finch-kernel"
RECORDED_BINARY = "share/jupyter/kernels/finch/bin/finch"


class BrokenInstall(Exception):
    """A file the wheel installed is gone; the message names it and how to repair the install."""


REPAIR = "reinstall it with: pip install --force-reinstall finch-kernel"


def installed_folder():
    """The kernelspec folder this install of finch-kernel holds its binary in."""
    try:
        files = metadata.distribution(DISTRIBUTION).files or []
    except metadata.PackageNotFoundError:
        raise BrokenInstall(f"finch-kernel's install record is gone; {REPAIR}")
    for file in files:
        if file.as_posix().endswith(RECORDED_BINARY):
            return os.path.dirname(os.path.dirname(os.path.abspath(str(file.locate()))))
    raise BrokenInstall(f"finch-kernel's install record names no {RECORDED_BINARY}; {REPAIR}")


def binary(folder):
    """The path of the `finch` binary in the kernelspec `folder`."""
    return os.path.join(folder, "bin", "finch")


def missing_files(folder):
    """The wheel's files under `folder` that are not there: the binary, then bundled libraries."""
    libraries = os.path.join(folder, "lib")
    missing = [] if os.access(binary(folder), os.X_OK) else [binary(folder)]
    try:
        with open(os.path.join(libraries, "libraries.txt"), encoding="utf-8") as listing:
            names = listing.read().split()
    except OSError:
        return missing + [os.path.join(libraries, "libraries.txt")]
    return missing + [os.path.join(libraries, name) for name in names if not os.path.exists(os.path.join(libraries, name))]


def check(folder):
    """Raises BrokenInstall naming every missing file of the install under `folder`."""
    missing = missing_files(folder)
    if missing:
        listed = "\n".join(f"  {path}" for path in missing)
        raise BrokenInstall(f"the finch-kernel install is broken; missing:\n{listed}\n{REPAIR}")


def main(argv=None):
    """Replaces this process with `finch` and the given arguments (default: this command's)."""
    arguments = sys.argv[1:] if argv is None else argv
    try:
        folder = installed_folder()
        check(folder)
    except BrokenInstall as error:
        sys.stderr.write(f"finch: {error}\n")
        sys.exit(127)
    os.execv(binary(folder), [binary(folder), *arguments])
