"""Property-based tests: whatever a visitor sends, the portal never answers 5xx."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.languages import PORTAL_LANGUAGES

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

codes = st.sampled_from([language.code for language in PORTAL_LANGUAGES] + ["xx", "de", ""])
# Path segments: printable text of any script, and the characters that break parsers.
segments = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=40,
) | st.sampled_from(["..", ".", "%", "%00", "%2F", "topics", "admin", "static", "\u202e"])


@pytest.fixture
def visitor(page):
    return Client(raise_request_exception=False)


def assert_not_server_error(response, what):
    assert response.status_code < 500, f"{response.status_code} for {what!r}"


@FUZZ
@given(code=codes, parts=st.lists(segments, max_size=4), slash=st.booleans())
def test_arbitrary_paths_never_give_a_server_error(visitor, code, parts, slash):
    path = "/" + "/".join([code, *parts]) + ("/" if slash else "")
    assert_not_server_error(visitor.get(path), path)


@FUZZ
@given(
    query=st.dictionaries(
        st.text(max_size=10),
        st.lists(st.text(max_size=60), min_size=1, max_size=3),
        max_size=4,
    ),
    path=st.sampled_from(["/", "/sv/", "/ar/", "/ti/topics/x/", "/sv/search/", "/prs/"]),
)
def test_arbitrary_query_strings_never_give_a_server_error(visitor, query, path):
    assert_not_server_error(visitor.get(path, query), (path, query))


header_text = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFF, blacklist_characters="\x7f"),
    max_size=200,
)
language_tags = st.lists(
    st.tuples(
        st.sampled_from(["sv", "ar", "fa-AF", "ckb-IQ", "ku-Latn", "ti", "*", "en-GB", "zz"])
        | st.from_regex(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,2}", fullmatch=True),
        st.floats(min_value=0, max_value=1) | st.none(),
    ),
    max_size=8,
).map(lambda tags: ", ".join(tag if q is None else f"{tag};q={q:.3f}" for tag, q in tags))


@FUZZ
@given(header=header_text | language_tags, path=st.sampled_from(["/", "/page-x/", "/sv/"]))
def test_arbitrary_accept_language_never_gives_a_server_error(visitor, page, header, path):
    path = path.replace("page-x", page.slug)
    response = visitor.get(path, HTTP_ACCEPT_LANGUAGE=header)
    assert_not_server_error(response, (path, header))
