"""Stored PDFs: whole files only, one version per page, language and kind."""

from sharing import pdf_store
from tests.sharing.conftest import stored_pdfs


def test_a_stored_pdf_is_written_whole_and_leaves_no_partial_file(media_root):
    name = pdf_store.stored_name(7, "ar", "page", "abc")
    pdf_store.store(name, b"%PDF-1.7 whole")
    assert pdf_store.is_stored(name)
    assert (media_root / name).read_bytes() == b"%PDF-1.7 whole"
    assert [path.name for path in media_root.rglob("*") if path.is_file()] == ["page-abc.pdf"]


def test_a_new_version_replaces_the_old_one_of_the_same_kind_only(media_root):
    for kind, version in (("page", "old"), ("poster", "old"), ("page", "new")):
        pdf_store.store(pdf_store.stored_name(7, "sv", kind, version), b"%PDF")
    pdf_store.store(pdf_store.stored_name(7, "ar", "page", "old"), b"%PDF")
    pdf_store.remove_other_versions(pdf_store.stored_name(7, "sv", "page", "new"))
    assert stored_pdfs(media_root) == ["page-new.pdf", "page-old.pdf", "poster-old.pdf"]
    assert not pdf_store.is_stored(pdf_store.stored_name(7, "sv", "page", "old"))
    assert pdf_store.is_stored(pdf_store.stored_name(7, "ar", "page", "old"))
