"""Prints two benchmark outputs (`name: value` lines) side by side with the ratio Finch / PyTorch.

Usage: python3 bench/side_by_side.py FINCH.txt PYTORCH.txt

A Finch figure ending in `_full_window` stands beside PyTorch's figure of the name without the
suffix: nanoGPT's generate always reruns the whole window, which is what those figures measure.
"""
import sys


def figures(path):
    pairs = (line.split(": ", 1) for line in open(path) if ": " in line)
    return {k: float(v) for k, v in pairs}


finch, torch = figures(sys.argv[1]), figures(sys.argv[2])
print(f"\n{'figure':<28}{'finch':>14}{'pytorch':>14}{'finch/pytorch':>16}")
for name in finch:
    reference = name.removesuffix("_full_window")
    if reference in torch:
        ratio = finch[name] / torch[reference] if torch[reference] else float("nan")
        print(f"{name:<28}{finch[name]:>14.4f}{torch[reference]:>14.4f}{ratio:>16.3f}")
    else:
        print(f"{name:<28}{finch[name]:>14.4f}{'':>14}{'':>16}")
