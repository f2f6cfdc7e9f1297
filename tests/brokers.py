"""A broker that refuses at once, for tests of what waits in the outbox meanwhile."""

from config.celery import app as celery_app


class UnreachableBroker:
    """The app's broker moved to a closed loopback port (it refuses at once), tasks really
    sent to it; ``restore()`` brings back the configured broker (and eager tasks)."""

    URL = "redis://127.0.0.1:1/0"

    def __init__(self):
        conf = celery_app.conf
        self.previous = (conf.broker_url, conf.task_always_eager)
        conf.broker_url, conf.task_always_eager = self.URL, False
        self.forget_connections()

    def restore(self, eager: bool | None = None) -> None:
        conf = celery_app.conf
        conf.broker_url, conf.task_always_eager = self.previous
        if eager is not None:
            conf.task_always_eager = eager
        self.forget_connections()

    @staticmethod
    def forget_connections() -> None:
        # The app keeps a pool of connections to the broker it first met.
        celery_app._pool = None
        celery_app.amqp._producer_pool = None
