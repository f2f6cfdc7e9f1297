"""A local S3-compatible server (moto in server mode) on a free loopback port, for the tests
and the two-node bench: a real HTTP endpoint that boto3 and the worker processes talk to."""

import socket
import subprocess
import sys
import time
import urllib.request
import uuid

import boto3

ACCESS_KEY = "testing-access-key"
SECRET_KEY = "testing-secret-key"  # noqa: S105  moto accepts any credentials
REGION = "us-east-1"
READY_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class S3Server:
    """``start()`` waits until the server answers; ``stop()`` always ends it."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.endpoint_url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> "S3Server":
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"moto server exited with {self.process.returncode}")
            try:
                urllib.request.urlopen(f"{self.endpoint_url}/moto-api/", timeout=1).close()  # noqa: S310
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"moto server did not answer within {READY_SECONDS}s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )

    def new_bucket(self) -> str:
        name = f"charterboard-{uuid.uuid4().hex[:12]}"
        self.client().create_bucket(Bucket=name)
        return name

    def environment(self, bucket: str) -> dict[str, str]:
        """The variables that point Charterboard (a web or worker process) at ``bucket``."""
        return {
            "CHARTERBOARD_S3_BUCKET": bucket,
            "CHARTERBOARD_S3_ENDPOINT_URL": self.endpoint_url,
            "CHARTERBOARD_S3_REGION": REGION,
            "CHARTERBOARD_S3_ACCESS_KEY_ID": ACCESS_KEY,
            "CHARTERBOARD_S3_SECRET_ACCESS_KEY": SECRET_KEY,
        }

    def storages(self, bucket: str) -> dict:
        """``settings.STORAGES`` as the same variables would make it, for a test process."""
        from django.conf import settings

        from config.settings import s3_storage

        default = s3_storage(
            bucket,
            endpoint_url=self.endpoint_url,
            region_name=REGION,
            access_key=ACCESS_KEY,
            secret_key=SECRET_KEY,
        )
        return {**settings.STORAGES, "default": default}
