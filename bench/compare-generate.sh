#!/usr/bin/env bash
# Runs finch-bench generate and the PyTorch reference's nanoGPT-style generate on the same text,
# model, prompt, token count, threads and seed, and prints their figures side by side with the
# ratio Finch / PyTorch (Finch's `_full_window` figures do nanoGPT's work: every token past the
# context runs the whole window again).
#
# Usage: bench/compare-generate.sh [TEXT] [TOKENS] [THREADS] [SEED]   (THREADS default 1: one token at
#   a time is small work, and `finch run` and the kernel run the engine on one thread)
#   TEXT defaults to the 1.1 MB corpus of bench/compare.sh (Vim's release notes).
#   PYTHON (default /work/.venv-torch/bin/python) must have torch installed; without it only
#   Finch's figures are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
text=${1:-}
tokens=${2:-500}
threads=${3:-1}
seed=${4:-1337}
python=${PYTHON:-/work/.venv-torch/bin/python}
out=$(mktemp -d)
if [[ -z "$text" ]]; then
    text="$out/text.txt"
    # Not `cat | head -c`: under pipefail, cat's SIGPIPE would end the script.
    cat /usr/share/vim/vim9*/doc/version7.txt /usr/share/vim/vim9*/doc/version8.txt > "$text"
    truncate -s 1115394 "$text"
fi
# The machine's builders share one lock (see the project's build notes).
flock /tmp/finch-build.lock swift build -c release --product finch-bench >/dev/null
.build/release/finch-bench generate --text "$text" --tokens "$tokens" --threads "$threads" --seed "$seed" | tee "$out/finch.txt"
if "$python" -c "import torch" 2>/dev/null; then
    "$python" bench/gpt_reference.py --generate --text "$text" --tokens "$tokens" --threads "$threads" --seed "$seed" \
        | tee "$out/torch.txt"
else
    echo "(no torch in $python: PyTorch side skipped)"
    : > "$out/torch.txt"
fi
python3 - "$out/finch.txt" "$out/torch.txt" <<'PY'
import sys
def figures(path):
    pairs = (line.split(": ", 1) for line in open(path) if ": " in line)
    return {k: float(v) for k, v in pairs}
finch, torch = figures(sys.argv[1]), figures(sys.argv[2])
print(f"\n{'figure':<28}{'finch':>14}{'pytorch':>14}{'finch/pytorch':>16}")
for name in finch:
    # Finch's full-window figures stand beside PyTorch's only figures (it always recomputes).
    reference = name.removesuffix("_full_window")
    if reference in torch:
        ratio = finch[name] / torch[reference] if torch[reference] else float("nan")
        print(f"{name:<28}{finch[name]:>14.4f}{torch[reference]:>14.4f}{ratio:>16.3f}")
    else:
        print(f"{name:<28}{finch[name]:>14.4f}{'':>14}{'':>16}")
PY
rm -rf "$out"
