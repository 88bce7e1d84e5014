"""Record the language versions that existed before states were kept.

A version with a title and a body counts as up to date with the Swedish text of
the page's last change; anything else is missing. Nothing is outdated: no one
can know that after the fact.
"""

from django.conf import settings
from django.db import migrations


def record_existing_versions(apps, schema_editor):
    Page = apps.get_model("housing_info", "Page")
    for page in Page.objects.all():
        changed_on = page.updated_at.date()
        versions = {}
        for code, _name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            if getattr(page, f"title_{code}", None) and getattr(page, f"body_{code}", None):
                versions[code] = {
                    "state": "up_to_date",
                    "source_revision": 1,
                    "source_date": changed_on.isoformat(),
                    "held_back": False,
                    "reviewed_on": None,
                    "reviewed_by": "",
                    "sent_on": None,
                }
        Page.objects.filter(pk=page.pk).update(
            language_versions=versions, source_revision=1, source_changed_on=changed_on
        )


def forget_versions(apps, schema_editor):
    apps.get_model("housing_info", "Page").objects.update(language_versions={})


class Migration(migrations.Migration):
    dependencies = [("housing_info", "0002_translation_states_and_history")]

    operations = [migrations.RunPython(record_existing_versions, forget_versions)]
