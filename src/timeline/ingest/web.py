"""Fetching pages and feeds over HTTP, with the manners a news reader owes the sites.

One place for every request the tool makes (`timeline add URL`, `follow`, `update`):

- http and https only, on every hop of a redirect; at most `MAX_REDIRECTS` hops;
- a connect and a read timeout (`TIMEOUT`), and a size limit (`MAX_BYTES`, the same
  25 MB as an article file), enforced while reading, so a huge page is never loaded;
- a User-Agent that names the tool;
- conditional requests (`ETag`, `Last-Modified`): a poll of an unchanged feed costs one
  small request and its 304 answer;
- at most `PER_HOST` requests at a time to one host, however many run at once.

The protocol is urllib3's (already installed with trafilatura), not ours. Every failure
is a `FetchError` with a one-line reason ("HTTP 404", "timed out after 20 s", "too big
(over 25 MB)"), for the caller to report against the URL and go on.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from timeline import __version__
from timeline.ingest.articles import MAX_FILE_BYTES

MAX_BYTES = MAX_FILE_BYTES
MAX_REDIRECTS = 5
TIMEOUT = (10.0, 20.0)  # seconds to connect, seconds between bytes read
PER_HOST = 2
USER_AGENT = f"timeline/{__version__} (news timeline builder; +https://pypi.org/project/timeline/)"
_CHUNK = 64 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL that could not be fetched, with a one-line reason."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: the URL it finally came from, its body (empty when `not_modified`),
    and what a later conditional request needs."""

    url: str
    data: bytes
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False


def is_url(text: str) -> bool:
    """Does `text` look like an http(s) URL (rather than a file name)?"""
    return text.lower().startswith(("http://", "https://"))


def check_url(url: str) -> str:
    """`url` if it is an http(s) URL with a host, else `FetchError`."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError("not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {parts.scheme or url!r}")
    if not parts.hostname:
        raise FetchError("the URL has no host")
    return url


class Fetcher:
    """Fetches URLs (see the module docstring); safe to share between threads."""

    def __init__(
        self,
        timeout: tuple[float, float] | None = None,
        max_bytes: int | None = None,
        per_host: int = PER_HOST,
    ) -> None:
        import urllib3

        self._urllib3 = urllib3
        connect, read = timeout or TIMEOUT
        self.timeout = urllib3.Timeout(connect=connect, read=read)
        self.max_bytes = max_bytes or MAX_BYTES
        self._pool = urllib3.PoolManager(num_pools=32, maxsize=per_host, block=False)
        self._slots: dict[str, threading.BoundedSemaphore] = defaultdict(
            lambda: threading.BoundedSemaphore(per_host)
        )
        self._lock = threading.Lock()
        self.requests = 0  # how many requests were sent (for tests and reports)

    def _slot(self, url: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._slots[(urlsplit(url).hostname or "").lower()]

    def get(self, url: str, etag: str = "", last_modified: str = "", accept: str = "") -> Fetched:
        """GET `url`, following redirects; conditional when `etag`/`last_modified` are
        given (a 304 gives `not_modified`). Raises `FetchError`."""
        check_url(url)
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
        if accept:
            headers["Accept"] = accept
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            with self._slot(current):
                response = self._request(current, headers)
                try:
                    if response.status in _REDIRECTS:
                        location = response.headers.get("Location")
                        if not location:
                            raise FetchError(f"HTTP {response.status} without a Location")
                        current = check_url(urljoin(current, location))
                        continue
                    if response.status == 304:
                        return Fetched(current, b"", not_modified=True, etag=etag,
                                       last_modified=last_modified)  # fmt: skip
                    if response.status >= 400:
                        raise FetchError(f"HTTP {response.status}")
                    data = self._read(response)
                    return Fetched(
                        current,
                        data,
                        content_type=response.headers.get("Content-Type", ""),
                        etag=response.headers.get("ETag", ""),
                        last_modified=response.headers.get("Last-Modified", ""),
                    )
                finally:
                    response.release_conn()
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict):
        errors = self._urllib3.exceptions
        self.requests += 1
        try:
            return self._pool.request(
                "GET", url, headers=headers, redirect=False, retries=False,
                timeout=self.timeout, preload_content=False, decode_content=True,
            )  # fmt: skip
        except (errors.ConnectTimeoutError, errors.ReadTimeoutError):
            raise FetchError(f"timed out (limit {self.timeout.read_timeout:g} s)") from None
        except errors.NewConnectionError as exc:
            raise FetchError(f"cannot connect ({_reason(exc)})") from None
        except errors.HTTPError as exc:
            raise FetchError(_reason(exc)) from None

    def _read(self, response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"too big (over {self.max_bytes / 1e6:g} MB)")
        errors = self._urllib3.exceptions
        chunks, size = [], 0
        try:
            for chunk in response.stream(_CHUNK):
                size += len(chunk)
                if size > self.max_bytes:
                    raise FetchError(f"too big (over {self.max_bytes / 1e6:g} MB)")
                chunks.append(chunk)
        except errors.ReadTimeoutError:
            raise FetchError(f"timed out (limit {self.timeout.read_timeout:g} s)") from None
        except errors.HTTPError as exc:
            raise FetchError(_reason(exc)) from None
        return b"".join(chunks)


def _reason(exc: Exception) -> str:
    text = str(getattr(exc, "reason", None) or exc)
    if ">: " in text:  # urllib3 prefixes the connection object
        text = text.split(">: ", 1)[1]
    return " ".join(text.split())[:200]


def is_html(fetched: Fetched) -> bool:
    """Is the response a web page (by its Content-Type, else by its first bytes)?"""
    kind = fetched.content_type.split(";")[0].strip().lower()
    if kind:
        return kind in ("text/html", "application/xhtml+xml")
    start = fetched.data[:512].lstrip().lower()
    return start.startswith((b"<!doctype html", b"<html"))
