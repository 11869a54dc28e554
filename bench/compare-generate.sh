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
source bench/common.sh
text=${1:-}
tokens=${2:-500}
threads=${3:-1}
seed=${4:-1337}
python=${PYTHON:-/work/.venv-torch/bin/python}
out=$(mktemp -d)
if [[ -z "$text" ]]; then
    text="$out/text.txt"
    default_text "$text"
fi
build_bench
.build/release/finch-bench generate --text "$text" --tokens "$tokens" --threads "$threads" --seed "$seed" | tee "$out/finch.txt"
if "$python" -c "import torch" 2>/dev/null; then
    "$python" bench/gpt_reference.py --generate --text "$text" --tokens "$tokens" --threads "$threads" --seed "$seed" \
        | tee "$out/torch.txt"
else
    echo "(no torch in $python: PyTorch side skipped)"
    : > "$out/torch.txt"
fi
python3 bench/side_by_side.py "$out/finch.txt" "$out/torch.txt"
rm -rf "$out"
