#!/usr/bin/env python3
"""Kernel start-up and round-trip latency, Finch beside ipykernel, through jupyter_client.

For each kernel: the time from launching the process to its first kernel_info_reply, the
median and p99 round-trip of a trivial execute (`1`, reply and idle received), and the idle
resident memory. Prints one table; run it via `make bench-kernel`.
"""
import argparse
import statistics
import time

from jupyter_client.manager import KernelManager


def resident_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(kernel_name, rounds, starts):
    startup_ms, round_trips_ms, rss = [], [], []
    for attempt in range(starts):
        manager = KernelManager(kernel_name=kernel_name)
        began = time.perf_counter()
        manager.start_kernel()
        client = manager.client()
        client.start_channels()
        # The request waits in the client's socket until the kernel has bound its own.
        msg_id = client.kernel_info()
        while client.get_shell_msg(timeout=60)["parent_header"].get("msg_id") != msg_id:
            pass
        startup_ms.append((time.perf_counter() - began) * 1000)
        client.wait_for_ready(timeout=60)
        if attempt == starts - 1:
            for _ in range(10):
                client.execute_interactive("1", timeout=10, output_hook=lambda msg: None)
            for _ in range(rounds):
                began = time.perf_counter()
                client.execute_interactive("1", timeout=10, output_hook=lambda msg: None)
                round_trips_ms.append((time.perf_counter() - began) * 1000)
            time.sleep(1.0)
            rss.append(resident_mib(manager.provisioner.process.pid))
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    round_trips_ms.sort()
    return {
        "startup_ms": statistics.median(startup_ms),
        "roundtrip_median_ms": statistics.median(round_trips_ms),
        "roundtrip_p99_ms": round_trips_ms[min(len(round_trips_ms) - 1, int(len(round_trips_ms) * 0.99))],
        "idle_rss_mib": rss[0],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=500, help="trivial executes timed per kernel")
    parser.add_argument("--starts", type=int, default=5, help="kernel starts timed per kernel (median)")
    parser.add_argument("--reference", default="python3", help="kernelspec of the reference kernel")
    args = parser.parse_args()
    finch = measure("finch", args.rounds, args.starts)
    reference = measure(args.reference, args.rounds, args.starts)
    goals = {"startup_ms": 150, "roundtrip_median_ms": 6, "roundtrip_p99_ms": None, "idle_rss_mib": 25}
    print(f"{'figure':<22}{'finch':>10}{'ipykernel':>12}{'ratio':>8}{'goal':>8}")
    for name, value in finch.items():
        goal = goals[name]
        print(f"{name + ':':<22}{value:>10.1f}{reference[name]:>12.1f}{reference[name] / value:>7.1f}x"
              f"{('< ' + str(goal)) if goal else '':>8}")


if __name__ == "__main__":
    main()
