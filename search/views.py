"""The search page, in the reader's language."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from glossary.entries import glossary_entries, terms_matching
from glossary.models import Term
from housing_info.reader_columns import reader_columns
from search.forms import SearchForm
from search.queries import search_pages
from search.results import page_results


@require_safe
def results(request):
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
            # The words' columns in the languages a reader of ``code`` is shown.
            "terms": glossary_entries(
                terms_matching(query, code, Term.objects.only(*reader_columns(Term, code))), code
            ),
        }
    return render(request, "search/results.html", context)
