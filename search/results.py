"""Pages as a reader of one language sees them in a list of results."""

from dataclasses import dataclass

from django.utils.translation import get_language_info

from portal.languages import direction


@dataclass(frozen=True)
class Result:
    page: object
    title: str
    summary: str
    duration: str
    # The language the page is shown in, and whether it is not the reader's.
    language: str
    dir: str
    is_fallback: bool

    @property
    def language_name(self):
        return get_language_info(self.language)["name_translated"]


def page_results(pages, code):
    """Each page in the language its page shows a reader of ``code``."""
    results = []
    for page in pages:
        language = page.text_language(code)
        text = page.text(language)
        results.append(
            Result(
                page=page,
                title=text["title"],
                summary=text["summary"],
                duration=text["duration"],
                language=language,
                dir=direction(language),
                is_fallback=language != code,
            )
        )
    return results
