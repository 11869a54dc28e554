"""`python -m finch_kernel ARGS` runs the bundled `finch ARGS` (what the kernelspec's argv does)."""
from finch_kernel.launcher import main

main()
