"""Pages of results; a page number or size that is not a whole number in range is a 400."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination


def positive_integer(value, name, maximum=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if number < 1 or (maximum is not None and number > maximum):
        if maximum is None:
            message = _("Must be a whole number from 1 up.")
        else:
            message = _("Must be a whole number from 1 to %(maximum)s.") % {"maximum": maximum}
        raise ValidationError({name: [message]})
    return number


class PartnerPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_number(self, request, paginator):
        value = request.query_params.get(self.page_query_param)
        if value is None:
            return 1
        if value in self.last_page_strings:
            return value
        return positive_integer(value, self.page_query_param)

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            # DRF's "Invalid page." names neither the parameter nor the range.
            count = self.django_paginator_class(queryset, self.get_page_size(request)).num_pages
            message = _("There is no page %(page)s: the last page is %(count)s.") % {
                "page": request.query_params.get(self.page_query_param),
                "count": count,
            }
            raise NotFound({self.page_query_param: [message]}) from None

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is None:
            return self.page_size
        return positive_integer(value, self.page_size_query_param, self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters
