"""What the kernel binds, what it warns about, and what it refuses: loopback and IPv6 addresses,
ipc socket files only its user can open (and gone when it stops), a bound on message size, and a
warning for an unsigned or network-reachable connection."""
import json
import os
import socket
import stat
import subprocess
import uuid

import pytest
import zmq
from jupyter_client.blocking import BlockingKernelClient
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME, TIMEOUT, run_cell


def started(manager, **options):
    """Starts `manager`'s kernel with stderr captured; returns (client, kernel process)."""
    manager.start_kernel(stderr=subprocess.PIPE, **options)
    process = manager.provisioner.process
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=TIMEOUT)
    return client, process


def stopped(manager, client, process):
    """Shuts the kernel down by a shutdown_request and returns its log (standard error)."""
    client.shutdown()
    process.wait(timeout=10)
    client.stop_channels()
    log = process.stderr.read().decode()
    manager.shutdown_kernel(now=True)
    return log


def free_ports(family, host, count=5):
    sockets = [socket.socket(family) for _ in range(count)]
    for sock in sockets:
        sock.bind((host, 0))
    ports = [sock.getsockname()[1] for sock in sockets]
    for sock in sockets:
        sock.close()
    return ports


def launched(tmp_path, ip, family=socket.AF_INET):
    """A kernel on `ip`, started from a connection file of our own (jupyter_client's manager refuses
    to start one on `localhost` or `::1`, though its clients connect there); returns (client, process)."""
    names = ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"]
    connection = dict(zip(names, free_ports(family, ip)), ip=ip, transport="tcp", key=uuid.uuid4().hex,
                      signature_scheme="hmac-sha256", kernel_name=KERNEL_NAME)
    path = tmp_path / "kernel.json"
    path.write_text(json.dumps(connection))
    argv = [arg.format(connection_file=path) for arg in KernelSpecManager().get_kernel_spec(KERNEL_NAME).argv]
    process = subprocess.Popen(argv, stderr=subprocess.PIPE)
    context = zmq.Context()
    context.setsockopt(zmq.IPV6, 1)  # a client's sockets take their options from its context
    client = BlockingKernelClient(context=context)
    client.load_connection_file(str(path))
    client.start_channels()
    client.wait_for_ready(timeout=TIMEOUT)
    return client, process


@pytest.mark.parametrize("ip, family", [("localhost", socket.AF_INET), ("::1", socket.AF_INET6)])
def test_localhost_and_the_ipv6_loopback_bind_and_serve(tmp_path, ip, family):
    client, process = launched(tmp_path, ip, family)
    try:
        reply, outputs = run_cell(client, "6*7")
        assert reply["content"]["status"] == "ok"
        assert outputs[-1]["content"]["data"]["text/plain"] == "42"
        client.shutdown()
        assert process.wait(timeout=10) == 0
        assert "warning" not in process.stderr.read().decode()
    finally:
        client.stop_channels()
        if process.poll() is None:
            process.kill()


def test_an_empty_key_and_a_network_address_are_warned_about():
    manager = KernelManager(kernel_name=KERNEL_NAME, ip="0.0.0.0")
    manager.session.key = b""
    client, process = started(manager)
    reply, _ = run_cell(client, "1")
    assert reply["content"]["status"] == "ok"
    log = stopped(manager, client, process)
    assert "[finch warning] the connection file has an empty key" in log
    assert "[finch warning] binding to 0.0.0.0, which is not a loopback address" in log


def test_a_signed_loopback_kernel_warns_about_nothing():
    manager = KernelManager(kernel_name=KERNEL_NAME)
    client, process = started(manager)
    assert stopped(manager, client, process) == ""


def test_ipc_socket_files_are_private_and_removed_at_exit(tmp_path):
    manager = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=str(tmp_path / "finch"))
    client, process = started(manager)
    files = sorted(tmp_path.glob("finch-*"))
    assert len(files) == 5
    for path in files:
        mode = path.stat().st_mode
        assert stat.S_ISSOCK(mode)
        assert stat.S_IMODE(mode) == 0o600, f"{path.name} is {oct(stat.S_IMODE(mode))}"
    reply, _ = run_cell(client, "1")
    assert reply["content"]["status"] == "ok"
    client.shutdown()
    assert process.wait(timeout=10) == 0
    assert sorted(tmp_path.glob("finch-*")) == []
    client.stop_channels()
    manager.shutdown_kernel(now=True)


def send_execute(manager, session, code):
    """Sends a signed execute_request for `code` from a socket of its own; returns (socket, msg_id)."""
    info = manager.get_connection_info()
    socket = zmq.Context.instance().socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"tcp://{info['ip']}:{info['shell_port']}")
    message = session.msg("execute_request", {"code": code, "silent": False, "store_history": False,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    session.send(socket, message)
    return socket, message["header"]["msg_id"]


def test_a_frame_above_the_maximum_message_size_is_refused():
    manager = KernelManager(kernel_name=KERNEL_NAME)
    client, process = started(manager, env={**os.environ, "FINCH_MAX_MESSAGE_SIZE": "64K"})
    small, small_id = send_execute(manager, client.session, "# " + "x" * 30_000 + "\n6*7")
    assert small.poll(TIMEOUT * 1000)
    assert client.session.recv(small)[1]["parent_header"]["msg_id"] == small_id
    large, _ = send_execute(manager, client.session, "# " + "x" * 100_000 + "\n6*7")
    assert not large.poll(1500), "a 100 KB frame was answered with a 64 KiB limit"
    small.close()
    large.close()
    assert process.poll() is None
    reply, outputs = run_cell(client, "6*7")
    assert reply["content"]["status"] == "ok"
    stopped(manager, client, process)


def test_a_bad_maximum_message_size_stops_the_kernel_saying_why():
    manager = KernelManager(kernel_name=KERNEL_NAME)
    manager.start_kernel(stderr=subprocess.PIPE, env={**os.environ, "FINCH_MAX_MESSAGE_SIZE": "lots"})
    process = manager.provisioner.process
    assert process.wait(timeout=10) != 0
    assert "FINCH_MAX_MESSAGE_SIZE must be a positive number of bytes" in process.stderr.read().decode()
    manager.cleanup_resources()
