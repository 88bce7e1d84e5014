"""The glossary's links are read once per content generation, and never stale.

These tests run outside a test transaction (``transaction=True``), as page
views do in production, since links read inside a transaction are not kept.
"""

import pytest
from django.db import transaction

from glossary.models import Term
from glossary.term_links import term_links
from page_cache import generation
from tests.factories import make_page, make_term

pytestmark = pytest.mark.django_db(transaction=True)


def test_links_each_form_of_a_word_to_its_explanation_in_the_readers_language():
    make_term(slug="bostadsko", term="bostadskö", other_forms="bostadskön, bostadsköer")
    links = term_links("ti")
    assert links["bostadskö"] == "/ti/glossary/#bostadsko"
    assert links["bostadsköer"] == "/ti/glossary/#bostadsko"


def test_links_are_read_from_the_database_once_per_generation(django_assert_num_queries):
    make_term(term="hyresvärd")
    term_links("ar")
    with django_assert_num_queries(0):
        assert "hyresvärd" in term_links("ar")


def test_a_new_word_is_linked_at_once():
    assert "inneboende" not in term_links("sv")
    make_term(term="inneboende")
    assert "inneboende" in term_links("sv")


def test_a_changed_or_deleted_word_is_no_longer_linked():
    term = make_term(term="hyresvärd", other_forms="hyresvärden")
    assert "hyresvärden" in term_links("sv")
    term.other_forms = "hyresvärdar"
    term.save()
    assert "hyresvärden" not in term_links("sv")
    assert "hyresvärdar" in term_links("sv")
    term.delete()
    assert "hyresvärd" not in term_links("sv")


def test_a_word_saved_in_a_transaction_that_is_rolled_back_is_never_linked():
    class RolledBack(Exception):
        pass

    with pytest.raises(RolledBack), transaction.atomic():
        make_term(term="deposition")
        # Read inside the transaction: the word is there, for now.
        assert "deposition" in term_links("sv")
        raise RolledBack
    assert not Term.objects.filter(term="deposition").exists()
    assert "deposition" not in term_links("sv")


def test_without_the_cache_links_are_read_every_time(monkeypatch, django_assert_num_queries):
    monkeypatch.setattr(generation, "current", lambda: None)
    make_term(term="hemförsäkring")
    term_links("sv")
    with django_assert_num_queries(1):
        assert "hemförsäkring" in term_links("sv")


def test_a_glossary_change_changes_the_links_in_a_page_body(client):
    page = make_page(body_sv="<p>Du behöver en hemförsäkring och en hyresvärd.</p>")
    before = client.get(f"/sv/{page.slug}/").content.decode()
    assert 'class="glossary-term"' not in before
    make_term(slug="hemforsakring", term="hemförsäkring")
    after = client.get(f"/sv/{page.slug}/").content.decode()
    assert 'href="/sv/glossary/#hemforsakring" lang="sv">hemförsäkring</a>' in after
    Term.objects.get(slug="hemforsakring").delete()
    again = client.get(f"/sv/{page.slug}/").content.decode()
    assert 'class="glossary-term"' not in again


def test_a_body_change_is_shown_with_its_words_linked(client):
    make_term(slug="hyresvard", term="hyresvärd")
    page = make_page(body_sv="<p>Prata med din hyresvärd.</p>")
    client.get(f"/sv/{page.slug}/")
    page.body_sv = "<p>Ring din hyresvärd i dag.</p>"
    page.save()
    content = client.get(f"/sv/{page.slug}/").content.decode()
    assert "Ring din" in content
    assert 'href="/sv/glossary/#hyresvard" lang="sv">hyresvärd</a>' in content
