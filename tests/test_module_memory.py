"""What the project index keeps of each module it reads, for the whole analysis: a large
application keeps nearly all of them, so each must hold its text once and compactly, and
give back exactly the text it was built from."""

from __future__ import annotations

from pathlib import Path

import pytest

from codemods.analysis.modules import build_module, kept_source
from codemods.analysis.project import ProjectIndex
from codemods.sourcefile import decode

TEXTS = [
    "def f():\n    return 1\n",
    "# café\nNAME = 'naïve'\n",
    "EMOJI = '🙂'\n",
    "x = 1  # \ufeff, and a lone \r\r\n",  # a byte order mark in a comment, newlines as they are
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_text_comes_back_as_it_was_given(text: str) -> None:
    info = build_module("m", Path("m.py"), text)
    assert info is not None
    assert info.text == text
    assert isinstance(info.source, bytes)


@pytest.mark.parametrize("text", TEXTS)
def test_the_bytes_a_search_read_are_kept_not_copied(text: str) -> None:
    data = text.encode("utf-8")
    info = build_module("m", Path("m.py"), text, data=data)
    assert info is not None and info.source is data


def test_bytes_that_are_not_the_text_utf8_are_not_kept() -> None:
    """A Latin-1 file (declared by its coding line) decodes to text whose UTF-8 differs."""
    data = "# -*- coding: latin-1 -*-\nNAME = 'café'\n".encode("latin-1")
    text = decode(data).text
    source = kept_source(text, data)
    assert source is not data and source.decode("utf-8") == text


def test_a_module_read_by_its_import_keeps_the_file_decoded_as_its_coding_line_says(tmp_path: Path) -> None:
    (tmp_path / "legacy.py").write_bytes("# -*- coding: latin-1 -*-\nNAME = 'café'\n".encode("latin-1"))
    (tmp_path / "plain.py").write_bytes(b"VALUE = 1\n")
    index = ProjectIndex(tmp_path)
    legacy, plain = index.module("legacy"), index.module("plain")
    assert legacy is not None and "NAME = 'café'" in legacy.text
    assert plain is not None and plain.text == "VALUE = 1\n"
