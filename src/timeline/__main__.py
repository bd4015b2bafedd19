"""`python -m timeline` runs the command-line interface."""

from timeline.app.cli import main

if __name__ == "__main__":  # not when a worker process re-imports this module (spawn)
    main()
