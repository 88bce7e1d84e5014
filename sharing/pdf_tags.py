"""Tags, language and the true text of the PDFs WeasyPrint renders.

PDFs are tagged (a structure tree, the title shown as the window title) as
PDF/UA-1 asks, with the language of the text they show as ``/Lang``. The text
layer WeasyPrint writes for shaped Arabic script is wrong in places: it maps
each glyph to the text of the glyph's first use, and drops marks and
zero-width non-joiners (Kozea/WeasyPrint#2841). Each text run's own words are
therefore written into the structure tree as ``/ActualText``, which screen
readers and tag-aware viewers read instead of the glyphs.
"""

import contextlib
import logging
import threading

logger = logging.getLogger(__name__)

# Tagged for assistive technology (structure tree, reading order, title shown
# as the window title), as PDF/UA-1 describes; WeasyPrint writes the tags.
PDF_VARIANT = "pdf/ua-1"
# The language of the page's text, which may differ from the interface's
# (a page not yet translated): templates/sharing/print_base.html.
TEXT_LANGUAGE_META = "dcterms.language"


def set_text_language(document, pdf):
    """Give the PDF its text's language: the ``/Lang`` a screen reader reads it in."""
    import pydyf

    language = document.metadata.custom.get(TEXT_LANGUAGE_META)
    if language:
        pdf.catalog["Lang"] = pydyf.String(language)


def finish(document, pdf):
    set_text_language(document, pdf)
    add_actual_text(pdf)


# Text of each marked text run of the PDF this thread renders, by the page's
# tag table (shared by the page's streams) and marked-content id.
_rendering = threading.local()


def _run_texts():
    if not hasattr(_rendering, "run_texts"):
        _rendering.run_texts = {}
    return _rendering.run_texts


def record_run_texts():
    """Remember the logical text of each tagged text run WeasyPrint draws.

    WeasyPrint maps each glyph to the text of its first use, which is wrong
    for shaped Arabic script (Kozea/WeasyPrint#2841). The text of each run is
    known while it is drawn; it is written into the structure tree as
    ``/ActualText`` (add_actual_text), which screen readers read instead of
    the glyphs. Wraps the one method of WeasyPrint's PDF stream that opens a
    run's marked content (WeasyPrint 70), once per process; with another
    WeasyPrint that lacks it, PDFs are made without ActualText.
    """
    try:
        from weasyprint.formatting_structure.boxes import TextBox
        from weasyprint.pdf.stream import Stream

        original = Stream.marked
    except (ImportError, AttributeError) as error:
        logger.warning("PDF text runs not recorded; no ActualText: %s", error)
        return
    if getattr(original, "records_run_texts", False):
        return

    @contextlib.contextmanager
    def marked(self, box, tag):
        if self._tags is not None and isinstance(box, TextBox):
            run = (box.text, box.style["lang"])
            _run_texts().setdefault(id(self._tags), {})[len(self._tags)] = run
        with original(self, box, tag):
            yield

    marked.records_run_texts = True
    Stream.marked = marked


def add_actual_text(pdf):
    """Write each run's logical text as ``/ActualText`` of its structure element.

    A run in another language than the document's (the notice in the reader's
    language above a page shown in English) gets its own ``/Lang``.
    """
    import pydyf

    document_language = getattr(pdf.catalog.get("Lang"), "string", None)
    texts = {}
    for reference in pdf.page_references:
        page = pdf.objects[int(reference.split()[0])]
        stream = pdf.objects[int(page["Contents"].split()[0])]
        texts[reference] = _run_texts().pop(id(getattr(stream, "_tags", None)), {})
    for obj in pdf.objects:
        if not (isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/StructElem"):
            continue
        page_texts = texts.get(obj.get("Pg"), {})
        # A run's own element, or a link, whose runs are its direct kids.
        mcids = [kid for kid in obj.get("K", ()) if isinstance(kid, int)]
        if mcids and all(mcid in page_texts for mcid in mcids):
            runs = [page_texts[mcid] for mcid in mcids]
            obj["ActualText"] = pydyf.String("".join(text for text, _language in runs))
            language = runs[0][1]
            if language and language != document_language:
                obj["Lang"] = pydyf.String(language)


@contextlib.contextmanager
def recording_run_texts():
    """Record the text runs of the PDF rendered inside, for ``finish``."""
    record_run_texts()
    try:
        yield
    finally:
        _run_texts().clear()
