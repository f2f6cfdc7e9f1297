"""Start the test identity provider on a free loopback port, with its own SQLite database and
an RSA signing key made for this run, and stop it afterwards."""

import contextlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.s3server import free_port

REPO = Path(__file__).resolve().parents[2]
CLIENT_ID = "charterboard-test"
CLIENT_SECRET = "charterboard-test-secret"  # noqa: S105


@dataclass(frozen=True)
class Provider:
    url: str

    @property
    def server_url(self) -> str:
        return f"{self.url}/o"


def _write_signing_key(path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )


def _wait_until_up(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The test identity provider exited:\n{log.read_text()}")
        with contextlib.suppress(requests.ConnectionError):
            if requests.get(f"{url}/o/.well-known/openid-configuration", timeout=2).ok:
                return
        time.sleep(0.2)
    raise RuntimeError(f"The test identity provider did not answer:\n{log.read_text()}")


@contextlib.contextmanager
def running_provider(workdir: Path, redirect_uri: str):
    key = workdir / "signing-key.pem"
    _write_signing_key(key)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "OIDC_PROVIDER_DB": str(workdir / "provider.sqlite3"),
        "OIDC_PROVIDER_KEY": str(key),
        "PYTHONPATH": str(REPO),
    }
    python = [sys.executable]
    subprocess.run(
        [*python, "-m", "django", "migrate", "--verbosity", "0"], env=env, cwd=REPO, check=True
    )
    subprocess.run(
        [*python, "-m", "tests.oidc_provider.seed", CLIENT_ID, CLIENT_SECRET, redirect_uri],
        env=env,
        cwd=REPO,
        check=True,
    )
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = workdir / "provider.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [*python, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            cwd=REPO,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_up(url, process, log)
        yield Provider(url)
    finally:
        process.terminate()
        process.wait(timeout=10)


def sign_in_at_provider(authorize_url: str, username: str, password: str, stop_at: str) -> str:
    """Log in at the provider as a browser would and follow its redirects until they lead
    back to ``stop_at`` (our site); that last URL, with the authorization code."""
    browser = requests.Session()
    response = browser.get(authorize_url, allow_redirects=False, timeout=10)
    login_url = urljoin(authorize_url, response.headers["Location"])
    page = browser.get(login_url, timeout=10)
    page.raise_for_status()
    response = browser.post(
        login_url,
        data={
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
            "next": parse_qs(urlsplit(login_url).query)["next"][0],
        },
        headers={"Referer": login_url},
        allow_redirects=False,
        timeout=10,
    )
    for _ in range(5):
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith(stop_at):
            return location
        response = browser.get(location, allow_redirects=False, timeout=10)
    raise AssertionError(f"The provider never sent the browser back: {response.status_code}")
