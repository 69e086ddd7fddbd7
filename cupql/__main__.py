"""`python -m cupql` runs the command line."""

from cupql.cli import main

main()
