"""Reading, writing and copying files, and scanning directories (category ``file``).

Opening a file and every read or write on the file object are syscalls that
can stall on a slow or network disk; so are the helpers that read or write
through a file object (``json.load``), archives, ``shutil`` copies, temporary
files and directory-tree scans (``os.walk``: their cost grows with the tree).
Cheap metadata, listing one directory included, lives in :mod:`.filesystem` (off by default).
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_FILE = "io.TextIOWrapper"
# ``close()`` is left out (flake8-async's ASYNC232 flags it): it is cheap, or flushes what was written.
_FILE_METHODS = ("read", "readline", "readlines", "write", "writelines", "flush", "seek", "truncate")

_OPEN = [
    BlockingApi("builtins.open", "file", async_twin="aiofiles.open", ruff_codes=("ASYNC230",),
                why="opening a file is a blocking syscall"),
    BlockingApi("io.open", "file", async_twin="aiofiles.open", ruff_codes=("ASYNC230",),
                why="opening a file is a blocking syscall"),
    BlockingApi("io.open_code", "file", ruff_codes=("ASYNC230",), why="opening a file is a blocking syscall"),
    BlockingApi("pathlib.Path.open", "file", async_twin="anyio.Path.open", ruff_codes=("ASYNC230",),
                why="opening a file is a blocking syscall"),
    BlockingApi("os.fdopen", "file", ruff_codes=("ASYNC231",), why="wraps a descriptor for blocking reads and writes"),
    BlockingApi("codecs.open", "file", why="opens a file (and decodes it as it reads)"),
    # ``open()`` is typed as a text file whatever its mode; the binary classes serve annotations.
    *[api for cls in (_FILE, "io.BufferedReader", "io.BufferedWriter", "io.BufferedRandom", "io.FileIO")
      for api in each(cls, _FILE_METHODS, "file", ruff_codes=("ASYNC232",), why="I/O on a sync file object")],
]

_PATH_IO = each("pathlib.Path", ("read_text", "read_bytes", "write_text", "write_bytes"), "file",
                ruff_codes=("ASYNC240",), twin="anyio.Path", why="reads or writes the whole file")

_DESCRIPTORS = each("os", ("open", "read", "write", "pread", "pwrite", "sendfile", "fsync", "fdatasync",
                           "truncate", "ftruncate"), "file",
                    why="a raw file-descriptor syscall")

#: A module loaded from a path by hand (plugins, user scripts): the loader reads the file,
#: compiles it and runs its top level, every time it is called.
_MODULE_FILES = [
    BlockingApi("importlib.machinery.SourceFileLoader.exec_module", "file",
                why="reads, compiles and runs the module's file"),
    BlockingApi("runpy.run_path", "file", why="reads, compiles and runs the script"),
]
_MODULE_FILE_RETURNS = [
    Returns("importlib.util.spec_from_file_location", "importlib.machinery.ModuleSpec"),
    Returns("importlib.machinery.ModuleSpec.loader", "importlib.machinery.SourceFileLoader"),
]

_SERIALISE = [
    *each("json", ("load", "dump"), "file", why="reads or writes through the file object while (de)serialising"),
    *each("pickle", ("load", "dump"), "file", why="reads or writes through the file object while (de)serialising"),
    *each("marshal", ("load", "dump"), "file", why="reads or writes through the file object"),
    BlockingApi("tomllib.load", "file", why="reads the whole file object"),
    BlockingApi("shelve.open", "file", why="opens a dbm database file"),
    # jinja2 loads a template once and keeps it (``get_template`` then only checks it is
    # fresh); rendering is in memory. Only the loader's read is listed.
    BlockingApi("jinja2.FileSystemLoader.get_source", "file", why="reads the template file"),
    # A graph read from or written to a file, whole: the path (or file object) is opened inside.
    *each("networkx", [f"{verb}_{form}" for verb in ("read", "write") for form in (
        "graphml", "gml", "gexf", "edgelist", "weighted_edgelist", "adjlist", "multiline_adjlist", "pajek",
        "graph6", "sparse6")] + ["write_graphml_xml", "write_graphml_lxml", "read_leda"], "file",
        why="reads or writes a whole graph file"),
]

_ARCHIVES = [
    *[BlockingApi(f"{module}.open", "file", why="opens a compressed file") for module in ("gzip", "bz2", "lzma")],
    *each("gzip.GzipFile", ("read", "readline", "readlines", "write", "flush"), "file",
          why="compressed file I/O"),
    BlockingApi("tarfile.open", "file", why="opens an archive and reads its headers"),
    *each("tarfile.TarFile", ("extract", "extractall", "extractfile", "add", "addfile", "getmembers", "getnames"),
          "file", why="archive file I/O"),
    BlockingApi("zipfile.ZipFile", "file", why="reads the central directory when it opens the archive"),
    *each("zipfile.ZipFile", ("read", "open", "extract", "extractall", "write", "writestr", "testzip"),
          "file", why="archive file I/O"),
]

# python-magic: every ``Magic()`` loads libmagic's compiled database (megabytes) from disk. The
# module's own ``from_buffer`` shares one instance, loaded by its first call only: not listed.
_FILE_TYPES = [
    BlockingApi("magic.Magic", "file", why="loads libmagic's compiled database from disk"),
    *each("magic", ("from_file",), "file", why="opens the file and reads it to identify its type"),
    *each("magic.Magic", ("from_file",), "file", why="opens the file and reads it to identify its type"),
]

_SHUTIL = each("shutil", ("copy", "copy2", "copyfile", "copyfileobj", "copytree", "copymode", "copystat", "move",
                          "rmtree", "make_archive", "unpack_archive", "disk_usage", "chown"), "file",
               why="bulk file or directory I/O")

_TEMPORARY = [
    *each("tempfile", ("NamedTemporaryFile", "TemporaryFile"), "file", why="creates and opens a file on disk"),
    # ``TemporaryDirectory()`` is one ``mkdtemp`` (filesystem metadata); leaving it removes the tree.
    *each("tempfile.TemporaryDirectory", ("cleanup", "__exit__"), "file",
          why="removes the directory and everything written in it"),
    # ``gettempdir()`` probes directories on its first call only, then returns a cached name: not listed.
    *each("tempfile.SpooledTemporaryFile", ("read", "readline", "readlines", "write", "writelines", "seek",
                                            "truncate", "flush", "rollover"), "file",
          why="disk I/O once the spooled file has rolled over (an upload's `.file` past 1 MB)"),
]

#: Walks down a directory tree. Listing one directory is filesystem metadata
#: (:mod:`.filesystem`), unless the call asks it to recurse.
_SCANS = [
    *each("os", ("walk", "fwalk"), "file", why="reads every directory of a tree; cost grows with the tree"),
    *each("pathlib.Path", ("rglob", "walk"), "file", ruff_codes=("ASYNC240",),
          why="reads every directory of a tree; cost grows with the tree"),
]

_METADATA = [
    *each("importlib.metadata", ("version", "metadata", "distribution", "distributions", "entry_points",
                                 "files", "requires", "packages_distributions"), "file",
          why="scans sys.path and reads package metadata files on every call"),
]

#: A package's data files: ``files(pkg)`` is a Traversable (a ``Path`` for a package on disk),
#: whose reads are file I/O; the older one-call functions read the file too.
_TRAVERSABLE = "importlib.resources.abc.Traversable"
_RESOURCES = [
    *each(_TRAVERSABLE, ("read_text", "read_bytes", "open"), "file", why="reads a file of the package"),
    *each("importlib.resources", ("read_text", "read_binary", "open_text", "open_binary"), "file",
          why="reads a file of the package"),
]

#: python-dotenv: each call reads the ``.env`` file, and ``set_key``/``unset_key`` rewrite it
#: (through a temporary file). ``find_dotenv`` only stats the folders up the tree.
_DOTENV = each("dotenv", ("load_dotenv", "dotenv_values", "set_key", "unset_key", "get_key"), "file",
               why="reads (and for set_key/unset_key rewrites) the .env file")

#: pydantic settings: making an instance reads the sources its class configures, the ``.env``
#: file and the secrets folder among them, every time (v1 spelt it ``pydantic.BaseSettings``).
_SETTINGS = "pydantic_settings.BaseSettings"
_SETTINGS_FILES = [
    BlockingApi(_SETTINGS, "file", why="reads the .env file (or the secrets folder) its class names",
                blocks_with_argument=("_env_file", 99),
                blocks_when_configured=("env_file", "secrets_dir", "yaml_file", "toml_file", "json_file")),
]

#: python3-saml validates each SAML message it is given against XSD schemas it opens from its
#: package and compiles (lxml), then checks the signature (xmlsec): on every call.
_SAML = each("onelogin.saml2.auth.OneLogin_Saml2_Auth", ("process_response", "process_slo"), "file",
             why="reads and compiles the SAML XSD schemas from disk, then verifies the signature")

#: ai-prompter's ``Prompter(prompt_template="name")`` walks up from the working directory for
#: the project's prompts folder and loads ``name.jinja`` from disk, for every instance (with
#: ``template_text=`` only, it reads nothing).
_PROMPT_TEMPLATES = [
    BlockingApi("ai_prompter.Prompter", "file", why="finds and reads the Jinja template file from disk",
                blocks_with_argument=("prompt_template", 0)),
]

ENTRIES: list[BlockingApi] = [*_OPEN, *_PATH_IO, *_DESCRIPTORS, *_SERIALISE, *_MODULE_FILES, *_ARCHIVES,
                              *_FILE_TYPES, *_SHUTIL, *_TEMPORARY, *_SCANS, *_METADATA, *_RESOURCES, *_DOTENV,
                              *_SETTINGS_FILES, *_SAML, *_PROMPT_TEMPLATES]

RETURNS: list[Returns] = [
    *_MODULE_FILE_RETURNS,
    Returns("builtins.open", _FILE),
    Returns("io.open", _FILE),
    Returns("io.open_code", _FILE),
    Returns("pathlib.Path.open", _FILE),
    Returns("os.fdopen", _FILE),
    Returns("codecs.open", _FILE),
    Returns("tempfile.NamedTemporaryFile", _FILE),
    Returns("tempfile.TemporaryFile", _FILE),
    Returns("tempfile.TemporaryDirectory", "tempfile.TemporaryDirectory"),
    Returns("gzip.open", "gzip.GzipFile"),
    Returns("tarfile.open", "tarfile.TarFile"),
    Returns("zipfile.ZipFile.open", _FILE),
    *instance("fastapi.UploadFile", "tempfile.SpooledTemporaryFile", "magic.Magic"),
    Returns("fastapi.UploadFile.file", "tempfile.SpooledTemporaryFile"),
    Returns("pathlib.Path.home", "pathlib.Path"),
    Returns("pathlib.Path.cwd", "pathlib.Path"),
    Returns("importlib.resources.files", _TRAVERSABLE),
    *returning(_TRAVERSABLE, ("joinpath", "__truediv__"), _TRAVERSABLE),
    *returning("pathlib.Path", ("parent", "with_name", "with_suffix", "with_stem", "joinpath", "absolute", "resolve",
                                "expanduser", "relative_to", "with_segments"), "pathlib.Path"),
    Returns("pathlib.Path.parents", "container:pathlib.Path"),  # ``Path(__file__).parents[2]``
]

ALIASES: list[Alias] = [
    *[Alias(f"dotenv.main.{name}", f"dotenv.{name}")
      for name in ("load_dotenv", "dotenv_values", "set_key", "unset_key", "get_key")],
    Alias("pathlib.PosixPath", "pathlib.Path"),
    Alias("pathlib.WindowsPath", "pathlib.Path"),
    Alias("fastapi.datastructures.UploadFile", "fastapi.UploadFile"),
    Alias("starlette.datastructures.UploadFile", "fastapi.UploadFile"),
    Alias("tarfile.TarFile.open", "tarfile.open"),
    Alias("importlib_resources", "importlib.resources"),  # the backport
    Alias("importlib.abc.Traversable", _TRAVERSABLE),
    *[Alias(name, _SETTINGS) for name in ("pydantic.BaseSettings", "pydantic.env_settings.BaseSettings",
                                          "pydantic_settings.main.BaseSettings")],
]
