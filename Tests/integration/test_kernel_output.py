"""Output through a real front end: nothing is lost and everything keeps its order, however much a
cell prints or shows (each print was its own IOPub message, and ZeroMQ's send high-water mark of
1 000 messages dropped half of a 100 000-line loop, and the displays a client had not read yet)."""
from conftest import run_cell


def stream_text(outputs, name="stdout"):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name)


def test_a_hundred_thousand_prints_arrive_whole_and_in_order(kernel):
    _, client = kernel
    reply, outputs = run_cell(client, "for i in 1..100000 { print i }", timeout=120)
    assert reply["content"]["status"] == "ok"
    lines = stream_text(outputs).splitlines()
    assert len(lines) == 100_000
    assert lines == [str(i) for i in range(1, 100_001)]
    streams = [m for m in outputs if m["msg_type"] == "stream"]
    assert len(streams) < 1_000, f"{len(streams)} stream messages for 100000 prints: not coalesced"


def test_twenty_thousand_displays_reach_a_client_that_reads_iopub_after_the_reply(kernel):
    _, client = kernel
    reply, outputs = run_cell(client, "for i in 1..20000 { display i }", timeout=120)
    assert reply["content"]["status"] == "ok"
    shown = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "display_data"]
    assert shown == [str(i) for i in range(1, 20_001)]


def test_output_keeps_its_order_around_displays_and_results(kernel):
    _, client = kernel
    reply, outputs = run_cell(client, 'print "before"\ndisplay "shown"\nprint "after"\n6*7')
    assert reply["content"]["status"] == "ok"
    kinds = [m["msg_type"] for m in outputs if m["msg_type"] != "execute_input"]
    assert kinds == ["stream", "display_data", "stream", "execute_result"]
    assert [m["content"]["text"] for m in outputs if m["msg_type"] == "stream"] == ["before\n", "after\n"]


def test_output_of_a_long_cell_arrives_while_it_runs(kernel):
    _, client = kernel
    msg_id = client.execute('print "early"\nsleep 3\nprint "late"')
    first = None
    while first is None:
        msg = client.get_iopub_msg(timeout=2.5)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            first = msg["content"]["text"]
    assert first == "early\n"
    reply = client.get_shell_msg(timeout=10)
    assert reply["content"]["status"] == "ok"
