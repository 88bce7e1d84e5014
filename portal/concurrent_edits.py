"""No lost update: an admin form refuses to save over a version it was not opened from.

Every admin change form that edits a model's texts carries, in a hidden field,
the values its fields had when it was opened (signed, so that the form cannot
forge them). On save, the stored row is locked (``select_for_update``, inside
the admin's transaction) and its values compared with those: when anyone saved
in between, the form is refused and shown again with

- the values stored now in every field someone else changed,
- the caseworker's own changes carried over in every other field,
- a list, per field and language, of the value when the form was opened, the
  value saved meanwhile and the caseworker's own value,

and with the version it now shows, so that saving again keeps both changes.
Nothing the caseworker typed is lost: where both changed the same field, their
own text stands beside the stored one.

A form posted without a version (a script, an old test) is not checked: only
what a form says it was opened from can be compared.
"""

from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.admin.utils import flatten_fieldsets
from django.core import signing
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models, router, transaction
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

VERSION_FIELD = "edit_version"
SALT = "portal.concurrent_edits"
# Snapshot keys of related objects edited inline (a question's answers).
RELATED_PREFIX = "related:"


def comparable(value):
    """A JSON-ready form of a field value, equal for equal stored values."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, models.QuerySet | list | tuple | set | frozenset):
        return sorted(comparable(item) for item in value)
    if isinstance(value, bool):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int | Decimal):
        return str(value)
    # Browsers post a text area's line breaks as CRLF.
    return str(value).replace("\r\n", "\n")


def field_label(form, name):
    """ "Title (Somali)" for ``title_so``; the form's label for any other field."""
    base, _underscore, code = name.rpartition("_")
    if base and code in dict(settings.LANGUAGES):
        try:
            model_field = form._meta.model._meta.get_field(base)
        except FieldDoesNotExist:
            model_field = None
        if model_field is not None:
            return _("%(field)s (%(language)s)") % {
                "field": capfirst(model_field.verbose_name),
                "language": get_language_info(code)["name_translated"],
            }
    return capfirst(form.fields[name].label or name)


def shown_value(field, value):
    """A comparable ``value`` as a caseworker reads it: choices by their label."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if hasattr(field, "queryset"):
        keys = value if isinstance(value, list) else [value]
        keys = [key for key in keys if key != ""]
        objects = {str(obj.pk): str(obj) for obj in field.queryset.filter(pk__in=keys)}
        return ", ".join(objects.get(key, key) for key in keys)
    choices = getattr(field, "choices", None)
    if choices is not None and not isinstance(value, list):
        labels = {}
        for key, label in choices:
            if isinstance(label, list | tuple):  # a group of choices
                labels.update((str(inner), inner_label) for inner, inner_label in label)
            else:
                labels[str(key)] = label
        return str(labels.get(value, value))
    if isinstance(value, list):
        return ", ".join(value)
    return str(value)


def put_in_data(data, name, field, value):
    """Write a prepared field ``value`` into form ``data`` as a browser would post it."""
    if isinstance(field.widget, forms.CheckboxInput):
        if value:
            data[name] = "on"
        else:
            data.pop(name, None)
    elif isinstance(value, list | tuple):
        values = [str(item) for item in value]
        if hasattr(data, "setlist"):
            data.setlist(name, values)
        else:
            data[name] = values
    else:
        data[name] = "" if value is None else value


class ConcurrentEditFormMixin:
    """Mixed into an admin ModelForm by ConcurrentEditAdminMixin (see the module)."""

    #: Objects edited inline on the same form: {related name: field names}.
    concurrent_related = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        #: [(name, label, opened, now, yours, both changed)] after a refused save.
        self.meanwhile = []
        if self.instance.pk is not None:
            self.fields[VERSION_FIELD].initial = signing.dumps(
                self.edit_snapshot(), salt=SALT, compress=True
            )

    def edit_snapshot(self):
        """{field name: comparable initial value} of every field the form edits."""
        snapshot = {
            name: comparable(self.get_initial_for_field(field, name))
            for name, field in self.fields.items()
            if name != VERSION_FIELD
        }
        for related_name, names in self.concurrent_related.items():
            snapshot[RELATED_PREFIX + related_name] = comparable(
                [
                    " · ".join([str(related), *(str(getattr(related, n) or "") for n in names)])
                    for related in getattr(self.instance, related_name).all()
                ]
            )
        return snapshot

    def clean(self):
        cleaned = super().clean()
        self.check_edit_version()
        return cleaned

    def check_edit_version(self):
        token = self.data.get(self.add_prefix(VERSION_FIELD))
        if not token or self.instance.pk is None:
            return
        try:
            opened = signing.loads(token, salt=SALT)
        except signing.BadSignature:
            raise ValidationError(
                _("This form could not be checked against the stored version. Open it again."),
                code="edit_version",
            ) from None
        model = type(self.instance)
        locked = model._default_manager.select_for_update().filter(pk=self.instance.pk)
        with transaction.atomic(using=router.db_for_write(model)):
            # The admin's own transaction keeps the row locked until its save.
            current = locked.first()
            if current is None:
                return
            stored = type(self)(instance=current)
            now = stored.edit_snapshot()
        changed_meanwhile = [name for name, value in now.items() if opened.get(name) != value]
        if not changed_meanwhile:
            return
        self.show_merge(opened, now, changed_meanwhile, stored)
        raise ValidationError(self.merge_message(), code="edit_version")

    def show_merge(self, opened, now, changed_meanwhile, stored):
        """Load the stored values into the form, keep the caseworker's other changes."""
        data = self.data.copy()
        for name, field in self.fields.items():
            if name == VERSION_FIELD:
                continue
            if field.disabled:
                # Shown as stored, whatever the request says; listed when it changed.
                if name in changed_meanwhile:
                    self.meanwhile.append(
                        {
                            "name": name,
                            "label": field_label(self, name),
                            "opened": shown_value(field, opened.get(name, "")),
                            "now": shown_value(field, now[name]),
                            "yours": "",
                            "changed_meanwhile": True,
                            "you_changed": False,
                            "both": False,
                        }
                    )
                continue
            yours = comparable(
                self.cleaned_data[name]
                if name in self.cleaned_data
                else field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            )
            mine_changed = yours != opened.get(name)
            if name in changed_meanwhile:
                put_in_data(data, self.add_prefix(name), field, stored[name].value())
            elif not mine_changed:
                continue
            self.meanwhile.append(
                {
                    "name": name,
                    "label": field_label(self, name),
                    "opened": shown_value(field, opened.get(name, "")),
                    "now": shown_value(field, now[name]),
                    "yours": shown_value(field, yours),
                    "changed_meanwhile": name in changed_meanwhile,
                    "you_changed": mine_changed,
                    "both": name in changed_meanwhile and mine_changed and yours != now[name],
                }
            )
        for key in changed_meanwhile:
            if not key.startswith(RELATED_PREFIX):
                continue
            related = self.instance._meta.get_field(key.removeprefix(RELATED_PREFIX))
            # The inline forms keep the caseworker's values; the stored ones are listed.
            self.meanwhile.append(
                {
                    "name": key,
                    "label": capfirst(related.related_model._meta.verbose_name_plural),
                    "opened": "; ".join(opened.get(key, [])),
                    "now": "; ".join(now[key]),
                    "yours": "",
                    "changed_meanwhile": True,
                    "you_changed": False,
                    "both": False,
                    "inline": True,
                }
            )
        data[self.add_prefix(VERSION_FIELD)] = signing.dumps(now, salt=SALT, compress=True)
        self.data = data

    def merge_message(self):
        return mark_safe(  # noqa: S308 - rendered by a template that escapes every value
            render_to_string(
                "admin/concurrent_edits/changed_meanwhile.html",
                {"rows": self.meanwhile, "object": self.instance},
            )
        )


def concurrent_edit_form(form_class, related=None):
    """``form_class`` with a version field and the check against the stored version."""
    return type(
        form_class.__name__,
        (ConcurrentEditFormMixin, form_class),
        {
            "__module__": form_class.__module__,
            "concurrent_related": related or {},
            VERSION_FIELD: forms.CharField(widget=forms.HiddenInput, required=False),
        },
    )


class ConcurrentEditAdminMixin:
    """A ModelAdmin whose change form refuses to save over a newer version."""

    #: Objects edited inline, compared too: {related name: field names}.
    concurrent_related = {}

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = concurrent_edit_form(
            kwargs.get("form", self.form), self.concurrent_related
        )
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if VERSION_FIELD in flatten_fieldsets(fieldsets):
            return fieldsets
        # The hidden field rides along in the first fieldset.
        name, options = fieldsets[0]
        fieldsets[0] = (name, {**options, "fields": [*options["fields"], VERSION_FIELD]})
        return fieldsets
