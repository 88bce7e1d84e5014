"""axe-core in the browser: the WCAG violations it finds on the page shown."""

from contextlib import contextmanager
from functools import cache
from pathlib import Path

from django.conf import settings

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG_22_TAGS = [*WCAG_21_TAGS, "wcag22aa"]

# null where the page has no axe yet (run_axe then sends it).
RUN_AXE = """
const done = arguments[arguments.length - 1];
if (typeof axe === "undefined") return done(null);
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(result => done(result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary),
  }))))
  .catch(error => done([{id: "axe-error", help: String(error), nodes: []}]));
"""


@cache
def axe_source():
    return AXE_SCRIPT.read_text(encoding="utf-8")


@contextmanager
def axe_in_every_page(browser):
    """axe-core in every document the browser loads inside the block.

    Chromium runs the script as each document starts (DevTools'
    ``Page.addScriptToEvaluateOnNewDocument``, as it runs an extension's, whatever
    the page's Content-Security-Policy), so its half a megabyte crosses from
    Python to the page once, not with every page: about 25 ms a page rather than
    about 100 ms. It only defines ``axe``; the portal's pages run no script that
    could see it. Taken away again at the end, so that other tests' pages are as
    readers get them.
    """
    added = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": axe_source()}
    )
    try:
        yield
    finally:
        browser.execute_cdp_cmd(
            "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
        )


def run_axe(browser, tags=WCAG_21_TAGS):
    """The violations of rules with ``tags`` on the page the browser shows now.

    axe-core is sent to the page first unless it is there already
    (``axe_in_every_page``).
    """
    violations = browser.execute_async_script(RUN_AXE, tags)
    if violations is None:
        browser.execute_script(axe_source())
        violations = browser.execute_async_script(RUN_AXE, tags)
    return violations


def axe_violations(browser, url, tags=WCAG_21_TAGS):
    """Load ``url``; the violations of rules with ``tags`` on it."""
    browser.get(url)
    return run_axe(browser, tags)
