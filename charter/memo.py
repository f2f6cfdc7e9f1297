"""Remembering what pure functions of plain data made: the drawings pages make on every request.

A page draws its charts again for each visit from data that rarely changes between visits.
``remember_drawings`` keeps the latest results of such a function in the process, keyed by its
arguments written out as JSON (each value that JSON lacks as its type and text) and the active
language, which chooses every label and number format. Only for functions whose result
depends on nothing else: no database, no clock, no settings that change at run time.
"""

import copy
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps

from django.utils import translation


def _typed(value) -> str:
    return f"{type(value).__name__}:{value}"


def remember_drawings(maxsize: int = 256) -> Callable:
    def decorator(function: Callable) -> Callable:
        results: OrderedDict[str, object] = OrderedDict()
        lock = threading.Lock()

        @wraps(function)
        def wrapper(*args, **kwargs):
            key = json.dumps(
                [args, kwargs, translation.get_language()], sort_keys=True, default=_typed
            )
            with lock:
                if key in results:
                    results.move_to_end(key)
                    # A copy: a caller that changes its result must not change the next one's.
                    return copy.deepcopy(results[key])
            result = function(*args, **kwargs)
            with lock:
                results[key] = result
                while len(results) > maxsize:
                    results.popitem(last=False)
            return copy.deepcopy(result)

        # As ``functools.lru_cache`` names it: benchmarks measure the drawing itself.
        wrapper.cache_clear = results.clear
        return wrapper

    return decorator
