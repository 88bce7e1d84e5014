"""The accessibility statement (tillgänglighetsredogörelse) the law requires.

Swedish law (SFS 2018:1937) asks every public website for a statement, linked
from every page, that says how well the site meets WCAG 2.1 AA, what does not
work yet, how to report a problem and where to complain (DIGG).
"""

from datetime import date

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.http import require_safe

# Change this date whenever the statement's text or the site's state changes.
STATEMENT_DATE = date(2026, 11, 29)
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"


@require_safe
def statement(request):
    return render(
        request,
        "accessibility/statement.html",
        {
            "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "complaint_url": DIGG_COMPLAINT_URL,
            "statement_date": STATEMENT_DATE,
        },
    )
