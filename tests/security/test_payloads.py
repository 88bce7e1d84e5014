"""The check that every XSS test relies on finds what it must, and only that."""

import html

import pytest

from tests.security.payloads import PAYLOADS, assert_not_executable, executable_parts

TAG_PAYLOADS = [payload for payload in PAYLOADS if "<" in payload]


@pytest.mark.parametrize("payload", TAG_PAYLOADS)
def test_a_payload_placed_unescaped_is_caught(payload):
    with pytest.raises(AssertionError, match="executable content"):
        assert_not_executable(f"<main><p>{payload}</p></main>", payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_payload_escaped_as_text_or_attribute_passes(payload):
    page = f'<main><p title="{html.escape(payload)}">{html.escape(payload)}</p></main>'
    assert_not_executable(page, payload)


@pytest.mark.parametrize(
    "fragment",
    [
        '<a href="javascript:alert(1)">x</a>',
        '<a href=" jav&#x09;ascript:alert(1)">x</a>',
        '<img src="x" onerror="alert(1)">',
        "<script>alert(1)</script>",
        '<script src="https://cdn.example/x.js"></script>',
        '<iframe src="/sv/"></iframe>',
        '<meta http-equiv="refresh" content="0;url=/">',
        '<p style="color:red">x</p>',
        # Tags whose every attribute the finder looks at before it names them.
        '<P ONMOUSEOVER="alert(1)">x</P>',
        '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
        '<button formaction="java&#10;script:alert(1)">x</button>',
        '<video poster="JAVASCRIPT:alert(1)"></video>',
        '<object data="data:image/svg+xml,x"></object>',
        '<div srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></div>',
        # A repeated attribute: the browser follows the first.
        '<a href="javascript:alert(1)" href="/sv/">x</a>',
        '<script type="text/javascript" type="application/json">alert(1)</script>',
    ],
)
def test_executable_markup_is_named(fragment):
    assert executable_parts(fragment)


def test_the_portals_own_scripts_and_data_blocks_pass():
    page = (
        '<script src="/static/admin/js/core.js"></script>'
        '<script type="application/json" id="data">{"a": 1}</script>'
        '<a href="/sv/" class="x">Hem</a>'
    )
    assert executable_parts(page) == []
