"""Who may do what in the translation workflow.

The groups themselves (Editor, Translator, Reviewer) are created with their
permissions by the data migration ``0002_roles``; these functions answer the
questions the admin asks, for any user, from permissions and assigned languages.
"""

from django.conf import settings

from portal.languages import SOURCE_LANGUAGE


def all_languages():
    return tuple(code for code, _name in settings.LANGUAGES)


def translation_languages():
    """Every served language except the Swedish source."""
    return tuple(code for code in all_languages() if code != SOURCE_LANGUAGE)


def can_edit_source(user):
    """Write the Swedish text and the page's settings (topic, order, contacts ...)."""
    return user.has_perm("housing_info.change_page") and user.has_perm(
        "housing_info.edit_source_text"
    )


def can_publish(user):
    return user.has_perm("housing_info.publish_page")


def can_review(user):
    return user.has_perm("translation_workflow.review_translation")


def can_exchange(user):
    return user.has_perm("translation_workflow.exchange_xliff")


def assigned_languages(user):
    profile = getattr(user, "translator_profile", None) if user.is_authenticated else None
    languages = profile.languages if profile else []
    return frozenset(code for code in languages if code in translation_languages())


def editable_languages(user):
    """The languages whose text ``user`` may change: all for editors, assigned ones otherwise."""
    if not user.is_active or not user.has_perm("housing_info.change_page"):
        return frozenset()
    if can_edit_source(user):
        return frozenset(all_languages())
    return assigned_languages(user)


def exchange_languages(user):
    """The target languages ``user`` may export and import."""
    if not can_exchange(user):
        return frozenset()
    return editable_languages(user) - {SOURCE_LANGUAGE}
