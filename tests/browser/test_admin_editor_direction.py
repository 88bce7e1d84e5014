"""A translator sees right-to-left text as readers do: the admin's fields and editor."""

import pytest
from django.conf import settings
from django.test import Client

from tests.browser.driving import wait
from tests.factories import make_page

pytestmark = pytest.mark.browser

EDITOR_DIRECTION = """
const textarea = document.getElementById(arguments[0]);
const editor = textarea && textarea.closest('.prose-editor');
const editable = editor && editor.querySelector('.ProseMirror[contenteditable]');
return editable ? [editable.getAttribute('dir'), getComputedStyle(editable).direction] : null;
"""


def log_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
    browser.get(f"{live_server.url}/admin/login/")
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    browser.add_cookie({"name": settings.SESSION_COOKIE_NAME, "value": cookie})


def editor_direction(browser, field_id):
    return wait(browser).until(lambda driver: driver.execute_script(EDITOR_DIRECTION, field_id))


def test_the_editor_of_an_arabic_script_language_is_right_to_left(
    browser, live_server, transactional_db, django_user_model
):
    page = make_page(body_fa="<p>متن فارسی</p>", title_fa="عنوان")
    user = django_user_model.objects.create_superuser("caseworker", password="pw")
    log_in(browser, live_server, user)
    browser.get(f"{live_server.url}/admin/housing_info/page/{page.pk}/change/")
    assert editor_direction(browser, "id_body_fa") == ["rtl", "rtl"]
    assert editor_direction(browser, "id_body_ar") == ["rtl", "rtl"]
    assert editor_direction(browser, "id_body_ti") == ["ltr", "ltr"]
    assert browser.execute_script("return document.getElementById('id_title_fa').dir") == "rtl"
