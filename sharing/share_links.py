"""Plain share links (WhatsApp, SMS, e-mail): no third-party scripts or buttons."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _


def share_links(title, permalink):
    """Addresses that open the reader's own apps with the page's title and link."""
    message = _("%(title)s: %(link)s") % {"title": title, "link": permalink}
    return {
        "whatsapp": "https://wa.me/?" + urlencode({"text": message}, quote_via=quote),
        # "sms:?&body=" is understood by both Android and iOS messaging apps.
        "sms": "sms:?&body=" + quote(message),
        "email": "mailto:?" + urlencode({"subject": title, "body": message}, quote_via=quote),
    }
