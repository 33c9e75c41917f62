"""Rendering charts and PDFs, and running local document and vision models (categories ``cpu``, ``subprocess``).

Plotly's static export (``fig.to_image``, ``fig.write_image``) hands the figure
to Kaleido, a separate browser process, and waits for the image; pdfkit runs
the ``wkhtmltopdf`` program. matplotlib's ``savefig``, WeasyPrint's
``write_pdf`` and xhtml2pdf lay out and rasterise or serialise on the calling
thread. The document converters (docling, MarkItDown, unstructured's
``partition``) parse whole files and run layout and OCR models; EasyOCR,
Ultralytics YOLO, diffusers pipelines and spaCy pipelines run models when
called. Constructors that load a model read it from disk (downloading it on
a cold cache).
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_FIGURE = "plotly.graph_objects.Figure"
_PLOTLY_EXPRESS = ("scatter", "line", "bar", "pie", "histogram", "area", "box", "violin", "scatter_3d", "imshow",
                   "sunburst", "treemap", "funnel", "density_heatmap", "choropleth", "scatter_geo", "timeline")
_LOAD = "loads the model from disk (downloads it on a cold cache)"
_INFERENCE = "runs the model on the calling thread"

ENTRIES: list[BlockingApi] = [
    *each(_FIGURE, ("to_image", "write_image"), "subprocess", why="renders the figure in the Kaleido process"),
    BlockingApi("plotly.io.to_image", "subprocess", why="renders the figure in the Kaleido process"),
    BlockingApi("plotly.io.write_image", "subprocess", why="renders the figure in the Kaleido process"),
    BlockingApi("plotly.offline.get_plotlyjs", "file", why="reads the 4 MB plotly.js bundle the package ships"),
    *each("pdfkit", ("from_string", "from_url", "from_file"), "subprocess", why="runs the wkhtmltopdf program"),
    *each("matplotlib.pyplot", ("savefig",), "cpu", why="rasterises the figure and writes the file"),
    *each("matplotlib.figure.Figure", ("savefig",), "cpu", why="rasterises the figure and writes the file"),
    *each("weasyprint.HTML", ("write_pdf", "render"), "cpu", why="lays out the document and writes the PDF"),
    BlockingApi("xhtml2pdf.pisa.CreatePDF", "cpu", why="lays out the document and writes the PDF"),
    *each("docling.document_converter.DocumentConverter", ("convert", "convert_all"), "cpu",
          why="parses the document and runs its layout (and OCR) models"),
    *each("markitdown.MarkItDown", ("convert", "convert_local", "convert_stream", "convert_url"), "cpu",
          why="reads and converts the whole document"),
    *[BlockingApi(f"unstructured.partition.{module}.{function}", "cpu", why="parses the whole document")
      for module, function in (("auto", "partition"), ("pdf", "partition_pdf"), ("docx", "partition_docx"),
                               ("html", "partition_html"), ("text", "partition_text"), ("image", "partition_image"))],
    BlockingApi("easyocr.Reader", "cpu", why=_LOAD),
    *each("easyocr.Reader", ("readtext", "detect", "recognize"), "cpu", why=_INFERENCE),
    BlockingApi("ultralytics.YOLO", "cpu", why=_LOAD),
    *each("ultralytics.YOLO", ("__call__", "predict", "track", "val", "train", "export"), "cpu", why=_INFERENCE),
    BlockingApi("diffusers.DiffusionPipeline.from_pretrained", "cpu", why=_LOAD),
    *each("diffusers.DiffusionPipeline", ("__call__",), "cpu", why="runs the diffusion steps on the calling thread"),
    *each("spacy.language.Language", ("__call__",), "cpu", why=_INFERENCE),
    BlockingApi("spacy.language.Language.pipe", "cpu", lazy=True, why="runs the pipeline as the docs are iterated"),
]

RETURNS: list[Returns] = [
    *instance(_FIGURE, "weasyprint.HTML", "docling.document_converter.DocumentConverter", "markitdown.MarkItDown",
              "easyocr.Reader", "ultralytics.YOLO"),
    *returning("plotly.express", _PLOTLY_EXPRESS, _FIGURE),
    Returns("matplotlib.pyplot.figure", "matplotlib.figure.Figure"),
    Returns("diffusers.DiffusionPipeline.from_pretrained", "diffusers.DiffusionPipeline"),
    Returns("spacy.load", "spacy.language.Language"),
    Returns("spacy.blank", "spacy.language.Language"),
]

ALIASES: list[Alias] = [
    Alias("plotly.graph_objs.Figure", _FIGURE),
    Alias("plotly.graph_objects._figure.Figure", _FIGURE),
    Alias("docling.DocumentConverter", "docling.document_converter.DocumentConverter"),
    Alias("ultralytics.models.yolo.model.YOLO", "ultralytics.YOLO"),
    Alias("spacy.Language", "spacy.language.Language"),
    *[Alias(f"diffusers.{name}", "diffusers.DiffusionPipeline")
      for name in ("StableDiffusionPipeline", "StableDiffusionXLPipeline", "FluxPipeline", "AutoPipelineForText2Image",
                   "StableDiffusionImg2ImgPipeline", "AutoPipelineForImage2Image")],
]
