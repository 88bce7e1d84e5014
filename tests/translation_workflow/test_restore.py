"""What the restore confirmation shows: only the lines that would change."""

from translation_workflow.restore import short_diff


def test_the_short_diff_shows_only_the_changed_lines_as_word_diffs():
    old = "<p>Ring Boplats.</p><ul><li>Vuxna: högst 4 år.</li><li>Barnfamiljer: 5 år.</li></ul>"
    new = "<p>Ring Boplats.</p><ul><li>Vuxna: högst 3 år.</li><li>Barnfamiljer: 5 år.</li></ul>"
    diff = str(short_diff(old, new))
    assert "<del>4</del>" in diff and "<ins>3</ins>" in diff
    assert "Ring Boplats" not in diff and "Barnfamiljer" not in diff


def test_the_short_diff_escapes_text():
    diff = str(short_diff("<p>a</p>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"))
    assert "<script>" not in diff and "&lt;script&gt;" in diff
