"""Starts the `finch` binary bundled in this package, in place of the Python process.

The wheel holds `bin/finch`, the shared libraries it needs that a plain Debian or Ubuntu machine
lacks in `lib/` (the binary's rpath points there), and their names in `lib/libraries.txt`. A
broken install (a library deleted, a partial copy) is reported by name before the binary is tried.
"""
import os
import sys

PACKAGE = os.path.dirname(os.path.abspath(__file__))


class BrokenInstall(Exception):
    """A file the wheel installed is gone; the message names it and how to repair the install."""


def binary(package=PACKAGE):
    """The path of the bundled `finch` binary."""
    return os.path.join(package, "bin", "finch")


def missing_files(package=PACKAGE):
    """The wheel's files under `package` that are not there: the binary, then bundled libraries."""
    libraries = os.path.join(package, "lib")
    missing = [] if os.access(binary(package), os.X_OK) else [binary(package)]
    try:
        with open(os.path.join(libraries, "libraries.txt"), encoding="utf-8") as listing:
            names = listing.read().split()
    except OSError:
        return missing + [os.path.join(libraries, "libraries.txt")]
    return missing + [os.path.join(libraries, name) for name in names if not os.path.exists(os.path.join(libraries, name))]


def check(package=PACKAGE):
    """Raises BrokenInstall naming every missing file of the install under `package`."""
    missing = missing_files(package)
    if missing:
        listed = "\n".join(f"  {path}" for path in missing)
        raise BrokenInstall(f"the finch-kernel install is broken; missing:\n{listed}\n"
                            "reinstall it with: pip install --force-reinstall finch-kernel")


def main(argv=None):
    """Replaces this process with `finch` and the given arguments (default: this command's)."""
    arguments = sys.argv[1:] if argv is None else argv
    try:
        check()
    except BrokenInstall as error:
        sys.stderr.write(f"finch: {error}\n")
        sys.exit(127)
    os.execv(binary(), [binary(), *arguments])
