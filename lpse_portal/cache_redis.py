"""Django's Redis cache, keeping one client object per connection pool.

Django builds a new redis.Redis object for every cache call; its constructor copies the
command callbacks (~170 dict writes, ~0.1 ms), which on a staff page (permissions, menu,
versions) was more than the Redis round trip itself (issue 10). A redis.Redis object only wraps
its pool and is safe to share, so one per pool is kept. Everything else is Django's backend.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class _KlienTetap(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._klien = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        klien = self._klien.get(id(pool))
        if klien is None:
            klien = self._klien[id(pool)] = self._client(connection_pool=pool)
        return klien


class RedisCachePortal(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _KlienTetap
