"""PDF, Word, spreadsheet and slide files (category ``cpu``).

Opening one of these parses the whole container: pypdf reads the
cross-reference table and objects, python-docx and openpyxl unzip and parse the
XML parts, PyMuPDF and pdfplumber parse the document; text extraction walks
every page's content stream. From a path it is file I/O as well; from a
``BytesIO`` of an upload it is still CPU work of the order of the file's size,
so either way it belongs off the loop, like pandas' readers. Saving serialises
and writes the whole file.
"""

from __future__ import annotations

from ._helpers import each, instance
from .model import Alias, BlockingApi, Returns

_PARSE = "parses the whole document"

ENTRIES: list[BlockingApi] = [
    *[BlockingApi(reader, "cpu", why=_PARSE) for reader in ("pypdf.PdfReader", "PyPDF2.PdfReader",
                                                            "PyPDF2.PdfFileReader", "pdfplumber.open", "fitz.open",
                                                            "pymupdf.open", "docx.Document", "openpyxl.load_workbook",
                                                            "pptx.Presentation")],
    *each("pypdf.PageObject", ("extract_text",), "cpu", why="decodes the page's content stream"),
    *each("pypdf.PdfWriter", ("write",), "cpu", why="serialises and writes the whole document"),
    *each("docx.document.Document", ("save",), "cpu", why="serialises and writes the whole document"),
    *each("openpyxl.Workbook", ("save",), "cpu", why="serialises and writes the whole workbook"),
]

RETURNS: list[Returns] = [
    *instance("pypdf.PdfWriter", "openpyxl.Workbook"),
    Returns("docx.Document", "docx.document.Document"),
    Returns("openpyxl.load_workbook", "openpyxl.Workbook"),
]

ALIASES: list[Alias] = [
    Alias("PyPDF2.PdfWriter", "pypdf.PdfWriter"),
    Alias("pypdf._page.PageObject", "pypdf.PageObject"),
    Alias("openpyxl.workbook.workbook.Workbook", "openpyxl.Workbook"),
    Alias("openpyxl.reader.excel.load_workbook", "openpyxl.load_workbook"),
]
