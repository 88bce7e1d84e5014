"""axe-core in the browser: the WCAG violations it finds on the page shown."""

from pathlib import Path

from django.conf import settings

AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WCAG_22_TAGS = [*WCAG_21_TAGS, "wcag22aa"]

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: "tag", values: arguments[0]}, resultTypes: ["violations"]})
  .then(result => done(result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + ": " + n.failureSummary),
  }))))
  .catch(error => done([{id: "axe-error", help: String(error), nodes: []}]));
"""


def run_axe(browser, tags=WCAG_21_TAGS):
    """The violations of rules with ``tags`` on the page the browser shows now."""
    browser.execute_script(AXE_SCRIPT.read_text(encoding="utf-8"))
    return browser.execute_async_script(RUN_AXE, tags)


def axe_violations(browser, url, tags=WCAG_21_TAGS):
    """Load ``url``; the violations of rules with ``tags`` on it."""
    browser.get(url)
    return run_axe(browser, tags)
