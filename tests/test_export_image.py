"""PNG/SVG export: one real render each when a browser is here, clear errors when not."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from xml.etree import ElementTree

import plotly.graph_objects as go
import pytest

from timeline.export import image
from timeline.export.image import (
    ImageExportError,
    find_browser,
    kaleido_available,
    require_renderer,
    write_image,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def small_figure() -> go.Figure:
    figure = go.Figure(
        go.Scatter(x=["2025-08-01", "2025-10-10"], y=[1, 2], mode="markers+text", text=["a", "b"])
    )
    figure.update_layout(title="test", height=300)
    return figure


def need_renderer() -> None:
    if not kaleido_available():
        pytest.skip("kaleido >= 1.0 is not installed: image export cannot be tested here")
    if find_browser() is None:
        pytest.skip("no Chromium or Chrome browser found (BROWSER_PATH or PATH)")


def test_png_render(tmp_path: Path) -> None:
    need_renderer()
    path = write_image(tmp_path / "out" / "chart.png", small_figure(), "png", width=400)
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    # width is the IHDR's first field
    assert int.from_bytes(data[16:20], "big") == 400
    assert int.from_bytes(data[20:24], "big") == 300
    assert [p.name for p in path.parent.iterdir()] == ["chart.png"]


def test_svg_render(tmp_path: Path) -> None:
    need_renderer()
    path = write_image(tmp_path / "chart.svg", small_figure(), "SVG", width=400, height=250)
    text = path.read_text(encoding="utf-8")
    assert text.lstrip().startswith(("<svg", "<?xml"))
    root = ElementTree.fromstring(text)
    assert root.tag.endswith("svg")
    assert root.get("width") == "400"


def test_missing_browser_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image, "find_browser", lambda: None)
    monkeypatch.setattr(image, "kaleido_available", lambda: True)
    monkeypatch.delenv(image.BROWSER_ENV, raising=False)
    target = tmp_path / "chart.png"
    with pytest.raises(ImageExportError) as caught:
        write_image(target, small_figure(), "png")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("PNG export needs a Chromium or Chrome browser")
    assert "chromium" in message and "kaleido" in message
    assert not target.exists()
    assert isinstance(caught.value, RuntimeError)


def test_bad_browser_path_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image, "kaleido_available", lambda: True)
    monkeypatch.setenv(image.BROWSER_ENV, "/nonexistent/chromium")
    assert find_browser() is None
    with pytest.raises(ImageExportError, match=r"BROWSER_PATH='/nonexistent/chromium'") as caught:
        require_renderer("svg")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("SVG export")


def test_missing_kaleido_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(image, "find_browser", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(image, "kaleido_available", lambda: False)
    with pytest.raises(ImageExportError, match="needs kaleido") as caught:
        require_renderer("png")
    assert "\n" not in str(caught.value)


def test_browser_found_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "google-chrome"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.delenv(image.BROWSER_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_browser() == str(fake)
    monkeypatch.setenv(image.BROWSER_ENV, str(fake))
    monkeypatch.setenv("PATH", "")
    assert find_browser() == str(fake)


@pytest.mark.parametrize("fmt", ["gif", "jpeg", "pdf", "", "png;rm"])
def test_unknown_format_is_rejected(tmp_path: Path, fmt: str) -> None:
    with pytest.raises(ValueError, match="unknown image format"):
        write_image(tmp_path / "chart", small_figure(), fmt)
    assert not (tmp_path / "chart").exists()


def test_render_failure_is_one_line_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("The browser seemed to close\nimmediately.", "Try get_chrome()")

    fake_kaleido = types.SimpleNamespace(calc_fig_sync=crash)
    monkeypatch.setitem(sys.modules, "kaleido", fake_kaleido)
    monkeypatch.setattr(image, "require_renderer", lambda fmt: "/usr/bin/chromium")
    target = tmp_path / "chart.svg"
    with pytest.raises(ImageExportError) as caught:
        write_image(target, small_figure(), "svg")
    assert str(caught.value) == (
        "SVG export failed: the browser at /usr/bin/chromium could not render the chart "
        "(RuntimeError: The browser seemed to close immediately.)"
    )
    assert not target.exists()


def test_render_passes_browser_and_stays_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict] = []

    def record(figure: object, opts: dict, kopts: dict) -> bytes:
        calls.append({"opts": opts, "kopts": kopts})
        return b"<svg/>"

    monkeypatch.setitem(sys.modules, "kaleido", types.SimpleNamespace(calc_fig_sync=record))
    monkeypatch.setattr(image, "require_renderer", lambda fmt: "/opt/chrome")
    assert image.render_image(small_figure(), "svg", width=500) == b"<svg/>"
    (call,) = calls
    assert call["opts"] == {"format": "svg", "width": 500, "height": 300, "scale": 1}
    assert call["kopts"]["path"] == "/opt/chrome"
    assert call["kopts"]["mathjax"] is False
