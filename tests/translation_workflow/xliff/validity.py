"""Whether an import is refused without changing anything, and whether a file passes a schema."""

import pytest
from lxml import etree

from housing_info.models import Page
from translation_workflow.xliff import ImportRejected, import_xliff


def database_state():
    return (
        list(Page.objects.order_by("pk").values()),
        Page.history.count(),
    )


def rejected(data, code, user):
    before = database_state()
    with pytest.raises(ImportRejected) as rejection:
        import_xliff(data, code, user)
    assert database_state() == before, "a rejected import changed the database"
    return rejection.value.problems


def assert_valid(schema, data):
    document = etree.fromstring(data)
    assert schema.validate(document), "\n".join(str(error) for error in schema.error_log)
