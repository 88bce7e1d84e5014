"""Pages as a reader of one language sees them in a list of results."""

from dataclasses import dataclass

from portal.languages import ShownIn, shown_in


@dataclass(frozen=True)
class Result(ShownIn):
    page: object
    title: str
    summary: str
    duration: str


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
                **shown_in(language, code, page.text_state(language)),
            )
        )
    return results
