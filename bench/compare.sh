#!/usr/bin/env bash
# Runs finch-bench gpt and the PyTorch reference on the same text, steps, threads and seed, and
# prints their figures side by side with the ratio Finch / PyTorch.
#
# Usage: bench/compare.sh [TEXT] [STEPS] [THREADS] [SEED]
#   TEXT defaults to a 1.1 MB corpus made from Vim's release notes (any UTF-8 text works).
#   PYTHON (default /work/.venv-torch/bin/python) must have torch installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
text=${1:-}
steps=${2:-2000}
threads=${3:-2}
seed=${4:-1337}
python=${PYTHON:-/work/.venv-torch/bin/python}
out=$(mktemp -d)
if [[ -z "$text" ]]; then
    text="$out/text.txt"
    default_text "$text"
fi
build_bench
.build/release/finch-bench gpt --text "$text" --steps "$steps" --threads "$threads" --seed "$seed" | tee "$out/finch.txt"
"$python" bench/gpt_reference.py --text "$text" --steps "$steps" --threads "$threads" --seed "$seed" | tee "$out/torch.txt"
python3 bench/side_by_side.py "$out/finch.txt" "$out/torch.txt"
rm -rf "$out"
