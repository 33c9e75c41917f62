"""``python -m codemods`` is the ``fastapi-unblock`` command."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="fastapi-unblock")
