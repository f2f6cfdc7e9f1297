"""One person editing one block over real HTTP, as the browser's autosave does.

Used by ``test_autosave_race.py`` and ``bench/load_edits.py``: plain ``http.client``
requests on loopback with the person's session cookie, the form's CSRF token, and the
revision and fingerprint the last answer carried, exactly as htmx would send them.
"""

import http.client
import re
from urllib.parse import urlencode, urlsplit

HIDDEN = re.compile(r'name="(revision|base|csrfmiddlewaretoken)" value="([^"]*)"')
SERVER_TIMING = re.compile(r"([\w-]+);dur=([0-9.]+)")
TIMEOUT_S = 30


class BlockEditor:
    def __init__(self, server_url: str, cookie: str, edit_path: str, fields: tuple[str, ...]):
        address = urlsplit(server_url)
        self.host, self.port = address.hostname, address.port
        self.cookies = dict(part.split("=", 1) for part in cookie.split("; "))
        self.edit_path = edit_path
        self.fields = fields
        self.hidden: dict[str, str] = {}
        # The last answer's ``Server-Timing`` in milliseconds: "app" (elapsed), "cpu".
        self.server_timing: dict[str, float] = {}

    def _request(self, method: str, body: dict | None = None, path: str = "") -> tuple[int, str]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_S)
        headers = {
            "HX-Request": "true",
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
        }
        payload = None
        if body is not None:
            payload = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path or self.edit_path, payload, headers)
            response = connection.getresponse()
            timing = response.headers.get("Server-Timing", "")
            self.server_timing = {name: float(ms) for name, ms in SERVER_TIMING.findall(timing)}
            for header in response.headers.get_all("Set-Cookie") or []:
                name, value = header.split(";", 1)[0].split("=", 1)
                self.cookies[name] = value
            return response.status, response.read().decode()
        finally:
            connection.close()

    def _remember(self, html: str) -> None:
        self.hidden.update(HIDDEN.findall(html))

    def open(self) -> None:
        """Open the form (Edit): its CSRF token, revision and fingerprint."""
        status, html = self._request("GET")
        if status != 200:
            raise RuntimeError(f"opening {self.edit_path} answered {status}")
        self._remember(html)

    def autosave(self, text: str) -> int:
        """Autosave ``text`` in every field of the block; the answer's status.

        A 200 carries the new revision and fingerprint, a 409 the conflict form with the
        current ones: either way the next autosave starts from what this one learnt.
        """
        body = {**self.hidden, "autosave": "1"}
        body.update({name: self.value(name, text) for name in self.fields})
        status, html = self._request("POST", body)
        if status in (200, 409):
            self._remember(html)
        return status

    def move(self, path: str, direction: str) -> int:
        """Press a row's Move up or Move down button (``path`` is its move URL)."""
        body = {"csrfmiddlewaretoken": self.hidden["csrfmiddlewaretoken"], "direction": direction}
        return self._request("POST", body, path)[0]

    @staticmethod
    def value(name: str, text: str) -> str:
        return f"{text} · {name}"
