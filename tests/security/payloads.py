"""Script-injection payloads and a check that a page holds nothing executable.

Reuse them for any field a caseworker or visitor can fill:

    from tests.security.payloads import PAYLOADS, assert_not_executable

    @pytest.mark.parametrize("payload", PAYLOADS)
    def test_feedback_comment_is_not_executable(client, payload):
        client.post("/sv/feedback/", {"comment": payload})
        assert_not_executable(staff_client.get("/admin/feedback/").content.decode())

``assert_not_executable`` parses the HTML and fails on any inline script,
event-handler attribute, javascript:/vbscript:/data: address, frame, object,
base or refresh, listing what it found; given the payload, it also fails when
the payload comes back verbatim (which catches mutation-XSS strings that only a
browser's parser turns into script). The admin's own script files
(``<script src="/static/...">``, same origin) and JSON data blocks are allowed.
"""

from html.parser import HTMLParser

PAYLOADS = [
    '<script>alert("xss")</script>',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">klicka här</a>',
    '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<embed src="javascript:alert(1)">',
    '<base href="https://attacker.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>skicka</button></form>',
    "<input autofocus onfocus=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "javascript:alert(1)",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</script>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "{{ request }}{% debug %}",
    # Right-to-left and Ethiopic text around the attack, as caseworkers write it.
    "\u202e<script>alert(1)</script>",
    '<p dir="rtl">مرحبا<script>alert("عربي")</script></p>',
    'ሰላም<img src=x onerror=alert("ትግርኛ")>',
    "سلام<svg/onload=alert('دری')>",
]

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:image/svg")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "base", "applet"}
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap"}
# Elements the checks look at whatever their attributes.
WATCHED_TAGS = FORBIDDEN_TAGS | {"script", "meta"}


def fitting(max_length):
    """The payloads that fit a field of this length."""
    return [payload for payload in PAYLOADS if len(payload) <= max_length]


def text_fields(model, payload, languages=("sv", "ar", "ti")):
    """The payload in every translated and plain text field of ``model`` that fits it.

    For ``Model.objects.create(**text_fields(Model, payload))``. Slugs, choices,
    addresses and e-mail are left out: forms validate them (tested on their own).
    """
    from portal.languages import PORTAL_LANGUAGES

    served = {language.code for language in PORTAL_LANGUAGES}
    values = {}
    for field in model._meta.get_fields():
        if field.get_internal_type() not in {"CharField", "TextField"}:
            continue
        if field.name in {"slug", "kind", "url", "email"} or getattr(field, "choices", None):
            continue
        if field.max_length and len(payload) > field.max_length:
            continue
        base, _, language = field.name.rpartition("_")
        if base and language in served:
            if language in languages:
                values[field.name] = payload
        elif not hasattr(model, f"{field.name}_sv"):
            values[field.name] = payload
    return values


def _scheme(value):
    # Browsers ignore whitespace and control characters inside a scheme.
    cleaned = "".join(char for char in value if char > " " and char != "\x7f")
    return cleaned.lower()


class _Finder(HTMLParser):
    def __init__(self, allow_style_attributes):
        super().__init__(convert_charrefs=True)
        self.allow_style_attributes = allow_style_attributes
        self.found = []

    def updatepos(self, i, j):
        # The parser counts lines and columns for getpos() at every step; nothing
        # here asks for them, and no event depends on them: skip the counting.
        return j

    def handle_starttag(self, tag, attrs):
        if tag not in WATCHED_TAGS and not any(self.may_find(name, value) for name, value in attrs):
            return  # what follows would find nothing in this tag
        # A browser takes the first of a repeated attribute; every one is checked below.
        attributes = {}
        for name, value in attrs:
            attributes.setdefault(name.lower(), value or "")
        where = f"<{tag} {' '.join(f'{k}={v!r}' for k, v in attributes.items())}>"
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"forbidden element {where}")
        if tag == "script":
            script_type = attributes.get("type", "").lower()
            src = attributes.get("src", "")
            same_origin = src.startswith("/") and not src.startswith("//")
            if script_type not in DATA_SCRIPT_TYPES and not same_origin:
                self.found.append(f"script {where}")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.found.append(f"refresh {where}")
        for name, value in ((name.lower(), value or "") for name, value in attrs):
            if name.startswith("on"):
                self.found.append(f"event handler {name} in {where}")
            if name in URL_ATTRIBUTES and _scheme(value).startswith(DANGEROUS_SCHEMES):
                self.found.append(f"dangerous address in {where}")
            if name == "srcdoc":
                self.found.append(f"srcdoc in {where}")
            if name == "style" and not self.allow_style_attributes:
                self.found.append(f"style attribute in {where}")

    handle_startendtag = handle_starttag

    def may_find(self, name, value):
        """Whether the checks above could name this attribute (never False when they do).

        Most tags of a page have none of these: they skip the checks. Every
        dangerous scheme has a colon, which ``_scheme`` never removes.
        """
        name = name.lower()
        return (
            name.startswith("on")
            or name == "srcdoc"
            or (name == "style" and not self.allow_style_attributes)
            or (name in URL_ATTRIBUTES and value is not None and ":" in value)
        )


def executable_parts(html, allow_style_attributes=False):
    """Everything in ``html`` that a browser could execute or that could redirect it."""
    finder = _Finder(allow_style_attributes)
    finder.feed(html)
    finder.close()
    return finder.found


def assert_not_executable(html, payload=None, **options):
    """Fail if ``html`` holds executable content, or ``payload`` verbatim (unescaped)."""
    found = executable_parts(html, **options)
    if payload is not None and "<" in payload and payload in html:
        found.append(f"payload reflected unescaped: {payload!r}")
    assert not found, "executable content in the page:\n" + "\n".join(found)
