"""A worker process killed in the middle of a task: the task is redelivered (late
acknowledgement, reject on a lost worker) and, being idempotent, sends one e-mail.

The outside world is a fake SMTP server in this test: the first delivery hangs in DATA
until the worker's child process is SIGKILLed; the redelivery then goes through.
"""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import psutil
import pytest
from django.db import connection

from lpse_portal.models import EmailKeluar

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.integrasi


class SmtpPalsu:
    """Just enough SMTP for Django's backend. The first message hangs before it is accepted."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.port = self.sock.getsockname()[1]
        self.diterima: list[bytes] = []
        self.data_dimulai = threading.Event()
        self.tahan_pertama = True
        threading.Thread(target=self._layani, daemon=True).start()

    def _layani(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._sesi, args=(conn,), daemon=True).start()

    def _sesi(self, conn):
        f = conn.makefile("rb")
        try:
            conn.sendall(b"220 palsu ESMTP\r\n")
            while True:
                baris = f.readline()
                if not baris:
                    return
                perintah = baris.strip().upper()
                if perintah.startswith((b"EHLO", b"HELO")):
                    conn.sendall(b"250 palsu\r\n")
                elif perintah.startswith((b"MAIL", b"RCPT", b"RSET", b"NOOP")):
                    conn.sendall(b"250 OK\r\n")
                elif perintah == b"DATA":
                    conn.sendall(b"354 lanjut\r\n")
                    isi = b""
                    while not isi.endswith(b"\r\n.\r\n"):
                        potongan = f.readline()
                        if not potongan:
                            return
                        isi += potongan
                    if self.tahan_pertama:
                        self.tahan_pertama = False
                        self.data_dimulai.set()
                        time.sleep(120)  # never answers: the worker is killed meanwhile
                        return
                    self.diterima.append(isi)
                    conn.sendall(b"250 diterima\r\n")
                elif perintah == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return
                else:
                    conn.sendall(b"250 OK\r\n")
        except OSError:
            return
        finally:
            conn.close()


def test_it_redelivers_a_task_whose_worker_was_killed_and_sends_one_email(transactional_db, settings, tmp_path):
    smtp = SmtpPalsu()
    antrian = f"uji-mati-{uuid.uuid4().hex[:8]}"
    # The row kirim_surel writes; its publication is done below, to the worker's queue.
    email = EmailKeluar.objects.create(kepada=["vendor@contoh.co.id"], subjek="(LPSE) Uji", isi_teks="Halo")
    db = connection.settings_dict
    env = dict(
        os.environ,
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        REDIS_URL=settings.REDIS_URL,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp.port}",
        VAR_DIR=str(tmp_path),
        DEBUG="0",
    )
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    pekerja = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "lpse_portal", "worker", "-Q", antrian, "--concurrency=1", "-l", "INFO"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        from lpse_portal.celery import app

        app.conf.task_always_eager = False  # this one really goes through Redis
        try:
            with app.connection_for_write(settings.REDIS_URL) as conn:
                app.send_task("lpse_portal.tasks.kirim_email", args=[email.pk], queue=antrian, connection=conn)
        finally:
            app.conf.task_always_eager = True
        assert smtp.data_dimulai.wait(60), "pekerja tidak pernah mengirim"
        anak = psutil.Process(pekerja.pid).children()
        assert anak, "tidak ada proses anak pekerja"
        for p in anak:
            os.kill(p.pid, signal.SIGKILL)  # the process running the task dies mid-SMTP
        for _ in range(600):
            email.refresh_from_db()
            if email.status == EmailKeluar.Status.TERKIRIM:
                break
            time.sleep(0.1)
    finally:
        pekerja.terminate()
        keluaran = pekerja.communicate(timeout=60)[0]
    assert email.status == EmailKeluar.Status.TERKIRIM, keluaran[-3000:]
    assert len(smtp.diterima) == 1
    assert "WorkerLostError" in keluaran or "SIGKILL" in keluaran
