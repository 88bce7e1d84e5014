"""The glossary page, in the reader's language."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from glossary.entries import glossary_entries
from glossary.models import Term


@require_safe
def index(request):
    terms = sorted(Term.objects.all(), key=lambda term: term.sort_key)
    return render(
        request,
        "glossary/index.html",
        {"entries": glossary_entries(terms, translation.get_language())},
    )
