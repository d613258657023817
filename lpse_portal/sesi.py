"""Django's database session store, reading its row with one prepared SELECT (lpse_portal/kueri.py).

Sessions stay in the database (not the cache): a login must work while Redis is down and a
logout must not survive an outage (docs/performance.md). Everything but the read is Django's.
"""

from django.contrib.sessions.backends import db
from django.utils import timezone

from lpse_portal.kueri import satu_baris


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        sesi = None
        if self.session_key:
            sesi = satu_baris(self.model, "session_key = %s AND expire_date > %s", [self.session_key, timezone.now()])
        if sesi is None:
            self._session_key = None
        return sesi
