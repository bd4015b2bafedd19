"""PNG and SVG export: the timeline chart rendered by kaleido in an installed Chromium.

kaleido ≥ 1.0 has no browser of its own: it drives a Chrome or Chromium already on the
machine (through `choreographer`, over a pipe, headless). This module finds that browser
itself — `BROWSER_PATH` (the variable kaleido and choreographer read too) if set, else
`chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` on PATH — and
passes its path to kaleido explicitly, so nothing is ever downloaded at run time (we
never call kaleido's `get_chrome`) and kaleido's own search (which prefers a browser it
downloaded earlier) is not used.

The render is offline: plotly.js comes from the installed plotly package, and MathJax
(which kaleido would otherwise load from a CDN) is switched off. choreographer starts the
browser with `--no-sandbox` by default, which is what lets it run as root in containers;
the page it renders is generated locally from the figure, with no remote content.

Failures are `ImageExportError`, one line that says what to install or what went wrong;
a wrong format is a `ValueError`. The image is rendered to bytes, then written with
`write_atomic`, so a failed render never leaves a half-written file.
"""

from __future__ import annotations

import os
import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.fileio import write_atomic

if TYPE_CHECKING:
    import plotly.graph_objects as go

IMAGE_FORMATS = ("png", "svg")
BROWSER_ENV = "BROWSER_PATH"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Seconds kaleido may take to render one image before giving up.
RENDER_TIMEOUT = 60
# Height when neither the caller nor the figure's layout sets one.
DEFAULT_HEIGHT = 800
_MAX_DETAIL = 200


class ImageExportError(RuntimeError):
    """The chart cannot be rendered as an image here: no browser, no kaleido, or a crash."""


def write_image(
    path: Path,
    figure: go.Figure,
    fmt: str,
    width: int = 1400,
    height: int | None = None,
) -> Path:
    """Render `figure` as `fmt` ("png" or "svg") and write it atomically to `path`.

    `height` defaults to the figure's own layout height, else `DEFAULT_HEIGHT`. Raises
    `ValueError` for another format and `ImageExportError` when it cannot render.
    """
    fmt = image_format(fmt)
    data = render_image(figure, fmt, width, height)
    return write_atomic(path, data)


def image_format(fmt: str) -> str:
    """The normalised format name; anything but png or svg is a usage error."""
    name = fmt.strip().lower()
    if name not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; choose from {', '.join(IMAGE_FORMATS)}")
    return name


def render_image(
    figure: go.Figure, fmt: str, width: int = 1400, height: int | None = None
) -> bytes:
    """The image bytes of the figure, rendered by kaleido in the browser `require_renderer`
    finds."""
    fmt = image_format(fmt)
    browser = require_renderer(fmt)
    import kaleido  # checked by require_renderer; imported late: it pulls in choreographer

    layout_height = figure.layout.height
    opts = {
        "format": fmt,
        "width": width,
        "height": height or (int(layout_height) if layout_height else DEFAULT_HEIGHT),
        "scale": 1,
    }
    kopts = {"path": browser, "mathjax": False, "timeout": RENDER_TIMEOUT}
    try:
        data = kaleido.calc_fig_sync(figure, opts=opts, kopts=kopts)
    except Exception as exc:  # any browser or kaleido failure: one clear line
        raise ImageExportError(
            f"{fmt.upper()} export failed: the browser at {browser} could not render the "
            f"chart ({_one_line(exc)})"
        ) from exc
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data:
        raise ImageExportError(f"{fmt.upper()} export failed: the browser returned no image")
    return data


def find_browser() -> str | None:
    """The Chrome/Chromium to render with: `BROWSER_PATH` if set, else one on PATH.

    A `BROWSER_PATH` that is not an executable gives None rather than falling back, so
    a mistyped override is reported instead of silently ignored.
    """
    override = os.environ.get(BROWSER_ENV, "").strip()
    if override:
        return shutil.which(override)
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def kaleido_available() -> bool:
    """Is kaleido ≥ 1.0 (the version that drives an installed browser) installed?

    Read from the package metadata: importing kaleido would pull in choreographer."""
    try:
        installed = version("kaleido")
    except PackageNotFoundError:
        return False
    major = installed.split(".", 1)[0]
    return major.isdigit() and int(major) >= 1


def require_renderer(fmt: str = "png") -> str:
    """The browser path, or `ImageExportError` saying in one line what is missing.

    Cheap (no browser is started), so a command can call it before a long build.
    """
    what = image_format(fmt).upper()
    browser = find_browser()
    has_kaleido = kaleido_available()
    if browser and has_kaleido:
        return browser
    override = os.environ.get(BROWSER_ENV, "").strip()
    if override and not browser:
        raise ImageExportError(
            f"{what} export needs a Chromium or Chrome browser, but {BROWSER_ENV}={override!r} "
            "is not an executable; fix or unset it"
        )
    if not browser:
        raise ImageExportError(
            f"{what} export needs a Chromium or Chrome browser (install the 'chromium' "
            f"package, or set {BROWSER_ENV} to one) and kaleido"
        )
    raise ImageExportError(
        f"{what} export needs kaleido 1.0 or later (pip install 'kaleido>=1.0') "
        "and a Chromium or Chrome browser"
    )


def _one_line(exc: BaseException) -> str:
    """An exception as a short single line: its type and first message, whitespace folded.

    choreographer's errors carry several messages (the rest suggest downloading Chrome,
    which we never do), so only the first is kept."""
    first = exc.args[0] if exc.args else exc
    detail = " ".join(str(first).split()) or "no details"
    if len(detail) > _MAX_DETAIL:
        detail = detail[: _MAX_DETAIL - 1] + "…"
    return f"{type(exc).__name__}: {detail}"
