"""The pip wheel: built from the release binary that `make install` made, installed into a fresh
venv that is never activated, and used from another folder with Swift off PATH, no FINCH_DATA and
no source tree in sight."""
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest

from conftest import ROOT

BINARY = ROOT / ".build" / "release" / "finch"
PACKAGES = ["nbclient", "nbconvert", "papermill"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """The wheel scripts/build-wheel.py makes of the release binary."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build-wheel.py"), "--binary", str(BINARY),
                             "--out", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (path,) = out.glob("*.whl")
    return path


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory):
    """A new venv holding the wheel and the Jupyter tools the tests drive it with."""
    folder = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    subprocess.run([str(folder / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    "-c", str(ROOT / "Tests" / "integration" / "requirements.txt"), str(wheel), *PACKAGES],
                   check=True, capture_output=True)
    return folder


@pytest.fixture
def elsewhere(tmp_path):
    """A working folder outside the source tree, and an environment with no Swift, no venv on PATH,
    no FINCH_DATA, no Jupyter paths and a fresh HOME (so no user kernelspec shadows the wheel's)."""
    path = [p for p in os.environ["PATH"].split(os.pathsep)
            if p and not os.path.exists(os.path.join(p, "swift")) and not os.path.exists(os.path.join(p, "jupyter"))]
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("FINCH_DATA", "VIRTUAL_ENV", "PYTHONPATH") and not k.startswith("JUPYTER")}
    environment.update(PATH=os.pathsep.join(path), HOME=str(tmp_path / "home"))
    (tmp_path / "home").mkdir()
    return tmp_path, environment


def run_in(venv, elsewhere, *command, check=True):
    """Runs the venv's `command` (`python`, `papermill`, …) in the working folder of `elsewhere`."""
    folder, environment = elsewhere
    result = subprocess.run([str(venv / "bin" / command[0]), *command[1:]], cwd=folder, env=environment,
                            capture_output=True, text=True, timeout=300)
    assert not check or result.returncode == 0, result.stderr
    return result


def notebook(path, *cells, parameters=None):
    """Writes a Finch notebook of code `cells` (the first tagged `parameters` if given) to `path`."""
    book = nbformat.v4.new_notebook()
    book.metadata["kernelspec"] = {"name": "finch", "display_name": "Finch", "language": "finch"}
    if parameters is not None:
        book.cells.append(nbformat.v4.new_code_cell(parameters, metadata={"tags": ["parameters"]}))
    book.cells += [nbformat.v4.new_code_cell(cell) for cell in cells]
    nbformat.write(book, path)
    return path


def outputs(path):
    """Each code cell's outputs of the notebook at `path`, as text."""
    texts = []
    for cell in nbformat.read(path, as_version=4).cells:
        parts = []
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                parts.append(f"{output.ename}: {output.evalue}")
            else:
                parts.append(output.get("text") or output.get("data", {}).get("text/plain", ""))
        texts.append("".join(parts))
    return texts


def test_the_wheel_holds_binary_libraries_kernelspec_and_data_with_an_honest_tag(wheel):
    assert re.fullmatch(r"finch_kernel-\d+\.\d+\.\d+-py3-none-manylinux_2_\d+_x86_64\.whl", wheel.name)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        modes = {info.filename: info.external_attr >> 16 & 0o777 for info in archive.infolist()}
        (data,) = {name.split("/")[0] for name in names if ".data/" in name}
        folder = f"{data}/data/share/jupyter/kernels/finch"
        libraries = archive.read(f"{folder}/lib/libraries.txt").decode().split()
        spec = json.loads(archive.read(f"{folder}/kernel.json"))
        entry_points = archive.read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert modes[f"{folder}/bin/finch"] == modes[f"{folder}/bin/finch-launch"] == 0o755
    assert {"libzmq.so.5", "libopenblas.so.0", "libcrypto.so.3"} <= set(libraries)
    assert not any(name.startswith(("libswift", "libc.so", "libstdc++")) for name in libraries)
    assert {f"{folder}/lib/{name}" for name in libraries} <= names
    assert f"{folder}/share/finch/data/digits.csv.gz" in names
    assert {f"{folder}/{f}" for f in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg")} <= names
    assert not any(name.startswith("finch_kernel/") and not name.endswith(".py") for name in names)
    # The kernel starts with no Python before it: jupyter_client (and VS Code) fill in {resource_dir}.
    assert spec["argv"] == ["{resource_dir}/bin/finch-launch", "kernel", "--connection-file", "{connection_file}"]
    assert "finch = finch_kernel.lexer:FinchLexer" in entry_points
    assert "finch = finch_kernel.papermill_translator:Engine" in entry_points


def kernelspec_folder(venv):
    """Where the venv's install put the kernelspec folder, with the binary and its libraries."""
    return venv / "share" / "jupyter" / "kernels" / "finch"


def test_the_binary_needs_no_swift_runtime(venv):
    binary = kernelspec_folder(venv) / "bin" / "finch"
    assert os.access(binary, os.X_OK)
    linked = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
    assert "libswift" not in linked and "not found" not in linked
    resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", linked, re.MULTILINE))
    bundled = (binary.parent.parent / "lib" / "libraries.txt").read_text().split()
    assert {name: os.path.realpath(resolved[name]) for name in bundled} == \
        {name: str(binary.parent.parent / "lib" / name) for name in bundled}


def test_a_notebook_runs_from_the_installed_wheel_with_digits_and_highlighting(venv, elsewhere):
    folder, _ = elsewhere
    source = notebook(folder / "in.ipynb", "x = 6 * 7\nx", 'digits = dataset "digits"  # 1797?\ndigits')
    result = run_in(venv, elsewhere, "python", "-c", (
        "import sys, nbformat, nbclient\n"
        "from jupyter_client.kernelspec import KernelSpecManager\n"
        "spec = KernelSpecManager().get_kernel_spec('finch')\n"
        "print(spec.resource_dir)\n"
        "book = nbformat.read(sys.argv[1], as_version=4)\n"
        "nbclient.NotebookClient(book, kernel_name='finch', timeout=120).execute()\n"
        "nbformat.write(book, sys.argv[2])\n"), str(source), str(folder / "out.ipynb"))
    assert result.stdout == f"{venv}/share/jupyter/kernels/finch\n"
    texts = outputs(folder / "out.ipynb")
    assert texts[0] == "42" and texts[1].startswith("dataset digits: 1797 examples, 64 features, 10 classes")
    info = nbformat.read(folder / "out.ipynb", as_version=4).metadata["language_info"]
    assert (info["pygments_lexer"], info["codemirror_mode"]) == ("finch", "python")
    run_in(venv, elsewhere, "jupyter-nbconvert", "--to", "html", str(folder / "out.ipynb"))
    html = (folder / "out.html").read_text()
    assert '<span class="nb">dataset</span>' in html
    assert '<span class="c1"># 1797?</span>' in html
    assert '<span class="s2">&quot;digits&quot;</span>' in html or '<span class="s2">"digits"</span>' in html


def test_the_finch_command_of_the_wheel_runs_scripts_and_installs_kernelspecs(venv, elsewhere):
    folder, _ = elsewhere
    (folder / "hello.finch").write_text('print "hello" 6 * 7\n')
    assert run_in(venv, elsewhere, "finch", "run", "hello.finch").stdout == "hello 42\n"
    run_in(venv, elsewhere, "finch", "install", "--prefix", str(folder / "prefix"))
    spec = json.loads((folder / "prefix" / "share" / "jupyter" / "kernels" / "finch" / "kernel.json").read_text())
    assert spec["argv"][0] == str(kernelspec_folder(venv) / "bin" / "finch-launch")


def test_papermill_injects_numbers_strings_booleans_lists_and_records(venv, elsewhere):
    folder, _ = elsewhere
    notebook(folder / "in.ipynb", "print lr name labels quick\nprint opts.rank", parameters=(
        'lr = 0.1\nname = "default"\nlabels = [1]\nquick = false\nopts = record(rank: 1)'))
    run_in(venv, elsewhere, "papermill", "in.ipynb", "out.ipynb", "-p", "lr", "0.01", "-p", "name", "x",
           "-y", "{labels: [5, 10], quick: true, opts: {rank: 4}}")
    book = nbformat.read(folder / "out.ipynb", as_version=4)
    injected = next(cell for cell in book.cells if "injected-parameters" in cell.metadata.get("tags", []))
    assert injected.source == ('# Parameters\nlabels = [5, 10]\nquick = true\nopts = record(rank: 4)\n'
                               'lr = 0.01\nname = "x"\n')
    assert outputs(folder / "out.ipynb")[-1] == "0.01 x [5, 10] true\n4\n"
    listed = run_in(venv, elsewhere, "papermill", "--help-notebook", "in.ipynb").stdout
    assert [line.strip() for line in listed.splitlines()[-5:]] == [
        "lr: float (default 0.1)", 'name: str (default "default")', "labels: list (default [1])",
        "quick: bool (default false)", "opts: dict (default record(rank: 1))"]


def test_papermill_refuses_a_parameter_finch_has_no_value_for(venv, elsewhere):
    folder, _ = elsewhere
    notebook(folder / "in.ipynb", "print tags", parameters="tags = []")
    result = run_in(venv, elsewhere, "papermill", "in.ipynb", "out.ipynb", "-y", "tags: !!set {a, b}", check=False)
    assert result.returncode != 0
    assert "UnsupportedParameter: parameter tags: Finch has no value of type set" in result.stderr
    assert not (folder / "out.ipynb").exists()


def test_a_broken_install_says_which_library_is_missing(venv, elsewhere):
    library = kernelspec_folder(venv) / "lib" / "libzmq.so.5"
    library.rename(library.with_suffix(".moved"))
    try:
        result = run_in(venv, elsewhere, "python", "-m", "finch_kernel", "--version", check=False)
    finally:
        library.with_suffix(".moved").rename(library)
    assert result.returncode == 127
    assert f"missing:\n  {library}\n" in result.stderr
