"""Starting and waiting for other processes (category ``subprocess``).

``subprocess`` and the ``os`` process functions, as ruff and flake8-async
match them (ASYNC220-222), plus what they miss: waiting on a ``Popen``,
``multiprocessing`` start-up and ``webbrowser.open``. ``anyio.run_process``
is not a faithful twin of ``subprocess.run`` (other defaults for ``check`` and
output capture, and no subprocess support on Windows under uvicorn
``--reload``), so no twin is recorded. pexpect drives a child on a
pseudo-terminal: ``spawn(...)`` forks it, and ``expect``/``read``/``wait`` wait
for its output (up to the timeout) unless given ``async_=True``; ``close`` and
``terminate`` sleep while the child goes away.

Wrappers around command-line tools run them with ``subprocess`` and wait:
pytesseract (``tesseract``), pdf2image (poppler's ``pdftoppm``/``pdfinfo``) and
ffmpeg-python, whose streams are built without I/O (``ffmpeg.input(...).output(...)``)
until ``.run()`` (or ``ffmpeg.probe``) runs the binary.
"""

from __future__ import annotations

from ._helpers import each
from .model import Alias, BlockingApi, Returns

_SPAWN_MODES = ("spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe")

_SUBPROCESS = [
    *each("subprocess", ("run", "call", "check_call", "check_output", "getoutput", "getstatusoutput"),
          "subprocess", ruff_codes=("ASYNC221",), why="waits for the child process to exit"),
    BlockingApi("subprocess.Popen", "subprocess", ruff_codes=("ASYNC220",), why="forks and execs on the loop"),
    *each("subprocess.Popen", ("wait", "communicate"), "subprocess", why="waits for the child process"),
]

_WAITS = "waits for a child process to change state"

_OS = [
    BlockingApi("os.system", "subprocess", ruff_codes=("ASYNC221",), why="runs a shell and waits for it"),
    BlockingApi("os.popen", "subprocess", ruff_codes=("ASYNC220",), why="forks a shell on the loop"),
    # With ``os.P_WAIT`` (or no mode) the linters say ASYNC221, otherwise ASYNC220.
    *each("os", _SPAWN_MODES, "subprocess", ruff_codes=("ASYNC220", "ASYNC221"),
          why="spawns a process (and waits for it with P_WAIT)"),
    *each("os", ("posix_spawn", "posix_spawnp"), "subprocess", ruff_codes=("ASYNC221",),
          why="spawns a process on the loop"),
    BlockingApi("os.wait", "subprocess", ruff_codes=("ASYNC222",), why=_WAITS),
    # ``options`` with ``os.WNOHANG`` asks only whether a child has changed state: no wait.
    *[BlockingApi(f"os.{name}", "subprocess", ruff_codes=("ASYNC222",), why=_WAITS,
                  nonblocking_with_flag=("options", position, "WNOHANG"))
      for name, position in (("wait3", 0), ("wait4", 1), ("waitid", 2), ("waitpid", 1))],
]

_OTHERS = [
    BlockingApi("multiprocessing.Process.start", "subprocess",
                why="forks or spawns an interpreter (spawn re-imports the app)"),
    *each("webbrowser", ("open", "open_new", "open_new_tab"), "subprocess",
          why="launches a browser process and may wait for it"),
]

_PEXPECT = [
    BlockingApi("pexpect.spawn", "subprocess", why="forks and execs the child on a pseudo-terminal"),
    BlockingApi("pexpect.run", "subprocess", why="runs the child and waits for it to exit"),
    *[BlockingApi(f"pexpect.spawn.{name}", "subprocess", nonblocking_when_true=("async_", 3),
                  why="waits for the child's output (up to the timeout)")
      for name in ("expect", "expect_exact", "expect_list")],
    *each("pexpect.spawn", ("read", "readline", "read_nonblocking", "wait", "interact"), "subprocess",
          why="waits for the child's output or exit"),
    # ptyprocess sleeps ``delayafterclose`` (0.1 s) after closing the pty, then signals a child
    # still alive, sleeping ``delayafterterminate`` between signals.
    *each("pexpect.spawn", ("close", "terminate"), "subprocess",
          why="sleeps after closing the pty and while signalling the child"),
]

_TOOL = "runs the command-line tool in a subprocess and waits for it"
_FFMPEG_STREAM = "ffmpeg.nodes.Stream"
_TOOL_WRAPPERS = [
    *each("pytesseract", ("image_to_string", "image_to_boxes", "image_to_data", "image_to_osd",
                          "image_to_pdf_or_hocr", "image_to_alto_xml", "get_tesseract_version", "get_languages",
                          "run_and_get_output"), "subprocess", why=_TOOL),
    *each("pdf2image", ("convert_from_path", "convert_from_bytes", "pdfinfo_from_path", "pdfinfo_from_bytes"),
          "subprocess", why=_TOOL),
    *each("ffmpeg", ("run", "probe"), "subprocess", why=_TOOL),
    BlockingApi(f"{_FFMPEG_STREAM}.run", "subprocess", why=_TOOL),
]

ENTRIES: list[BlockingApi] = [*_SUBPROCESS, *_OS, *_OTHERS, *_PEXPECT, *_TOOL_WRAPPERS]

RETURNS: list[Returns] = [
    Returns("pexpect.spawn", "pexpect.spawn"),
    # Building a stream graph does nothing until it runs; every operator gives another stream.
    *[Returns(f"ffmpeg.{name}", _FFMPEG_STREAM) for name in ("input", "output", "merge_outputs", "concat", "filter")],
    Returns(f"{_FFMPEG_STREAM}.*()", _FFMPEG_STREAM),
]

ALIASES: list[Alias] = [
    *[Alias(f"ffmpeg.nodes.{kind}", _FFMPEG_STREAM) for kind in ("FilterableStream", "OutputStream")],
    Alias("pytesseract.pytesseract", "pytesseract"),
    Alias("pdf2image.pdf2image", "pdf2image"),
    Alias("multiprocessing.context.Process", "multiprocessing.Process"),
    Alias("pexpect.pty_spawn.spawn", "pexpect.spawn"),
]
