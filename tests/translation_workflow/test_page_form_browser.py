"""The rich-text editor of a right-to-left language is right to left, in a real browser.

Drives headless Chromium through chromedriver's WebDriver protocol (plain HTTP,
no extra library). Skipped without Chromium, except on CI, where it must run.
"""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from django.conf import settings
from django.test import Client

from tests.factories import make_page, make_user

# serialized_rollback: the flush after this test must not lose the groups the migration made.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    def __init__(self):
        self.port = free_port()
        self.driver = subprocess.Popen(
            ["chromedriver", f"--port={self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.profile = tempfile.mkdtemp()
        for _attempt in range(50):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        args = [*CHROMIUM_ARGS, f"--user-data-dir={self.profile}"]
        capabilities = {"alwaysMatch": {"goog:chromeOptions": {"args": args}}}
        self.session = self.call("POST", "/session", {"capabilities": capabilities})["sessionId"]

    def call(self, method, path, body=None):
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - local driver
            return json.loads(response.read())["value"]

    def command(self, method, path, body=None):
        return self.call(method, f"/session/{self.session}{path}", body)

    def open(self, url):
        self.command("POST", "/url", {"url": url})

    def script(self, source, *args):
        return self.command("POST", "/execute/sync", {"script": source, "args": list(args)})

    def wait_for(self, source, *args):
        for _attempt in range(100):
            value = self.script(source, *args)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"never true: {source}")

    def quit(self):
        try:
            self.command("DELETE", "")
        finally:
            self.driver.terminate()
            self.driver.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture
def browser():
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium and chromedriver are needed on CI")
        pytest.skip("Chromium or chromedriver is not installed")
    browser = Browser()
    yield browser
    browser.quit()


def log_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
    browser.open(f"{live_server.url}/admin/login/")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    browser.command(
        "POST", "/cookie", {"cookie": {"name": settings.SESSION_COOKIE_NAME, "value": cookie}}
    )


EDITOR_DIRECTION = """
const textarea = document.getElementById(arguments[0]);
const editable = textarea && textarea.closest('.prose-editor')
    && textarea.closest('.prose-editor').querySelector('.ProseMirror');
return editable ? [editable.getAttribute('dir'), getComputedStyle(editable).direction] : null;
"""


def test_the_editor_of_an_arabic_script_language_is_right_to_left(browser, live_server):
    page = make_page(body_fa="<p>متن فارسی</p>", title_fa="عنوان")
    log_in(browser, live_server, make_user("Editor"))
    browser.open(f"{live_server.url}/admin/housing_info/page/{page.pk}/change/?language=fa")
    assert browser.wait_for(EDITOR_DIRECTION, "id_body_fa") == ["rtl", "rtl"]
    assert browser.wait_for(EDITOR_DIRECTION, "id_body_ar") == ["rtl", "rtl"]
    assert browser.wait_for(EDITOR_DIRECTION, "id_body_ti") == ["ltr", "ltr"]
    title = browser.script("return document.getElementById('id_title_fa').dir")
    assert title == "rtl"
