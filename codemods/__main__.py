"""``python -m codemods`` is the ``fastapi-unblock`` command.

``python -m`` puts the current folder first on ``sys.path``. Run from a
project's root, a project file named like a module the tool imports
(``click.py``, ``git.py``...) would then be imported, i.e. run. The tool never
runs the code it reads, so that entry goes before anything else is imported.
"""

import os
import sys

_HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path[:] = [p for p in sys.path if p not in ("", os.getcwd()) or os.path.abspath(p or ".") == _HERE]

from .cli import main

if __name__ == "__main__":
    main(prog_name="fastapi-unblock")
