from portal.open_elements import OpenElements


def test_closing_an_element_closes_those_opened_inside_it():
    elements = OpenElements()
    for tag in ("div", "p", "span", "em"):
        elements.open(tag, marked=tag == "span")
    assert elements.marked == 1
    elements.close("p")
    assert elements.marked == 0
    elements.close("div")
    assert not elements


def test_the_innermost_element_of_a_name_is_closed_first():
    elements = OpenElements()
    elements.open("span", marked=True)
    elements.open("span")
    elements.close("span")
    assert elements and elements.marked == 1
    elements.close("span")
    assert not elements and elements.marked == 0


def test_a_stray_end_tag_changes_nothing():
    elements = OpenElements()
    elements.open("p", marked=True)
    elements.close("b")
    elements.close("b")
    assert elements and elements.marked == 1
