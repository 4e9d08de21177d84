"""`python -m enduse` runs the command line."""

from enduse.cli import main

main()
