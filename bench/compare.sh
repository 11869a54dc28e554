#!/usr/bin/env bash
# Runs finch-bench gpt and the PyTorch reference on the same text, steps, threads and seed, and
# prints their figures side by side with the ratio Finch / PyTorch.
#
# Usage: bench/compare.sh [TEXT] [STEPS] [THREADS] [SEED]
#   TEXT defaults to a 1.1 MB corpus made from Vim's release notes (any UTF-8 text works).
#   PYTHON (default /work/.venv-torch/bin/python) must have torch installed.
set -euo pipefail
cd "$(dirname "$0")/.."
text=${1:-}
steps=${2:-2000}
threads=${3:-2}
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
.build/release/finch-bench gpt --text "$text" --steps "$steps" --threads "$threads" --seed "$seed" | tee "$out/finch.txt"
"$python" bench/gpt_reference.py --text "$text" --steps "$steps" --threads "$threads" --seed "$seed" | tee "$out/torch.txt"
python3 - "$out/finch.txt" "$out/torch.txt" <<'PY'
import sys
def figures(path):
    pairs = (line.split(": ", 1) for line in open(path) if ": " in line)
    return {k: float(v) for k, v in pairs}
finch, torch = figures(sys.argv[1]), figures(sys.argv[2])
print(f"\n{'figure':<28}{'finch':>14}{'pytorch':>14}{'finch/pytorch':>16}")
for name in finch:
    if name in torch:
        ratio = finch[name] / torch[name] if torch[name] else float("nan")
        print(f"{name:<28}{finch[name]:>14.4f}{torch[name]:>14.4f}{ratio:>16.3f}")
    else:
        print(f"{name:<28}{finch[name]:>14.4f}{'':>14}{'':>16}")
PY
rm -rf "$out"
