"""The elements open at a point of an HTML document, for parsers that rewrite text.

Closing an element closes those opened inside it too, as browsers do, and an
end tag with no open element of its name changes nothing. Every operation takes
constant time on average, however deep the nesting or many the stray end tags,
so a parser that keeps its elements here stays linear in the document's length
(a list searched from the end on every end tag made deeply nested or
ill-formed bodies quadratic).
"""


class OpenElements:
    def __init__(self):
        self._stack = []  # (tag, marked), innermost last
        self._positions = {}  # tag -> its positions in _stack, innermost last
        self.marked = 0  # how many open elements are marked

    def __bool__(self):
        return bool(self._stack)

    def open(self, tag, marked=False):
        self._positions.setdefault(tag, []).append(len(self._stack))
        self._stack.append((tag, marked))
        self.marked += marked

    def close(self, tag):
        """Close the innermost open ``tag`` and everything inside it; nothing if none."""
        positions = self._positions.get(tag)
        if not positions:
            return
        start = positions[-1]
        while len(self._stack) > start:
            name, marked = self._stack.pop()
            self._positions[name].pop()
            self.marked -= marked
