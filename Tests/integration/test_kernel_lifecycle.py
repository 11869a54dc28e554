"""Interrupts, shutdown and restart, bad signatures, bad frames, stop_on_error: the kernel
survives what a real front end (or a broken one) sends, and loses no state it should keep."""
import signal
import time

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

from conftest import KERNEL_NAME, TIMEOUT, collect_iopub, run_cell


def test_interrupt_message_stops_a_long_cell_and_keeps_state(kernel):
    manager, client = kernel
    run_cell(client, "kept = 41")
    msg_id = client.execute("sleep 30\nkept = 0")
    time.sleep(0.5)
    started = time.monotonic()
    manager.interrupt_kernel()
    reply = client.get_shell_msg(timeout=TIMEOUT)
    stopped_after = time.monotonic() - started
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert stopped_after < 2.0, f"interrupt took {stopped_after:.2f}s"
    collect_iopub(client, msg_id)
    reply, outputs = run_cell(client, "kept + 1")
    assert reply["content"]["status"] == "ok"
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["42"]


def test_an_interrupted_training_cell_fails_and_the_queued_cell_is_aborted(kernel):
    """As ipykernel does: the interrupted cell replies `error` (its partial run kept and named),
    so Run All and nbclient stop, and the cell queued behind it does not run."""
    manager, client = kernel
    run_cell(client, "d = dataset \"digits\"\nmodel ae {\n  input features: 64\n  dense 16\n  reconstruct\n}")
    training = client.execute("pre = pretrain ae on d steps: 5000000 batch: 8")
    queued = client.execute("after = 1")
    time.sleep(1.5)
    manager.interrupt_kernel()
    replies = {}
    while len(replies) < 2:
        reply = client.get_shell_msg(timeout=TIMEOUT)
        replies[reply["parent_header"]["msg_id"]] = reply["content"]
    assert replies[training]["status"] == "error"
    assert replies[training]["ename"] == "Interrupted"
    assert replies[training]["evalue"] == "interrupted by the user; pre kept what finished before the interrupt"
    assert replies[queued]["status"] == "aborted"
    collect_iopub(client, training)
    reply, outputs = run_cell(client, "[pre.steps > 0, pre.steps < 5000000]")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["[true, true]"]
    reply, _ = run_cell(client, "after")
    assert reply["content"]["ename"] == "NameError"


def test_sigint_stops_a_long_cell(kernel):
    manager, client = kernel
    msg_id = client.execute("sleep 30")
    time.sleep(0.5)
    manager.signal_kernel(signal.SIGINT)
    reply = client.get_shell_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["ename"] == "Interrupted"
    collect_iopub(client, msg_id)
    reply, _ = run_cell(client, "1")
    assert reply["content"]["status"] == "ok"


def test_heartbeat_and_control_answer_while_a_cell_runs(kernel):
    manager, client = kernel
    msg_id = client.execute("sleep 3")
    time.sleep(0.3)
    assert manager.is_alive()
    client.control_channel.send(client.session.msg("kernel_info_request"))
    info = client.control_channel.get_msg(timeout=1)
    assert info["msg_type"] == "kernel_info_reply"
    manager.interrupt_kernel()
    assert client.get_shell_msg(timeout=TIMEOUT)["parent_header"]["msg_id"] == msg_id


def test_restart_gives_a_fresh_session(kernel):
    manager, client = kernel
    run_cell(client, "x = 5")
    manager.restart_kernel(now=False)
    client.wait_for_ready(timeout=TIMEOUT)
    reply, outputs = run_cell(client, "x")
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "NameError"
    reply, _ = run_cell(client, "1")
    assert reply["content"]["execution_count"] == 2


def test_shutdown_request_ends_the_process(kernel):
    manager, client = kernel
    client.shutdown(restart=False)
    reply = client.get_control_msg(timeout=TIMEOUT)
    assert reply["msg_type"] == "shutdown_reply"
    assert reply["content"] == {"status": "ok", "restart": False}
    assert manager.provisioner.process.wait(timeout=10) == 0


def test_shutdown_during_a_long_cell(kernel):
    manager, client = kernel
    client.execute("sleep 60")
    time.sleep(0.3)
    client.shutdown()
    deadline = time.monotonic() + 5
    while manager.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not manager.is_alive()


def test_a_message_with_a_bad_signature_is_ignored(kernel):
    manager, client = kernel
    forged = Session(key=b"not-the-key", session=client.session.session)
    forged.send(client.shell_channel.socket, "execute_request",
                {"code": "hacked = 1", "silent": False, "store_history": True, "user_expressions": {},
                 "allow_stdin": False, "stop_on_error": True})
    time.sleep(0.5)
    assert manager.is_alive()
    reply, _ = run_cell(client, "hacked")
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "NameError"


def test_garbage_frames_do_not_hurt_the_kernel(kernel):
    manager, client = kernel
    info = manager.get_connection_info()
    context = zmq.Context.instance()
    socket = context.socket(zmq.DEALER)
    socket.linger = 0
    socket.connect(f"tcp://{info['ip']}:{info['shell_port']}")
    session = client.session
    header = session.pack(session.msg_header("execute_request"))
    good_signature_bad_json = [b"{not json", b"{}", b"{}", b"{}"]
    frames = [
        [b"just one frame"],
        [b"<IDS|MSG>", b"sig"],
        [b"<IDS|MSG>", session.sign(good_signature_bad_json) if session.auth else b""] + good_signature_bad_json,
        [b"<IDS|MSG>", session.sign([header, b"{}", b"{}", b"[1]"]) if session.auth else b"", header, b"{}", b"{}", b"[1]"],
        [b"<IDS|MSG>", b"", b"\xff\xfe", b"{}", b"{}", b"{}"],
    ]
    for message in frames:
        socket.send_multipart(message)
    time.sleep(0.5)
    socket.close()
    assert manager.is_alive()
    reply, _ = run_cell(client, "6*7")
    assert reply["content"]["status"] == "ok"


def test_unknown_message_types_are_ignored(kernel):
    manager, client = kernel
    client.shell_channel.send(client.session.msg("no_such_request", {}))
    client.shell_channel.send(client.session.msg("execute_request", {"silent": False}))
    reply = client.get_shell_msg(timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok"
    assert manager.is_alive()


def test_stop_on_error_aborts_queued_executions(kernel):
    _, client = kernel
    failing = client.execute("sleep 0.5\nundefined_name")
    queued = [client.execute("after = 1"), client.execute("after = 2")]
    replies = {}
    while len(replies) < 3:
        msg = client.get_shell_msg(timeout=TIMEOUT)
        replies[msg["parent_header"]["msg_id"]] = msg["content"]["status"]
    assert replies[failing] == "error"
    assert [replies[m] for m in queued] == ["aborted", "aborted"]
    reply, _ = run_cell(client, "after")
    assert reply["content"]["ename"] == "NameError"


def test_stop_on_error_false_runs_the_queue(kernel):
    _, client = kernel
    failing = client.execute("sleep 0.3\nundefined_name", stop_on_error=False)
    queued = client.execute("after = 1")
    replies = {}
    while len(replies) < 2:
        msg = client.get_shell_msg(timeout=TIMEOUT)
        replies[msg["parent_header"]["msg_id"]] = msg["content"]["status"]
    assert replies == {failing: "error", queued: "ok"}


def test_errors_show_line_column_and_caret(kernel):
    _, client = kernel
    reply, outputs = run_cell(client, "x = 1\ny = lenght + x")
    assert reply["content"]["status"] == "error"
    error = [m for m in outputs if m["msg_type"] == "error"][0]["content"]
    traceback = "\n".join(error["traceback"])
    assert "2:5" in traceback
    assert "y = lenght + x" in traceback
    assert "^^^^^^" in traceback
    reply, _ = run_cell(client, "x")
    assert reply["content"]["status"] == "ok"


def test_a_huge_cell_is_handled(kernel):
    _, client = kernel
    code = "# filler\n" * 200_000 + "6*7"
    reply, outputs = run_cell(client, code, timeout=60)
    assert reply["content"]["status"] == "ok"
    assert outputs[-1]["content"]["data"]["text/plain"] == "42"


def test_user_expressions_are_evaluated(kernel):
    _, client = kernel
    reply, _ = run_cell(client, "x = 20", user_expressions={"double": "x * 2", "broken": "nope"})
    expressions = reply["content"]["user_expressions"]
    assert expressions["double"]["status"] == "ok"
    assert expressions["double"]["data"]["text/plain"] == "40"
    assert expressions["broken"]["status"] == "error"


def test_update_display_data_reuses_the_display_id(kernel):
    _, client = kernel
    reply, outputs = run_cell(client, 'display "first" id: "progress"\ndisplay "second" id: "progress" update: true')
    assert reply["content"]["status"] == "ok"
    kinds = [(m["msg_type"], m["content"]["transient"].get("display_id")) for m in outputs if "display" in m["msg_type"]]
    assert kinds == [("display_data", "progress"), ("update_display_data", "progress")]


def test_the_kernel_serves_over_ipc(tmp_path):
    manager = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=str(tmp_path / "finch"))
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=TIMEOUT)
        reply, outputs = run_cell(client, "6*7")
        assert reply["content"]["status"] == "ok"
        assert outputs[-1]["content"]["data"]["text/plain"] == "42"
        assert any(path.name.startswith("finch-") for path in tmp_path.iterdir())
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


def test_ask_reads_a_line_over_the_stdin_channel(kernel):
    _, client = kernel
    msg_id = client.execute('name = ask "Your name?"\n"hello " + name', allow_stdin=True)
    request = client.get_stdin_msg(timeout=TIMEOUT)
    assert request["msg_type"] == "input_request"
    assert request["content"] == {"prompt": "Your name?", "password": False}
    client.input("Ada")
    reply = client.get_shell_msg(timeout=TIMEOUT)
    assert reply["content"]["status"] == "ok"
    outputs = collect_iopub(client, msg_id)
    assert outputs[-1]["content"]["data"]["text/plain"] == '"hello Ada"'


def test_ask_without_stdin_is_a_clear_error(kernel):
    _, client = kernel
    reply, _ = run_cell(client, 'ask "Your name?"', allow_stdin=False)
    assert reply["content"]["status"] == "error"
    assert "does not send input" in reply["content"]["evalue"]


def test_exit_asks_the_front_end_to_end_the_session(kernel):
    _, client = kernel
    reply, _ = run_cell(client, "exit")
    assert reply["content"]["payload"] == [{"source": "ask_exit", "keepkernel": False}]
