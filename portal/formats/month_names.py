"""Month names for the catalogues of languages Django has no catalogue for.

Django's date formats take month names from Django's own catalogue (``F`` is
``django.utils.dates.MONTHS``). It has none for Dari, Pashto, Kurmanji, Somali
or Tigrinya, so the same messages are marked here: ``makemessages`` then puts
them in our catalogues, where those languages get them.
"""

from django.utils.translation import gettext_noop

MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
