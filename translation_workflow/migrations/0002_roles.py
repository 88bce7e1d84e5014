"""The three roles of the translation workflow, as Django groups with permissions.

Editor: writes the Swedish text and the page settings, publishes, exports and
imports translations. Translator: edits only the languages assigned to them
(translator's languages), exports and imports those. Reviewer: marks language
versions reviewed. All three see the translation overview and page history.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = ("page", "topic", "contactpoint", "pathwaystep")

ROLES = {
    "Editor": [
        *(
            ("housing_info", f"{action}_{model}")
            for model in CONTENT_MODELS
            for action in ("add", "change", "delete", "view")
        ),
        ("housing_info", "view_historicalpage"),
        ("housing_info", "edit_source_text"),
        ("housing_info", "publish_page"),
        ("translation_workflow", "view_translationoverview"),
        ("translation_workflow", "exchange_xliff"),
    ],
    "Translator": [
        *(("housing_info", f"view_{model}") for model in CONTENT_MODELS),
        ("housing_info", "change_page"),
        ("housing_info", "view_historicalpage"),
        ("translation_workflow", "view_translationoverview"),
        ("translation_workflow", "exchange_xliff"),
    ],
    "Reviewer": [
        *(("housing_info", f"view_{model}") for model in CONTENT_MODELS),
        ("housing_info", "view_historicalpage"),
        ("translation_workflow", "view_translationoverview"),
        ("translation_workflow", "review_translation"),
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; these need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("housing_info", "0003_record_existing_language_versions"),
        ("translation_workflow", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
