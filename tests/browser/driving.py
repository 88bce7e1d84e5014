"""Driving the suite's Chromium cheaply: the page's size, waiting, tapping.

Each WebDriver command is a round trip through chromedriver, and some cost far more
than what they do (issue 14, measured on the two-core machine): resizing the window
until the page has the size wanted took two or three commands and sometimes a
wait, a WebDriver click about 60 ms, and ``WebDriverWait`` sleeps half a second
whenever its condition is not yet true at the first look.
"""

# How often ``wait`` looks again; each look is one command (a few ms).
POLL = 0.05


def wait(driver, timeout=10):
    """A ``WebDriverWait`` that looks every 50 ms rather than every 500 ms."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=POLL)


def set_viewport(driver, width, height):
    """Make the page itself ``width`` x ``height`` CSS pixels, at once.

    DevTools' device metrics override sets the layout viewport directly: the same
    ``innerWidth``, ``innerHeight``, ``clientWidth`` (a 15 px scroll bar), media
    queries, device pixel ratio (1) and layout as resizing the window until the
    page had that size, checked on every reader page of every language at 320 and
    360 px; only the window's ``outerHeight`` differs, which no style reads. Not a
    phone's emulation (``mobile`` is off: no viewport meta, no overlay scroll
    bars), as before. It holds across navigations until ``clear_viewport``.
    """
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def clear_viewport(driver):
    """Give the page the window's size again (after ``set_viewport``)."""
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# The centre of an element, scrolled into view as WebDriver's click does.
CENTRE = """
const element = arguments[0];
element.scrollIntoView({block: "center", inline: "nearest"});
const box = element.getBoundingClientRect();
return [box.left + box.width / 2, box.top + box.height / 2];
"""


def tap(driver, element):
    """Press and release the mouse on the middle of ``element``, as a reader taps it.

    The events go through Chromium's input and hit testing like WebDriver's click
    (if something covers the element, that other thing gets them), in three
    commands of a few ms rather than one of about 60 ms. Chromium answers each
    once the page has handled it, so the click's effect (a ``<details>`` opened)
    is there when this returns.
    """
    x, y = driver.execute_script(CENTRE, element)
    for event in ("mousePressed", "mouseReleased"):
        driver.execute_cdp_cmd(
            "Input.dispatchMouseEvent",
            {"type": event, "x": x, "y": y, "button": "left", "clickCount": 1},
        )
