"""A Celery worker whose renders stall inside the task, for the worker-loss test to kill.

Run as ``python -m tests.integration.slow_worker SECONDS <celery worker arguments>``: the
fault is injected here, by the test, so the production render path carries no test hook.
"""

import os
import sys
import time


def main() -> None:
    delay = float(sys.argv[1])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from charter.documents import rendering

    build_html = rendering.build_html

    def stalled_build_html(export):
        time.sleep(delay)
        return build_html(export)

    rendering.build_html = stalled_build_html

    from celery.__main__ import main as celery_main

    sys.argv = ["celery", *sys.argv[2:]]
    celery_main()


if __name__ == "__main__":
    main()
