"""Every API operation against its own OpenAPI description (schemathesis), bad input included."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode

from housing_info.models import Page
from tests.factories import make_contact_point, make_page, make_topic

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
# Valid and invalid requests alike: an unknown language, a malformed date or a
# bad page number must get a documented 4xx answer, never a 500.
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=40,
    deterministic=True,
    database="none",
)
# A well-formed slug of a topic that does not exist is still refused (400 for a
# filter, 404 for a record): valid-looking requests may get those two as well.
schema.config.checks.positive_data_acceptance.expected_statuses = ["2XX", "400", "404"]


@pytest.fixture
def api_content(db):
    # Called as a WSGI app, Django would close the test's database connection
    # after each request; the test client avoids that the same way.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    topic = make_topic(slug="housing-chain")
    contact = make_contact_point(slug="boplats")
    contact.topics.add(topic)
    page = make_page(slug="transitional-flat", topic=topic, kind=Page.Kind.RIGHT)
    page.contact_points.add(contact)
    make_page(slug="boplats-queue", topic=topic, title_ti="", body_ti="")
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def operation_test(path):
    """The schema test of the GET operation at ``path``.

    One test function per operation, not one for all: schemathesis on pytest 9
    gives the operations of one test the same node id, and pytest-xdist's
    loadgroup would then run only the first of them.
    """

    @schema.include(path=path, method="GET").parametrize()
    # The content is read-only for the API: sharing it between examples is safe.
    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    def test(case, api_content):
        # Called as a WSGI app there is no HTTP client to undo gzip, which the
        # portal applies whenever a client accepts it: ask for plain JSON.
        case.call_and_validate(headers={"Accept-Encoding": "identity"})

    test.path = path
    return test


test_pages_answer_as_the_schema_says = operation_test("/api/v1/pages/")
test_a_page_answers_as_the_schema_says = operation_test("/api/v1/pages/{slug}/")
test_topics_answer_as_the_schema_says = operation_test("/api/v1/topics/")
test_a_topic_answers_as_the_schema_says = operation_test("/api/v1/topics/{slug}/")
test_contact_points_answer_as_the_schema_says = operation_test("/api/v1/contact-points/")
test_a_contact_point_answers_as_the_schema_says = operation_test("/api/v1/contact-points/{slug}/")


def test_every_operation_of_the_schema_has_its_test():
    tested = {value.path for value in globals().values() if hasattr(value, "path")}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.method.upper() for operation in operations} == {"GET"}
    assert {operation.path for operation in operations} == tested
