"""`make run`: prepare the embedded default (SQLite, filesystem broker, files under var/),
load the demo data, then run web, Celery worker and Celery beat together with honcho.

Ctrl-C stops all three.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def main() -> None:
    os.chdir(ROOT)
    env = os.environ
    # The demo runs in development mode on this machine only; production sets its own.
    env.setdefault("DEBUG", "1")
    env.setdefault("DEMO_MODE", "1")
    env.setdefault("EMAIL_URL", "console://")
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput"], check=True)
    if shutil.which("msgfmt") and any((ROOT / "locale").rglob("*.po")):
        subprocess.run([*manage, "compilemessages", "--ignore=.venv", "--ignore=node_modules"], check=True)
    subprocess.run([*manage, "seed_demo"], check=True)
    print()
    print("Portal LPSE berjalan di http://127.0.0.1:8000/  (Ctrl-C menghentikan web, worker dan beat)")
    print("Login demo tercantum di atas; Django admin di http://127.0.0.1:8000/admin/")
    print(flush=True)
    os.execv(str(BIN / "honcho"), [str(BIN / "honcho"), "-f", "Procfile.dev", "start"])  # noqa: S606


if __name__ == "__main__":
    main()
