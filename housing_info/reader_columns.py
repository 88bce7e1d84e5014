"""Read only the language columns a reader's page can show.

Each translated field has a column per language (django-modeltranslation), so
a page's row has about 90 columns, a topic's 30 and a contact point's 45. A
reader of one language is shown text in that language or, where it is
missing, in the fallback languages (English, then Swedish): the model's own
fields (``page.title``) and ``Page.text`` never read any other column. Building
the SQL for the other columns, fetching them and filling them in took about a
third of an uncached page view; ``only(*reader_columns(Page, code))`` leaves
them out. Every column that is not translated is kept, so a field added later
is read as before.
"""

from functools import lru_cache

from modeltranslation.fields import TranslationField
from modeltranslation.translator import NotRegistered, translator

from portal.languages import fallback_chain


def reader_languages(code):
    """The languages whose text a reader of ``code`` may be shown, in order."""
    return fallback_chain(code)


# The same few models and languages are asked for on every page view.
@lru_cache(maxsize=256)
def reader_columns(model, code, via="", translated_fields=None):
    """Field names for ``only()``: every column of ``model``, translated ones in
    ``reader_languages(code)`` only.

    ``via`` names the relation when ``model`` is reached through another model
    (``reader_columns(Topic, code, via="topic")`` gives ``topic__slug`` ...).
    ``translated_fields`` narrows the translated fields read, for a listing that
    shows only some of them (``("title", "body")``); by default all are read.
    """
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = {}
    languages = reader_languages(code)
    names = []
    for field in model._meta.concrete_fields:
        if isinstance(field, TranslationField):
            if field.language not in languages:
                continue
            if (
                translated_fields is not None
                and field.translated_field.name not in translated_fields
            ):
                continue
        elif field.name in translated:
            # The untranslated column: the model reads its language columns instead.
            continue
        names.append(f"{via}__{field.name}" if via else field.name)
    return tuple(names)
