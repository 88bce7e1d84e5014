"""What the service tests share: state names, a fresh page, its admin URL, what readers are told."""

import re

from django.test import Client
from django.urls import reverse
from django.utils import translation

from housing_info.models import Page
from translation_workflow.versions import TranslationState

UP_TO_DATE = TranslationState.UP_TO_DATE
OUTDATED = TranslationState.OUTDATED
MACHINE = TranslationState.MACHINE
MISSING = TranslationState.MISSING


ARTICLE = re.compile(r'<article class="page" lang="([\w-]+)"')


def in_language(code, message):
    with translation.override(code):
        return translation.gettext(message)


def notice(code, page):
    """(language shown, what the reader is told) on the public page in ``code``.

    What they are told is "outdated", "machine", "translated" (the source
    date), "fallback" or "" ; each is checked in the reader's own language.
    """
    html = Client().get(f"/{code}/{page.slug}/").content.decode()
    shown = ARTICLE.search(html).group(1)
    if "notice--outdated" in html:
        assert in_language(code, "Read the current Swedish version") in html
        return shown, "outdated"
    if "notice--machine" in html:
        assert in_language(code, "Read the Swedish version") in html
        return shown, "machine"
    if shown != code:
        with translation.override(code):
            name = translation.get_language_info(shown)["name_translated"]
            expected = translation.gettext(
                "This page is not yet available in your language. Here it is in %(language)s."
            ) % {"language": name}
        assert expected in html
        return shown, "fallback"
    if 'class="translation-source"' in html:
        return shown, "translated"
    return shown, ""


def fresh(page):
    return Page.objects.get(pk=page.pk)


def change_url(page):
    return reverse("admin:housing_info_page_change", args=[page.pk])
