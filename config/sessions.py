"""Sessions read from the cache (Redis) and written through to the database.

Every request reads its session, so with the database engine each one paid a query for it;
the cache answers from memory. When the cache does not answer, the session is read from the
database as before, so a Redis outage slows requests rather than failing them. Saving and
deleting still need the cache: a logout that could not clear the cached copy must fail
rather than leave the session alive there.
"""

from django.contrib.sessions.backends import cached_db, db
from redis.exceptions import RedisError


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            return super().load()
        except RedisError:
            return db.SessionStore.load(self)
