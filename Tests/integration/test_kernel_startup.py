"""Start-up and end of life: each IOPub subscriber is welcomed (JEP 65), so jupyter_client's
wait_for_ready needs one kernel_info_request, and a kernel whose parent dies exits by itself."""
import os
import signal
import subprocess
import sys
import textwrap
import time

import zmq
from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME, TIMEOUT


def subscriber(manager, topic):
    info = manager.get_connection_info()
    socket = zmq.Context.instance().socket(zmq.SUB)
    socket.linger = 0
    socket.setsockopt(zmq.SUBSCRIBE, topic)
    socket.connect(f"tcp://{info['ip']}:{info['iopub_port']}")
    return socket


def welcome(client, socket, timeout):
    """The (topic, message) of the first message on `socket` within `timeout` seconds, or None."""
    if not socket.poll(timeout * 1000):
        return None
    frames = socket.recv_multipart()
    identities, message = client.session.feed_identities(frames)
    return identities, client.session.deserialize(message)


def test_each_subscriber_is_welcomed_under_its_topic(kernel):
    manager, client = kernel
    for topic in [b"", b"kernel.finch.status"]:
        socket = subscriber(manager, topic)
        identities, message = welcome(client, socket, 2)
        socket.close()
        assert identities == [topic]
        assert message["msg_type"] == "iopub_welcome"
        assert message["content"] == {"subscription": topic.decode()}
        assert message["parent_header"] == {}


def test_an_overlong_topic_is_refused(kernel):
    manager, client = kernel
    socket = subscriber(manager, b"t" * 2048)
    assert welcome(client, socket, 1) is None
    socket.close()
    assert manager.is_alive()


def test_wait_for_ready_needs_one_kernel_info_request():
    manager = KernelManager(kernel_name=KERNEL_NAME)
    manager.start_kernel()
    client = manager.client()
    requests = []
    send_kernel_info = client.kernel_info
    client.kernel_info = lambda: requests.append(send_kernel_info())
    client.start_channels()
    try:
        client.wait_for_ready(timeout=TIMEOUT)
        assert len(requests) == 1
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


LAUNCHER = textwrap.dedent("""
    import sys, time
    from jupyter_client.manager import KernelManager
    manager = KernelManager(kernel_name=sys.argv[1])
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=15)
    print(manager.provisioner.process.pid, flush=True)
    time.sleep(600)
""")


def has_exited(pid):
    """Whether process `pid` has ended (gone, or a zombie its new parent has not reaped)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


def test_a_kernel_whose_parent_dies_exits_within_two_seconds():
    launcher = subprocess.Popen([sys.executable, "-c", LAUNCHER, KERNEL_NAME], stdout=subprocess.PIPE, text=True)
    kernel_pid = int(launcher.stdout.readline())
    try:
        assert not has_exited(kernel_pid)
        launcher.kill()
        launcher.wait()
        killed = time.monotonic()
        while not has_exited(kernel_pid) and time.monotonic() - killed < 10:
            time.sleep(0.05)
        exited_after = time.monotonic() - killed
        assert has_exited(kernel_pid)
        assert exited_after < 2.0, f"the kernel outlived its parent by {exited_after:.2f} s"
    finally:
        if not has_exited(kernel_pid):
            os.kill(kernel_pid, signal.SIGKILL)
