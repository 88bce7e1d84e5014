"""Date and number formats for the served languages Django has none for.

``FORMAT_MODULE_PATH`` points here; Django looks for ``<code>/formats.py`` and
falls back to its own locale formats. Month names come from the catalogues
(see ``month_names.py``). These serve the staff admin and form input only:
every date a reader sees is written by ``portal/dates.py`` (CLDR, via Babel).
"""
