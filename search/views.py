"""The search page, in the reader's language."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from glossary.entries import glossary_entries, terms_found
from search.forms import SearchForm
from search.queries import search_pages
from search.results import page_results


@require_safe
def results(request):
    # The glossary's terms and the template's fragments share the one read of
    # the cache generation the page cache makes for a reader's page, with the
    # cache on or off (page_cache/middleware.py).
    code = translation.get_language()
    form = SearchForm(request.GET if "q" in request.GET else None)
    context = {"form": form}
    if form.is_valid():
        query = form.cleaned_data["q"]
        outcome = search_pages(query, code)
        context |= {
            "query": query,
            "outcome": outcome,
            "results": page_results(outcome.pages, code),
            # Remembered per generation, with the columns a reader of ``code`` is shown.
            "terms": glossary_entries(terms_found(query, code), code),
        }
    return render(request, "search/results.html", context)
