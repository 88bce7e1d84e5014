"""How a function's running time grows with the length of its input.

The work that matters here happens inside the regular-expression engine and
C-level list operations, which cannot be counted from Python; so the tests
compare times, never against a clock: the best of several runs on an input of
length n against one of length 8n, in CPU time (which other processes on a busy
machine do not add to). Linear work takes about 8 times as long, quadratic work
64 times; the tests allow up to 16, a wide margin for caches that a larger
input outgrows.
"""

import gc
import time

LINEAR_LIMIT = 16
GROWTH = 8


def growth_ratio(function, make_input, n, repeats=7):
    """Best time on an input of about 8n characters over best time on one of about n."""
    small, large = make_input(n), make_input(GROWTH * n)
    assert GROWTH - 0.5 < len(large) / len(small) < GROWTH + 0.5, "inputs must grow eightfold"
    function(small)  # warm up: imports, caches of compiled patterns
    best = {"small": float("inf"), "large": float("inf")}
    # A collection's cost depends on everything else the test process holds,
    # not on the function measured: timeit, too, runs without it.
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeats):
            for size, argument in (("small", small), ("large", large)):
                start = time.process_time()
                function(argument)
                best[size] = min(best[size], time.process_time() - start)
            if best["large"] > 2.0:  # far too slow already: no need to be precise
                break
    finally:
        gc.enable()
    return best["large"] / best["small"]
