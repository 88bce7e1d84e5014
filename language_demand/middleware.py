import logging

from language_demand.counting import VIEW_RAN, count_page_view

logger = logging.getLogger(__name__)


class UnservedLanguageMiddleware:
    """Counts language demand on every page view, including views the page cache answers.

    Visits by readers whose first language we do not serve, and views of a page
    in a language it is missing in (noted on the request by the view). Counts go
    to the store (Redis), never to the database: see ``counting.py``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        try:
            count_page_view(request, response)
        except Exception:
            # Counting must never break the page a reader asked for.
            logger.exception("Could not count language demand")
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Django calls this only when the request reaches a view: when the page
        # cache answers, it is never called.
        setattr(request, VIEW_RAN, True)
