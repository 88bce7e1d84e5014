"""Feedback gets random ids (UUIDs) instead of a sequence.

Changing the type of a primary key in place differs between SQLite and
PostgreSQL, so the answers are copied into a new table with random ids, in
random order (the new table's physical order says nothing of the old ids
either), the old table is dropped and the new one takes its name. Reversing
copies them back with new sequential ids, in the order of their day.
"""

import uuid

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

FIELDS = ("page_id", "language", "useful", "comment", "day")


def copy_with_random_ids(apps, schema_editor):
    old = apps.get_model("feedback", "PageFeedback")
    new = apps.get_model("feedback", "PageFeedbackWithRandomId")
    _copy(schema_editor, old, new, order="?", make=lambda values: new(id=uuid.uuid4(), **values))


def copy_with_sequential_ids(apps, schema_editor):
    old = apps.get_model("feedback", "PageFeedback")
    new = apps.get_model("feedback", "PageFeedbackWithRandomId")
    _copy(schema_editor, new, old, order="day", make=lambda values: old(**values))


def _copy(schema_editor, source, target, order, make):
    connection = schema_editor.connection
    postgres = connection.vendor == "postgresql"
    if postgres:
        # No answer may arrive in the source table after it has been read.
        schema_editor.execute(
            f"LOCK TABLE {schema_editor.quote_name(source._meta.db_table)} IN SHARE MODE"
        )
    rows = source.objects.using(connection.alias).order_by(order).values(*FIELDS)
    target.objects.using(connection.alias).bulk_create(
        (make(values) for values in rows.iterator(chunk_size=1000)), batch_size=1000
    )
    if postgres:
        # Check the page foreign keys now: a table with pending deferred checks
        # cannot be dropped or renamed in the same transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def set_database_default(apps, schema_editor):
    # Containers of the previous release go on inserting answers without an id
    # until they are replaced: PostgreSQL gives those a random one.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE feedback_pagefeedback ALTER COLUMN id SET DEFAULT gen_random_uuid()"
        )


def drop_database_default(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE feedback_pagefeedback ALTER COLUMN id DROP DEFAULT")


class Migration(migrations.Migration):

    dependencies = [
        ('feedback', '0001_initial'),
        ('housing_info', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='PageFeedbackWithRandomId',
            fields=[
                ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                ('language', models.CharField(help_text='The language the reader chose.', max_length=10, verbose_name='language')),
                ('useful', models.BooleanField(verbose_name='useful')),
                ('comment', models.TextField(blank=True, max_length=500, verbose_name='comment')),
                ('day', models.DateField(default=django.utils.timezone.localdate, editable=False, verbose_name='day')),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='feedback', to='housing_info.page', verbose_name='page')),
            ],
            options={
                'verbose_name': 'page feedback',
                'verbose_name_plural': 'page feedback',
                'ordering': ['-day', '-pk'],
            },
        ),
        migrations.RunPython(copy_with_random_ids, copy_with_sequential_ids),
        migrations.DeleteModel(name='PageFeedback'),
        migrations.RenameModel(old_name='PageFeedbackWithRandomId', new_name='PageFeedback'),
        migrations.RunPython(set_database_default, drop_database_default),
    ]
