from django.urls import reverse

from language_demand.counting import record_marked_missing_translation, record_unserved_language


class UnservedLanguageMiddleware:
    """Counts language demand on every page view, including views the page cache answers.

    Visits by readers whose first language we do not serve, and views of a page
    in a language it is missing in (marked on the response by the view).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        record_marked_missing_translation(request, response)
        # Only pages a reader sees: not redirects (the root view sends a reader
        # on to their language, which would count the visit twice), not errors,
        # not the admin.
        if (
            response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(reverse("admin:index"))
        ):
            record_unserved_language(request)
        return response
