from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm and unaccent, for finding misspelt words; both do nothing on SQLite."""

    dependencies = []

    operations = [TrigramExtension(), UnaccentExtension()]
