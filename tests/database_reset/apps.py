from django.apps import AppConfig


class DatabaseResetConfig(AppConfig):
    name = "tests.database_reset"
    label = "tests_database_reset"
    verbose_name = "Test database reset"
