"""LangChain document loaders (categories ``file`` and ``http``).

A loader's ``load()`` reads its source in full, on the calling thread: a file
loader opens and parses the file (``PyPDFLoader`` through pypdf,
``Docx2txtLoader`` through the docx archive), a web loader fetches the page
with ``requests``. ``load_and_split`` loads first. ``lazy_load`` only makes a
generator; iterating it reads. Each loader has ``aload``, which runs the same
reads in a thread, so the fix awaits it.

The loaders are classes of ``langchain_community`` (spelt ``langchain`` in
older releases), listed here by name: the package exports them lazily, and the
catalogue, not the package's source, is the authority on a package it lists.
"""

from __future__ import annotations

from ._helpers import instance
from .model import Alias, BlockingApi, Returns

_FILE_LOADER = "langchain_core.document_loaders.BaseLoader"
#: Loaders whose ``load`` fetches URLs; they share the base class but not its category.
_WEB_LOADER = "langchain_community.document_loaders.WebBaseLoader"

_FILE_LOADERS = ("PyPDFLoader", "PyMuPDFLoader", "PDFPlumberLoader", "PyPDFium2Loader", "PDFMinerLoader",
                 "UnstructuredPDFLoader", "TextLoader", "CSVLoader", "JSONLoader", "Docx2txtLoader",
                 "UnstructuredWordDocumentLoader", "UnstructuredMarkdownLoader", "UnstructuredHTMLLoader",
                 "BSHTMLLoader", "UnstructuredFileLoader", "UnstructuredExcelLoader", "UnstructuredPowerPointLoader",
                 "UnstructuredEPubLoader", "UnstructuredEmailLoader", "UnstructuredXMLLoader", "UnstructuredCSVLoader",
                 "UnstructuredODTLoader", "UnstructuredRTFLoader", "DirectoryLoader", "PythonLoader",
                 "NotebookLoader", "OutlookMessageLoader", "EverNoteLoader", "SRTLoader")
_WEB_LOADERS = ("RecursiveUrlLoader", "SitemapLoader", "UnstructuredURLLoader")
_PACKAGES = ("langchain_community.document_loaders", "langchain.document_loaders")


def _loader(owner: str, category: str, reads: str) -> list[BlockingApi]:
    return [
        BlockingApi(f"{owner}.load", category, async_twin=f"{owner}.aload", why=reads),
        BlockingApi(f"{owner}.load_and_split", category, why=f"{reads}, then splits it"),
        BlockingApi(f"{owner}.lazy_load", category, lazy=True, why=f"{reads} as it is iterated"),
    ]


ENTRIES: list[BlockingApi] = [
    *_loader(_FILE_LOADER, "file", "reads and parses the whole source file"),
    *_loader(_WEB_LOADER, "http", "fetches the pages with requests"),
]

RETURNS: list[Returns] = instance(_FILE_LOADER, _WEB_LOADER)

ALIASES: list[Alias] = [
    Alias("langchain_core.document_loaders.base.BaseLoader", _FILE_LOADER),
    *[Alias(f"{package}.{name}", _FILE_LOADER) for package in _PACKAGES for name in _FILE_LOADERS],
    *[Alias(f"{package}.{name}", _WEB_LOADER) for package in _PACKAGES for name in _WEB_LOADERS],
    Alias("langchain.document_loaders.WebBaseLoader", _WEB_LOADER),
]
