"""Shared fixtures: the Finch kernel, installed as the kernelspec `finch` in the test venv."""
import os
import pathlib

import pytest
from jupyter_client.manager import start_new_kernel

ROOT = pathlib.Path(__file__).resolve().parents[2]
KERNEL_NAME = os.environ.get("FINCH_KERNEL_NAME", "finch")
TIMEOUT = 15


@pytest.fixture
def kernel():
    """A fresh kernel and a blocking client with channels started; shut down afterwards."""
    manager, client = start_new_kernel(kernel_name=KERNEL_NAME)
    yield manager, client
    client.stop_channels()
    manager.shutdown_kernel(now=False)


def run_cell(client, code, timeout=TIMEOUT, **options):
    """Executes `code` and returns (reply, IOPub messages of that request up to idle)."""
    msg_id = client.execute(code, **options)
    reply = client.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=timeout)
    outputs = collect_iopub(client, msg_id, timeout)
    return reply, outputs


def collect_iopub(client, msg_id, timeout=TIMEOUT):
    """IOPub messages whose parent is `msg_id`, until its `status: idle`."""
    outputs = []
    while True:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return outputs
        if msg["msg_type"] != "status":
            outputs.append(msg)
