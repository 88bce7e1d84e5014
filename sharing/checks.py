"""System checks: warn where this machine cannot render a language's PDF."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from sharing.fonts import fontconfig_available, has_font_for
from sharing.pdf import renderer


@register(Tags.compatibility)
def pdf_fonts_check(app_configs=None, **kwargs):
    if renderer() is None:
        return [
            Warning(
                "WeasyPrint or its system libraries (Pango, HarfBuzz) are missing: "
                "pages offer the printable view instead of a PDF.",
                hint="Install the Debian packages libpango-1.0-0 libpangoft2-1.0-0 "
                "libharfbuzz-subset0 (see the README).",
                id="sharing.W001",
            )
        ]
    if not fontconfig_available():
        return [
            Warning(
                "fontconfig (fc-list) is missing: no fonts can be found for PDFs.",
                hint="Install the Debian package fontconfig and fonts-noto-core.",
                id="sharing.W002",
            )
        ]
    return [
        Warning(
            f"No installed font covers the script of {name} ({code}): "
            "its pages offer the printable view instead of a PDF.",
            hint="Install the Debian package fonts-noto-core.",
            id="sharing.W003",
        )
        for code, name in settings.LANGUAGES
        if not has_font_for(code)
    ]
