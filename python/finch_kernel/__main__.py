"""`python -m finch_kernel ARGS` runs the installed `finch ARGS`, as the `finch` command does."""
from finch_kernel.launcher import main

main()
