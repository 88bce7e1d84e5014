"""Whether this machine has a font for each language's script (for server-side PDFs).

WeasyPrint finds fonts through fontconfig, so we ask fontconfig too. Browsers
bring their own fonts; only text the server renders itself needs these.
"""

import functools
import shutil
import subprocess

from portal.languages import BY_CODE


def fontconfig_language(code):
    """fontconfig's tag for a served language (the language table's ``fontconfig``).

    fontconfig knows some languages under another tag: Dari is written like
    Persian, Sorani and Kurmanji are Kurdish in Arabic and Latin script, and
    Tigrinya and Pashto need a country to pick an orthography.
    """
    row = BY_CODE.get(code)
    return row.fontconfig_language if row is not None else code


def fontconfig_available():
    return shutil.which("fc-list") is not None


@functools.cache
def has_font_for(code):
    """True when fontconfig lists at least one font covering ``code``'s script."""
    if not fontconfig_available():
        return False
    try:
        result = subprocess.run(
            ["fc-list", f":lang={fontconfig_language(code)}", "family"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and bool(result.stdout.strip())
