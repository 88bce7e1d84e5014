import io

import pytest
import zxingcpp
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker(django_user_model):
    return django_user_model.objects.create_user(username="amina", is_staff=True)


def enrol(*args):
    out = io.StringIO()
    call_command("enrol_totp", *args, stdout=out)
    return out.getvalue()


def test_enrolment_prints_a_qr_code_and_the_otpauth_address(caseworker):
    output = enrol("amina")
    device = TOTPDevice.objects.get(user=caseworker)
    assert device.confirmed
    assert device.config_url in output
    assert device.config_url.startswith("otpauth://totp/")
    assert "█" in output or "▀" in output or "▄" in output
    codes = StaticDevice.objects.get(user=caseworker).token_set.values_list("token", flat=True)
    assert len(codes) == 5 and all(code in output for code in codes)


def test_a_second_enrolment_needs_replace(caseworker):
    enrol("amina")
    with pytest.raises(CommandError, match="--replace"):
        enrol("amina")
    enrol("amina", "--replace")
    assert TOTPDevice.objects.filter(user=caseworker).count() == 1
    assert StaticDevice.objects.filter(user=caseworker).count() == 1


def test_unknown_or_non_staff_users_are_refused(django_user_model):
    django_user_model.objects.create_user(username="visitor")
    with pytest.raises(CommandError, match="no user"):
        enrol("nobody")
    with pytest.raises(CommandError, match="not staff"):
        enrol("visitor")


def test_the_printed_qr_code_scans_back_to_the_otpauth_address(caseworker):
    """Each character is two modules, one above the other; a block is a light module."""
    output = enrol("amina")
    lines = [line for line in output.splitlines() if line and set(line) <= set("█▀▄ ")]
    upper = {"█": 1, "▀": 1, "▄": 0, " ": 0}
    lower = {"█": 1, "▀": 0, "▄": 1, " ": 0}
    rows = [row for line in lines for row in ([upper[c] for c in line], [lower[c] for c in line])]
    # A light margin around it, as a screen shows it, and each module 8 pixels wide.
    width = len(rows[0]) + 8
    picture = Image.new("L", (width, len(rows) + 8), 255)
    for y, row in enumerate(rows):
        for x, light in enumerate(row):
            picture.putpixel((x + 4, y + 4), 255 if light else 0)
    picture = picture.resize((picture.width * 8, picture.height * 8), Image.NEAREST)
    decoded = [result.text for result in zxingcpp.read_barcodes(picture)]
    assert decoded == [TOTPDevice.objects.get(user=caseworker).config_url]
