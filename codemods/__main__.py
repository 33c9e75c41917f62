"""``python -m codemods`` is the ``fastapi-unblock`` command.

``python -m`` puts the current folder first on ``sys.path``. Run from a
project's root, a project file named like a module the tool imports
(``click.py``, ``git.py``...) would then be imported, i.e. run. The tool never
runs the code it reads, so that entry goes before anything else is imported.
"""

from . import keep_imports_out_of_the_working_folder

keep_imports_out_of_the_working_folder()

from .interrupts import watch_for_interrupts

watch_for_interrupts()

from .cli import main

if __name__ == "__main__":
    main(prog_name="fastapi-unblock")
