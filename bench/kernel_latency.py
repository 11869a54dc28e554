#!/usr/bin/env python3
"""Kernel start-up and round-trip latency through jupyter_client: Finch beside xeus-python and ipykernel.

Start-up is what a client waits for in `start_new_kernel`: from `KernelManager(...)` until
`wait_for_ready` returns (the first kernel_info_reply, an IOPub message within 0.2 s of it, then
IOPub quiet for 0.2 s). The round-trip is a trivial execute (`1`: reply and idle received). The
kernels take turns, start by start and block by block of executes, so the machine's drift reaches
all of them alike. Kernelspecs are read from this Python's environment only
(`sys.prefix/share/jupyter/kernels`): run the script with the Python of the venv to measure.
Run it via `make bench-kernel`; bench/README.md has the figures.
"""
import argparse
import math
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import KernelManager

# (label, kernelspec name, pip package that provides it); the first is measured, the second is the reference.
KERNELS = (("finch", "finch", "finch-kernel"), ("xeus-python", "xpython", "xeus-python"), ("ipykernel", "python3", "ipykernel"))
# The targets for Finch against xeus-python in the same run.
STARTUP_RATIO_TARGET = 0.7
STARTUP_SPREAD_TARGET = 1.5


def percentile(values, fraction):
    """The nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def resident_mib(pid):
    """The resident memory of process `pid`, in MiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Kernel:
    """One kernel under test: its kernelspec in this environment and the figures measured so far."""

    def __init__(self, label, spec_name, package, specs, output):
        self.label, self.spec_name, self.package = label, spec_name, package
        self.specs, self.output = specs, output
        try:
            self.argv = specs.get_kernel_spec(spec_name).argv
        except NoSuchKernel:
            self.argv = None
        self.forget_starts()
        self.round_trips_ms, self.idle_rss_mib = [], None

    @property
    def installed(self):
        return self.argv is not None

    def launch(self):
        """Starts the kernel as `start_new_kernel` does; returns the manager and the ready client."""
        manager = KernelManager(kernel_name=self.spec_name, kernel_spec_manager=self.specs)
        manager.start_kernel(stdout=self.output, stderr=self.output)
        client = manager.client()
        client.start_channels()
        return manager, client

    def time_start(self):
        """Starts the kernel once through `wait_for_ready`, records its figures, and shuts it down."""
        began = time.perf_counter()
        manager, client = self.launch()
        # Watches wait_for_ready without changing it: how many kernel_info requests it sent (more
        # than one is a retry) and when the first kernel_info_reply arrived.
        sent, replies = [], []
        send_kernel_info, shell_get = client.kernel_info, client.shell_channel.get_msg

        def counting_kernel_info(*args, **kwargs):
            sent.append(time.perf_counter())
            return send_kernel_info(*args, **kwargs)

        def noting_get(*args, **kwargs):
            message = shell_get(*args, **kwargs)
            if message["msg_type"] == "kernel_info_reply":
                replies.append(time.perf_counter())
            return message

        client.kernel_info, client.shell_channel.get_msg = counting_kernel_info, noting_get
        client.wait_for_ready(timeout=60)
        self.startup_ms.append((time.perf_counter() - began) * 1000)
        self.first_reply_ms.append((replies[0] - began) * 1000)
        self.kernel_info_sent.append(len(sent))
        client.stop_channels()
        manager.shutdown_kernel(now=False)

    def forget_starts(self):
        """Drops the figures of the starts so far (the untimed first one)."""
        self.startup_ms, self.first_reply_ms, self.kernel_info_sent = [], [], []

    def start_for_round_trips(self, warm_up):
        """Starts the kernel that the timed executes will use, and runs `warm_up` untimed ones."""
        self.manager, self.client = self.launch()
        self.client.wait_for_ready(timeout=60)
        for _ in range(warm_up):
            self.execute()

    def execute(self):
        """Milliseconds for one trivial execute, from the request until its reply and idle are in."""
        began = time.perf_counter()
        reply = self.client.execute_interactive("1", timeout=10, output_hook=lambda message: None)
        elapsed = (time.perf_counter() - began) * 1000
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"{self.label}: executing `1` failed: {reply['content']}")
        return elapsed

    def stop_after_round_trips(self):
        """Notes the resident memory of the kernel idle for a second, then shuts it down."""
        time.sleep(1.0)
        self.idle_rss_mib = resident_mib(self.manager.provisioner.process.pid)
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=False)

    def figures(self):
        """The figures of the table, by name."""
        return {
            "start-up median (ms)": statistics.median(self.startup_ms),
            "start-up min (ms)": min(self.startup_ms),
            "start-up max (ms)": max(self.startup_ms),
            "first kernel_info_reply, median (ms)": statistics.median(self.first_reply_ms),
            "kernel_info retries (starts with one)": sum(1 for sent in self.kernel_info_sent if sent > 1),
            "round-trip median (ms)": statistics.median(self.round_trips_ms),
            "round-trip p99 (ms)": percentile(self.round_trips_ms, 0.99),
            "round-trip max (ms)": max(self.round_trips_ms),
            "idle RSS (MiB)": self.idle_rss_mib,
        }


def turns(kernels, round_index):
    """The kernels in the order of one round: rotated every round, so none is always first."""
    shift = round_index % len(kernels)
    return kernels[shift:] + kernels[:shift]


def measure(kernels, starts, rounds, blocks):
    """Times `starts` starts of each kernel, then `rounds` executes of each in `blocks` turns."""
    for kernel in kernels:
        kernel.time_start()
        kernel.forget_starts()
    for round_index in range(starts):
        for kernel in turns(kernels, round_index):
            kernel.time_start()
    for kernel in kernels:
        kernel.start_for_round_trips(warm_up=20)
    per_block = math.ceil(rounds / blocks)
    for block in range(blocks):
        for kernel in turns(kernels, block):
            kernel.round_trips_ms.extend(kernel.execute() for _ in range(per_block))
    for kernel in kernels:
        kernel.stop_after_round_trips()


def verdict(met):
    return "met" if met else "NOT MET"


def targets(finch, reference):
    """The issue's targets for Finch: (figure, target text, met) rows; `reference` may be `None`."""
    rows = []
    spread = finch["start-up max (ms)"] / finch["start-up median (ms)"]
    if reference:
        ratio = finch["start-up median (ms)"] / reference["start-up median (ms)"]
        rows.append(("start-up median", f"<= {STARTUP_RATIO_TARGET}x xeus-python: {ratio:.2f}x",
                     ratio <= STARTUP_RATIO_TARGET))
    rows.append(("start-up max", f"<= {STARTUP_SPREAD_TARGET}x Finch's median: {spread:.2f}x",
                 spread <= STARTUP_SPREAD_TARGET))
    if reference:
        for name in ("round-trip median", "round-trip p99"):
            ratio = finch[name + " (ms)"] / reference[name + " (ms)"]
            rows.append((name, f"<= xeus-python's: {ratio:.2f}x", ratio <= 1))
    return rows


def report(kernels, starts, rounds, blocks):
    finch, reference = kernels[0], kernels[1]
    measured = [kernel for kernel in kernels if kernel.installed]
    print(f"environment: {sys.prefix} (Python {sys.version.split()[0]}); kernelspecs from {finch.specs.kernel_dirs[0]}")
    for kernel in kernels:
        status = " ".join(kernel.argv) if kernel.installed else (
            f"NOT INSTALLED: no kernelspec `{kernel.spec_name}` here (pip install {kernel.package}, "
            "or `make bench-kernel`, which installs bench/requirements.txt)")
        print(f"  {kernel.label:<12} {status}")
    print(f"{starts} timed starts (after one untimed) and {blocks}x{math.ceil(rounds / blocks)} trivial executes "
          "per kernel, taking turns\n")
    figures = {kernel.label: kernel.figures() for kernel in measured}
    header = f"{'figure':<40}" + "".join(f"{kernel.label:>13}" for kernel in measured)
    if reference.installed:
        header += f"{'finch/xeus':>12}"
    print(header)
    for name in figures[finch.label]:
        line = f"{name:<40}" + "".join(f"{figures[kernel.label][name]:>13{'d' if 'retries' in name else '.1f'}}"
                                       for kernel in measured)
        if reference.installed:
            value, against = figures[finch.label][name], figures[reference.label][name]
            line += f"{value / against:>11.2f}x" if against and "retries" not in name else f"{'':>12}"
        print(line)
    print("\ntargets (Finch):")
    for name, target, met in targets(figures[finch.label], figures.get(reference.label)):
        print(f"  {name:<20} {target:<42} {verdict(met)}")
    if not reference.installed:
        print("  (start-up median and round-trip targets need xeus-python, which is not installed)")


def report_each(kernels):
    """Every timed start: wait_for_ready, the first kernel_info_reply, the kernel_info requests sent."""
    print("\nevery start (ms until ready / until the first kernel_info_reply / kernel_info requests sent):")
    for kernel in kernels:
        starts = zip(kernel.startup_ms, kernel.first_reply_ms, kernel.kernel_info_sent)
        print(f"  {kernel.label:<12} " + "  ".join(f"{ready:.0f}/{reply:.0f}/{sent}" for ready, reply, sent in starts))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=15, help="timed starts per kernel")
    parser.add_argument("--rounds", type=int, default=500, help="timed trivial executes per kernel")
    parser.add_argument("--blocks", type=int, default=10, help="turns the executes are split into")
    parser.add_argument("--finch", default="finch", metavar="KERNELSPEC", help="the kernelspec of Finch to measure")
    parser.add_argument("--each", action="store_true", help="also print every timed start")
    args = parser.parse_args()
    specs = KernelSpecManager(kernel_dirs=[os.path.join(sys.prefix, "share", "jupyter", "kernels")])
    with tempfile.NamedTemporaryFile("w", prefix="kernel-latency-", suffix=".log", delete=False) as output:
        kernels = [Kernel(label, args.finch if label == "finch" else name, package, specs, output)
                   for label, name, package in KERNELS]
        if not kernels[0].installed:
            sys.exit(f"kernel_latency: no kernelspec `{args.finch}` under {specs.kernel_dirs[0]}; "
                     "install Finch into this environment first (make install, or pip install the wheel)")
        try:
            measure([kernel for kernel in kernels if kernel.installed], args.starts, args.rounds, args.blocks)
        except Exception:
            print(f"kernel_latency: a kernel failed; its output is in {output.name}", file=sys.stderr)
            raise
    os.unlink(output.name)
    report(kernels, args.starts, args.rounds, args.blocks)
    if args.each:
        report_each([kernel for kernel in kernels if kernel.installed])


if __name__ == "__main__":
    main()
