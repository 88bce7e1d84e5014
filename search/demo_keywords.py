"""Load the example search keywords in ``search/demo/keywords.json``.

Keywords are written per page slug and language; a page that is not in the
database is left out (and reported). Loading is idempotent: a row is written
only when a value differs.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction

from housing_info.models import Page
from search.models import PageKeywords

DEMO_KEYWORDS = Path(__file__).resolve().parent / "demo" / "keywords.json"


@dataclass
class Loaded:
    written: list = field(default_factory=list)
    missing: list = field(default_factory=list)


@transaction.atomic
def load_demo_keywords(path=DEMO_KEYWORDS):
    data = json.loads(path.read_text(encoding="utf-8"))
    codes = [code for code, _name in settings.LANGUAGES]
    loaded = Loaded()
    for slug, keywords in data.items():
        if slug.startswith("_"):
            continue
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            loaded.missing.append(slug)
            continue
        row, _created = PageKeywords.objects.get_or_create(page=page)
        changed = [
            code
            for code in codes
            if (getattr(row, f"keywords_{code}") or "") != keywords.get(code, "")
        ]
        if changed:
            for code in changed:
                setattr(row, f"keywords_{code}", keywords.get(code, ""))
            row.save()
            loaded.written.append(slug)
    return loaded
