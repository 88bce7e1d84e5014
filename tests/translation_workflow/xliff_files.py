"""XLIFF files as translation agencies send them back, for the import tests."""

from lxml import etree

from translation_workflow.xliff import XLIFF_NAMESPACE

NS = {"x": XLIFF_NAMESPACE}

# A Sorani translation of a factory page; the body's paragraph is inline element 1.
SORANI = {
    "title": "خانووی کاتی",
    "summary": "خانوویەکی کاتی کە شار بە کرێی دووەم پێت دەدات.",
    "body": '<g id="1" ctype="x-html-p">تۆ گرێبەستی دەستی دووەمت هەیە بۆ ماوەی چوار ساڵ.</g>',
}


def field_of(unit):
    return unit.get("id").rsplit("-", 1)[-1]


def fill_targets(data, texts, state="final", states=None, qualifier=None, approved=None):
    """Write a target for every unit named in ``texts`` (XLIFF content, inline elements).

    ``state`` is every target's state (None: no state attribute) unless
    ``states`` names another for a field; ``qualifier`` is a state-qualifier
    and ``approved`` the trans-unit's approved attribute.
    """
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{XLIFF_NAMESPACE}}}trans-unit"):
        name = field_of(unit)
        old = unit.find("x:target", NS)
        if old is not None:
            unit.remove(old)
        if name not in texts:
            continue
        target = etree.fromstring(f'<target xmlns="{XLIFF_NAMESPACE}">{texts[name]}</target>')
        unit_state = (states or {}).get(name, state)
        if unit_state:
            target.set("state", unit_state)
        if qualifier:
            target.set("state-qualifier", qualifier)
        if approved:
            unit.set("approved", approved)
        unit.find("x:source", NS).addnext(target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
