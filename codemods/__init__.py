"""fastapi-unblock: find async FastAPI handlers that block the event loop, and fix them."""

from __future__ import annotations

__version__ = "0.1.0"


def keep_imports_out_of_the_working_folder() -> None:
    """Drop the working folder from ``sys.path``, where ``python -m`` puts it first.

    Run from a project's root, a project file named like a module the tool imports
    later (``click.py``, ``git.py``, ``argparse.py``) would be imported, i.e. run; the
    tool never runs the code it reads. Called by the ``python -m`` entry points
    before they import anything else, so it uses only ``os`` and ``sys`` (loaded at
    start-up). The package's own folder stays (a checkout run from its root).
    """
    import os
    import sys

    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path[:] = [p for p in sys.path if p not in ("", os.getcwd()) or os.path.abspath(p or ".") == here]
