import pytest

from sharing import checks, fonts


@pytest.fixture(autouse=True)
def fresh_caches():
    fonts.has_font_for.cache_clear()
    yield
    fonts.has_font_for.cache_clear()


def test_no_warning_when_every_script_has_a_font(monkeypatch):
    monkeypatch.setattr(checks, "renderer", lambda: object())
    monkeypatch.setattr(checks, "fontconfig_available", lambda: True)
    monkeypatch.setattr(checks, "has_font_for", lambda code: True)
    assert checks.pdf_fonts_check() == []


def test_warns_for_each_language_whose_script_has_no_font(monkeypatch):
    monkeypatch.setattr(checks, "renderer", lambda: object())
    monkeypatch.setattr(checks, "fontconfig_available", lambda: True)
    monkeypatch.setattr(checks, "has_font_for", lambda code: code not in {"ti", "ar"})
    warnings = checks.pdf_fonts_check()
    assert [w.id for w in warnings] == ["sharing.W003", "sharing.W003"]
    assert "(ar)" in warnings[0].msg and "(ti)" in warnings[1].msg
    assert "fonts-noto-core" in warnings[0].hint


def test_warns_once_when_weasyprint_is_missing(monkeypatch):
    monkeypatch.setattr(checks, "renderer", lambda: None)
    assert [w.id for w in checks.pdf_fonts_check()] == ["sharing.W001"]


def test_warns_when_fontconfig_is_missing(monkeypatch):
    monkeypatch.setattr(checks, "renderer", lambda: object())
    monkeypatch.setattr(checks, "fontconfig_available", lambda: False)
    assert [w.id for w in checks.pdf_fonts_check()] == ["sharing.W002"]


def test_fontconfig_language_tags_for_languages_it_knows_under_another_name():
    assert fonts.fontconfig_language("prs") == "fa"
    assert fonts.fontconfig_language("ti") == "ti-er"
    assert fonts.fontconfig_language("ar") == "ar"


@pytest.mark.skipif(not fonts.fontconfig_available(), reason="fontconfig is not installed")
def test_fontconfig_finds_no_font_for_a_language_it_does_not_know():
    assert fonts.has_font_for("xx-zz") is False


def test_without_fc_list_no_font_is_assumed(monkeypatch):
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    assert fonts.has_font_for("sv") is False
