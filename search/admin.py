"""Search keywords on the page's admin form, one tab per language."""

from django.forms.models import BaseInlineFormSet
from modeltranslation.admin import TranslationStackedInline

from portal.languages import PORTAL_LANGUAGES
from portal.page_inlines import add_page_inline
from search.models import PageKeywords
from translation_workflow.roles import editable_languages


class KeywordsFormSet(BaseInlineFormSet):
    """A page form posted without the keywords' part (scripts, older clients) keeps them.

    Django refuses a form whose inline has no management form; the page's own
    form must not fail because a feature app added an inline to it.
    """

    def __init__(self, data=None, *args, prefix=None, **kwargs):
        prefix = prefix or self.get_default_prefix()
        if data is not None and f"{prefix}-TOTAL_FORMS" not in data:
            data = data.copy()
            data[f"{prefix}-TOTAL_FORMS"] = "0"
            data[f"{prefix}-INITIAL_FORMS"] = "0"
        super().__init__(data, *args, prefix=prefix, **kwargs)


@add_page_inline
class PageKeywordsInline(TranslationStackedInline):
    model = PageKeywords
    formset = KeywordsFormSet
    fields = ("keywords",)
    extra = 1
    max_num = 1
    can_delete = False

    # The keywords belong to the page: whoever may change the page may change them.
    def get_extra(self, request, obj=None, **kwargs):
        # Django allows one form for a one-to-one relation whatever max_num says.
        return 1 if self.has_add_permission(request, obj) else 0

    def has_add_permission(self, request, obj=None):
        return request.user.has_perm("housing_info.change_page")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("housing_info.change_page")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("housing_info.view_page")

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        """A translator changes the keywords of the languages they may change, and
        reads the others, as the page's own texts."""
        editable = editable_languages(request.user)
        return [
            *super().get_readonly_fields(request, obj),
            *(
                f"keywords_{language.code}"
                for language in PORTAL_LANGUAGES
                if language.code not in editable
            ),
        ]
