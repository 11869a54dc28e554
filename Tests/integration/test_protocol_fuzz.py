"""A protocol fuzzer: seeded, hostile traffic at a real kernel over ZeroMQ, then proof it still serves.

Each round takes a well-formed, signed request of a random type and, mostly, breaks it one way:
a bad signature, frames cut short or missing the delimiter, a part that is not JSON (or JSON that
is not an object), a field of the wrong type, an unknown or non-string msg_type, a header without
its fields, extra identities and buffers, a byte flipped then signed again (so it reaches the JSON
parser), deep nesting, or a field of several MiB (escapes, many keys) within the message-size
bound. It goes to shell, control or stdin; junk also goes to the heartbeat. Every
`CHECK_EVERY` messages the kernel must be alive and answer a kernel_info_request on control;
at the end it must answer one on shell (within a minute: shell may still be working through
what it was sent) and run a cell.

Figures (2 shared cores, 2026-12-01), 5 000 messages a run (the default), stopping at 60 s at most:
seed 20261201 (the default) 184 MiB in 8 s; seeds 1, 2, 3 and 4: 192–255 MiB in 8–29 s; every
run 0 deaths, 0 hangs. The fuzzer found one slow path, since fixed: 260 000 user_expressions in
one request were answered in quadratic time, so shell fell minutes behind. Set FINCH_FUZZ_SEED, FINCH_FUZZ_MESSAGES and FINCH_FUZZ_SECONDS to explore;
`pytest -s` prints the figures of a run.
"""
import json
import os
import random
import string
import time

import zmq
from jupyter_client.jsonutil import json_default
from jupyter_client.manager import KernelManager

from conftest import KERNEL_NAME, TIMEOUT, run_cell

SEED = int(os.environ.get("FINCH_FUZZ_SEED", "20261201"))
MESSAGES = int(os.environ.get("FINCH_FUZZ_MESSAGES", "5000"))
SECONDS = float(os.environ.get("FINCH_FUZZ_SECONDS", "60"))
CHECK_EVERY = 100

# Requests that reply quickly whatever they hold; shutdown_request is left out (it ends the kernel
# as asked), and code is drawn from snippets that cannot run long or wait for input.
TYPES = ["execute_request", "complete_request", "inspect_request", "is_complete_request", "history_request",
         "kernel_info_request", "comm_info_request", "comm_open", "comm_msg", "comm_close", "interrupt_request",
         "input_reply", "no_such_request", "", "execute_reply", "status", "debug_request"]
CODE = ["1", "6*7", "x = 1", "x", "print 1", "print \"é😀\"", "[1, 2", "\"open", "1/0", "for i in 1..3 { print i }",
        "model m {", "}", "help", "nope(", "\u0000", "\\u{ZZ}", "if { } else", "1..", "{{{{", "#" * 50]
JSON_VALUES = [None, True, False, 0, -1, 2**31, 2**63 - 1, -(2**63), 1.5, 1e308, "", "x", [], {}, [None], {"a": 1}]


def random_json(rng, depth=0):
    kind = rng.randrange(8 if depth < 4 else 4)
    if kind < 4:
        return rng.choice(JSON_VALUES)
    if kind == 4:
        return "".join(rng.choice(string.printable + "é😀\u2028") for _ in range(rng.randrange(20)))
    if kind == 5:
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {random_text(rng, 8): random_json(rng, depth + 1) for _ in range(rng.randrange(4))}


def random_text(rng, length):
    return "".join(rng.choice(string.ascii_letters + "_") for _ in range(rng.randrange(1, length)))


def content_for(rng, msg_type):
    """Plausible content for `msg_type`, with some fields of the wrong type."""
    content = {
        "execute_request": {"code": rng.choice(CODE), "silent": rng.random() < 0.2, "store_history": True,
                            "user_expressions": {"e": rng.choice(CODE)}, "allow_stdin": False,
                            "stop_on_error": rng.random() < 0.5},
        "complete_request": {"code": rng.choice(CODE), "cursor_pos": rng.choice([0, 3, -5, 10**9, 2**63 - 1])},
        "inspect_request": {"code": rng.choice(CODE), "cursor_pos": rng.choice([0, 1, -1, 10**12]),
                            "detail_level": rng.choice([0, 1, 99])},
        "is_complete_request": {"code": rng.choice(CODE)},
        "history_request": {"hist_access_type": rng.choice(["tail", "range", "search", "nope"]), "output": True,
                            "raw": True, "n": rng.choice([1, 0, -3, 2**62]), "start": rng.choice([0, -1, 2**62]),
                            "stop": rng.choice([0, 5, -2**62]), "session": rng.choice([0, 1, -7]),
                            "pattern": rng.choice(["*", "[", "[!", "?*[a-", "*" * 40]), "unique": True},
        "comm_open": {"comm_id": random_text(rng, 10), "target_name": random_text(rng, 10), "data": {}},
        "input_reply": {"value": random_text(rng, 10)},
    }.get(msg_type, {})
    for field in list(content):
        if rng.random() < 0.15:
            content[field] = random_json(rng)
    if rng.random() < 0.1:
        content[random_text(rng, 6)] = random_json(rng)
    return content


def huge_content(rng, budget):
    """The JSON of a content of about `budget` bytes: a long escaped string, many keys, or deep nesting."""
    kind = rng.randrange(3)
    if kind == 0:
        unit = "print \"a\"\n\t\\ é😀 \u0001"
        return json.dumps({"code": "#" + unit * (budget // len(json.dumps(unit)))}).encode()
    if kind == 1:
        return json.dumps({"code": "1", "user_expressions": {f"k{i}": "1" for i in range(budget // 16)}}).encode()
    depth = rng.choice([100, 511, 600, 5000, budget // 2])
    return b'{"code": "1", "nested": ' + b"[" * depth + b"]" * depth + b"}"


class Fuzzer:
    def __init__(self, manager, session, rng):
        info = manager.get_connection_info()
        self.context = zmq.Context()
        self.session, self.rng = session, rng
        self.sockets = {}
        for channel in ["shell", "control", "stdin", "hb"]:
            socket = self.context.socket(zmq.DEALER)
            socket.linger = 0
            socket.connect(f"tcp://{info['ip']}:{info[channel + '_port']}")
            self.sockets[channel] = socket
        self.sent = self.bytes = 0

    def frames(self):
        """A signed request's frames, most of them then broken one way or another."""
        rng, session = self.rng, self.session
        msg_type = rng.choice(TYPES)
        content = content_for(rng, msg_type)
        header = session.msg_header(msg_type)
        parts = [header, {}, {}, content]
        mutation = rng.randrange(14)
        if mutation == 0:
            header[rng.choice(list(header))] = random_json(rng)
        elif mutation == 1:
            del header[rng.choice(list(header))]
        elif mutation == 2:
            header["msg_type"] = random_json(rng)
        elif mutation == 3:
            parts[rng.randrange(4)] = random_json(rng)
        packed = [json.dumps(part, default=json_default, ensure_ascii=rng.random() < 0.5).encode() for part in parts]
        if rng.random() < 0.03:
            packed[3] = huge_content(rng, rng.choice([1, 2, 4]) << 20)
        if mutation == 4:
            index = rng.randrange(4)
            packed[index] = packed[index][: rng.randrange(len(packed[index]) + 1)]
        elif mutation == 5:
            index = rng.randrange(4)
            packed[index] = bytes(rng.randrange(256) for _ in range(rng.randrange(40)))
        elif mutation == 6:
            index = rng.randrange(4)
            if packed[index]:
                data = bytearray(packed[index])
                data[rng.randrange(len(data))] = rng.randrange(256)
                packed[index] = bytes(data)
        signature = session.sign(packed)
        if mutation == 7:
            signature = bytes(rng.choice(b"0123456789abcdef") for _ in range(len(signature)))
        elif mutation == 8:
            signature = b""
        identities = [os.urandom(rng.randrange(1, 8)) for _ in range(rng.randrange(3))] if mutation == 9 else []
        frames = identities + [b"<IDS|MSG>", signature] + packed
        if mutation == 10:
            frames = frames[: rng.randrange(len(frames))]
        elif mutation == 11:
            frames = [frame for frame in frames if frame != b"<IDS|MSG>"]
        elif mutation == 12:
            frames += [os.urandom(rng.randrange(100)) for _ in range(rng.randrange(1, 4))]
        return frames or [b""]

    def send_one(self):
        channel = self.rng.choices(["shell", "control", "stdin", "hb"], weights=[6, 2, 2, 1])[0]
        frames = self.frames() if channel != "hb" else [os.urandom(self.rng.randrange(64))]
        self.sockets[channel].send_multipart(frames)
        self.sent += 1
        self.bytes += sum(len(frame) for frame in frames)
        for socket in self.sockets.values():
            while socket.poll(0):
                socket.recv_multipart()

    def close(self):
        for socket in self.sockets.values():
            socket.close()
        self.context.term()


def answers_kernel_info(client, channel, timeout=TIMEOUT):
    message = client.session.msg("kernel_info_request")
    getattr(client, f"{channel}_channel").send(message)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            reply = getattr(client, f"get_{channel}_msg")(timeout=max(0.1, deadline - time.monotonic()))
        except Exception:
            return False
        if reply["parent_header"].get("msg_id") == message["header"]["msg_id"]:
            return reply["content"]["status"] == "ok"
    return False


def test_hostile_traffic_neither_kills_nor_hangs_the_kernel(tmp_path):
    rng = random.Random(SEED)
    manager = KernelManager(kernel_name=KERNEL_NAME)
    with open(tmp_path / "kernel.log", "w") as log:
        manager.start_kernel(stderr=log)
    process = manager.provisioner.process
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=TIMEOUT)
    fuzzer = Fuzzer(manager, client.session, rng)
    deaths = hangs = 0
    started = time.monotonic()
    try:
        while fuzzer.sent < MESSAGES and time.monotonic() - started < SECONDS:
            fuzzer.send_one()
            if fuzzer.sent % CHECK_EVERY == 0:
                if process.poll() is not None:
                    deaths += 1
                    break
                if not answers_kernel_info(client, "control"):
                    hangs += 1
                    break
        elapsed = time.monotonic() - started
        print(f"\nfuzz seed {SEED}: {fuzzer.sent} messages, {fuzzer.bytes / 2**20:.1f} MiB in {elapsed:.1f} s; "
              f"{deaths} deaths, {hangs} hangs")
        assert deaths == 0 and process.poll() is None, f"the kernel died (seed {SEED}, message {fuzzer.sent}); see its log"
        assert hangs == 0, f"the kernel stopped answering on control (seed {SEED}, message {fuzzer.sent})"
        assert answers_kernel_info(client, "shell", timeout=60), "shell did not answer after the fuzzing (it may be behind)"
        reply, outputs = run_cell(client, "6*7", timeout=60)
        assert reply["content"]["status"] == "ok"
        assert outputs[-1]["content"]["data"]["text/plain"] == "42"
    finally:
        fuzzer.close()
        client.stop_channels()
        manager.shutdown_kernel(now=process.poll() is not None)
