"""`finch-launch`, what the kernelspec starts: it listens on the connection file's TCP ports, then
becomes the `finch` beside it with the same arguments and the sockets named in
FINCH_LISTENING_FDS; for anything it cannot open early, it opens nothing and starts finch as asked.
A stand-in `finch` (a shell script) reports what it was given."""
import json
import os
import shutil
import socket
import subprocess
import time

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import KERNEL_NAME, ROOT, run_cell

LAUNCHER = ROOT / ".build" / "release" / "finch-launch"
STAND_IN = """#!/bin/sh
{ echo "variable=${FINCH_LISTENING_FDS-unset}"; echo "arguments=$*"; } > "$REPORT"
exec sleep 30
"""


def free_ports(count):
    """`count` TCP ports on 127.0.0.1 that nothing listens on now."""
    sockets = [socket.socket() for _ in range(count)]
    for held in sockets:
        held.bind(("127.0.0.1", 0))
    ports = [held.getsockname()[1] for held in sockets]
    for held in sockets:
        held.close()
    return ports


@pytest.fixture
def launch(tmp_path):
    """Runs the launcher beside the stand-in with a connection file of `fields`; returns the
    report ({variable, arguments}) and the ports, and stops the stand-in afterwards."""
    (tmp_path / "bin").mkdir()
    shutil.copy(LAUNCHER, tmp_path / "bin" / "finch-launch")
    (tmp_path / "bin" / "finch").write_text(STAND_IN)
    (tmp_path / "bin" / "finch").chmod(0o755)
    started = []

    def run(subcommand="kernel", **fields):
        ports = free_ports(5)
        connection = {"transport": "tcp", "ip": "127.0.0.1", "key": "k", "signature_scheme": "hmac-sha256",
                      **dict(zip(["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"], ports)), **fields}
        (tmp_path / "connection.json").write_text(json.dumps(connection))
        report = tmp_path / "report.txt"
        report.unlink(missing_ok=True)
        process = subprocess.Popen([str(tmp_path / "bin" / "finch-launch"), subcommand, "--connection-file",
                                    str(tmp_path / "connection.json")], env={**os.environ, "REPORT": str(report)})
        started.append(process)
        deadline = time.monotonic() + 10
        while not report.exists() or not report.read_text().endswith("\n") or report.read_text().count("\n") < 2:
            assert time.monotonic() < deadline, "the stand-in never ran"
            time.sleep(0.01)
        lines = dict(line.split("=", 1) for line in report.read_text().splitlines())
        return lines, ports

    yield run
    for process in started:
        process.kill()
        process.wait()


def accepts(port):
    """Whether a TCP connection to 127.0.0.1:`port` is accepted."""
    with socket.socket() as client:
        return client.connect_ex(("127.0.0.1", port)) == 0


def test_the_launcher_listens_on_every_port_then_becomes_finch_with_the_same_arguments(launch, tmp_path):
    report, ports = launch()
    assert report["arguments"] == f"kernel --connection-file {tmp_path / 'connection.json'}"
    listed = dict(entry.split("=") for entry in report["variable"].split(","))
    assert sorted(map(int, listed)) == sorted(ports)
    assert all(accepts(port) for port in ports)


@pytest.mark.parametrize("fields", [{"transport": "ipc", "ip": "/tmp/finch-launch-test"}, {"ip": "localhost"},
                                    {"ip": "::1"}, {"hb_port": 0}, {"shell_port": "5"}])
def test_what_the_launcher_cannot_open_early_it_leaves_to_finch(launch, fields):
    report, ports = launch(**fields)
    assert report["variable"] == "unset"
    assert not any(accepts(port) for port in ports)


def test_a_port_in_use_opens_none_of_them(launch):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        report, ports = launch(control_port=busy.getsockname()[1])
        assert report["variable"] == "unset"
        assert not any(accepts(port) for port in ports if port != busy.getsockname()[1])


def test_other_commands_pass_straight_through(launch, tmp_path):
    report, _ = launch(subcommand="run")
    assert report == {"variable": "unset", "arguments": f"run --connection-file {tmp_path / 'connection.json'}"}


def test_the_installed_kernelspec_starts_the_launcher_and_the_kernel_answers(kernel):
    assert os.path.basename(KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv[0]) == "finch-launch"
    _, client = kernel
    reply, outputs = run_cell(client, "6 * 7")
    assert reply["content"]["status"] == "ok"
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["42"]
