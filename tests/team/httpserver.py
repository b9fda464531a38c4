"""A smart-HTTP git server for tests: Basic auth in front of the real ``git http-backend``.

It does what the Apache example in ``git help http-backend`` does: reading needs no login,
``git-receive-pack`` (pushing) needs one, and the login name is handed to the CGI as
``REMOTE_USER`` — which git-http-backend passes on to receive-pack and so to its hooks ("All
CGI environment variables are available to each of the hooks invoked by the
git-receive-pack", same page, section ENVIRONMENT).
"""

from __future__ import annotations

import base64
import os
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class HttpServer:
    """Where the server listens and which repositories it serves."""

    wurzel: Path
    """GIT_PROJECT_ROOT: ``wurzel/strategie.git`` is served as ``/strategie.git``."""
    port: int
    passwoerter: dict[str, str]

    def url(self, repo: str, konto: str | None = None) -> str:
        """The clone URL, with *konto*'s login in it (for pushing)."""
        anmeldung = f"{konto}:{self.passwoerter[konto]}@" if konto else ""
        return f"http://{anmeldung}127.0.0.1:{self.port}/{repo}"


class _Anfrage(BaseHTTPRequestHandler):
    """One HTTP request: check the login where needed, run git http-backend as CGI."""

    server: _Server

    def do_GET(self) -> None:
        self._cgi()

    def do_POST(self) -> None:
        self._cgi()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: the tests read git's output, not an access log."""

    def _konto(self) -> str | None:
        kopf = self.headers.get("Authorization", "")
        if not kopf.startswith("Basic "):
            return None
        konto, _, passwort = base64.b64decode(kopf[6:]).decode("utf-8").partition(":")
        return konto if self.server.daten.passwoerter.get(konto) == passwort else None

    def _koerper(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            teile = []
            while (laenge := int(self.rfile.readline().split(b";")[0], 16)) > 0:
                teile.append(self.rfile.read(laenge))
                self.rfile.readline()
            self.rfile.readline()
            return b"".join(teile)
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _cgi(self) -> None:
        pfad, _, abfrage = self.path.partition("?")
        schreibend = pfad.endswith("/git-receive-pack") or "service=git-receive-pack" in abfrage
        konto = self._konto()
        if schreibend and konto is None:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="strategie"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        koerper = self._koerper() if self.command == "POST" else b""
        umgebung = {
            "PATH": os.environ["PATH"], "HOME": str(self.server.daten.wurzel),
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_PROJECT_ROOT": str(self.server.daten.wurzel),
            "GIT_HTTP_EXPORT_ALL": "1", "REQUEST_METHOD": self.command, "PATH_INFO": pfad,
            "QUERY_STRING": abfrage, "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(koerper)), "REMOTE_ADDR": self.client_address[0],
            "GATEWAY_INTERFACE": "CGI/1.1", "SERVER_PROTOCOL": "HTTP/1.1",
        }
        if konto:
            umgebung["REMOTE_USER"] = konto
        for kopf, variable in (("Content-Encoding", "HTTP_CONTENT_ENCODING"),
                               ("Git-Protocol", "HTTP_GIT_PROTOCOL")):
            if self.headers.get(kopf):
                umgebung[variable] = self.headers[kopf]
        ausgabe = subprocess.run(["git", "http-backend"], input=koerper, env=umgebung,
                                 capture_output=True).stdout
        kopfteil, _, inhalt = ausgabe.partition(b"\r\n\r\n")
        status, koepfe = 200, []
        for zeile in kopfteil.decode("latin-1").split("\r\n"):
            name, _, wert = zeile.partition(": ")
            if name.lower() == "status":
                status = int(wert.split()[0])
            elif name:
                koepfe.append((name, wert))
        self.send_response(status)
        for name, wert in koepfe:
            self.send_header(name, wert)
        self.send_header("Content-Length", str(len(inhalt)))
        self.end_headers()
        self.wfile.write(inhalt)


class _Server(ThreadingHTTPServer):
    daten: HttpServer


@contextmanager
def http_server(wurzel: Path, passwoerter: dict[str, str]) -> Iterator[HttpServer]:
    """Serve the repositories under *wurzel* on a free local port while the block runs."""
    server = _Server(("127.0.0.1", 0), _Anfrage)
    server.daten = HttpServer(wurzel, server.server_address[1], passwoerter)
    faden = threading.Thread(target=server.serve_forever, daemon=True)
    faden.start()
    try:
        yield server.daten
    finally:
        server.shutdown()
        server.server_close()
        faden.join()
