"""The workflow's roles and permissions under names in the caseworker's language.

The groups are data (created by the migration ``0002_roles`` under their English
names, which the code does not look up) and permission names are stored in
English when they are created; the admin shows both through the catalogues.
"""

from django.utils.translation import gettext, pgettext_lazy

ROLE_NAMES = {
    "Editor": pgettext_lazy("role", "Editor"),
    "Translator": pgettext_lazy("role", "Translator"),
    "Reviewer": pgettext_lazy("role", "Reviewer"),
}

DEFAULT_ACTIONS = {
    "add": pgettext_lazy("permission", "Can add %(model)s"),
    "change": pgettext_lazy("permission", "Can change %(model)s"),
    "delete": pgettext_lazy("permission", "Can delete %(model)s"),
    "view": pgettext_lazy("permission", "Can view %(model)s"),
}


def group_label(group):
    """A group's name; the workflow's roles in the active language."""
    return str(ROLE_NAMES.get(group.name, group.name))


def permission_name(permission):
    """A permission's name in the active language.

    Django's default permissions are named from the model's verbose name;
    others from the ``permissions`` of a model's Meta, which are marked for
    translation, so the stored English name finds its translation.
    """
    model_class = permission.content_type.model_class()
    action, _underscore, model_name = permission.codename.partition("_")
    if (
        model_class is not None
        and action in DEFAULT_ACTIONS
        and model_name == model_class._meta.model_name
    ):
        return DEFAULT_ACTIONS[action] % {"model": model_class._meta.verbose_name}
    return gettext(permission.name)


def permission_label(permission):
    """As Django's ``str(permission)``: app | model | name, all translated."""
    return f"{permission.content_type} | {permission_name(permission)}"
