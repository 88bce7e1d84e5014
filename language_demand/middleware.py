from django.urls import reverse

from language_demand.counting import record_unserved_language


class UnservedLanguageMiddleware:
    """Counts visits to public pages by readers whose first language we do not serve."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
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
