"""End-to-end tests of the web pages in Debian's headless Chromium, driven by Playwright.

A uvicorn server runs in a thread on 127.0.0.1 and a free port over the hand-built store of ``test_web_api``.
The tests click through an article to an event, filter the event list, and check that the timeline, network
and map are drawn (screenshots saved in the test's tmp dir must not be blank). They skip only when Chromium is
not installed; ``make browser`` installs it (Debian package ``chromium``).
"""

from __future__ import annotations

import base64
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).is_file(), reason="Chromium is not installed (make browser installs Debian's chromium)"
)

# Flags for a sandbox-less root container with no network: no GPU, and no calls home at start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 844}
#: A page must be usable within a second on the demo data; the bound here leaves room for a loaded CI machine.
LOAD_BUDGET_S = 5.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(db: Path) -> Iterator[str]:
    """Run the app under uvicorn in a thread; yield its base URL; stop it afterwards."""
    import uvicorn

    from dateline.web import create_app
    from tests.test_web_api import FakeAnalyser

    port = free_port()
    app = create_app(db, analyser=FakeAnalyser())  # type: ignore[arg-type]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.test_web_api import build_store

    yield from serve(build_store(tmp_path_factory.mktemp("browser") / "web.db"))


@pytest.fixture(scope="module")
def empty_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from tests.test_web_api import build_store

    yield from serve(build_store(tmp_path_factory.mktemp("browser-empty") / "empty.db", []))


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class Watched:
    """A page that records console errors and every request that leaves the test server."""

    def __init__(self, browser: object, base_url: str, viewport: dict[str, int]) -> None:
        self.page = browser.new_page(viewport=viewport)  # type: ignore[attr-defined]
        self.base_url = base_url
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)

    def _request(self, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        if urlparse(url).scheme in ("http", "https") and not url.startswith(self.base_url):
            self.outside.append(url)

    def open(self, path: str) -> float:
        """Load a page (and its chart, if any); return the seconds it took."""
        start = time.perf_counter()
        response = self.page.goto(self.base_url + path, wait_until="load")
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        if self.page.locator(".chart").count():
            self.page.wait_for_selector(".chart[data-rendered]", timeout=15_000)
            assert self.page.get_attribute(".chart", "data-rendered") == "yes", self.page.inner_text(".chart")
        return time.perf_counter() - start

    def check_clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.outside, f"requests left the server: {self.outside}"


@pytest.fixture
def wide(browser: object, base_url: str) -> Iterator[Watched]:
    watched = Watched(browser, base_url, WIDE)
    yield watched
    watched.page.close()


PAGES = [
    "/",
    "/articles",
    "/articles/truce0000000000000001",
    "/events/shell0000000000000002:e0",
    "/actors",
    "/actors/Ana%20Kovac",
    "/quotes",
    "/timeline",
    "/network",
    "/map",
    "/analyse",
]


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280x800", "narrow"])
def test_every_page_loads_quickly_offline_and_fits(browser: object, base_url: str, viewport: dict[str, int]) -> None:
    watched = Watched(browser, base_url, viewport)
    for path in PAGES:
        seconds = watched.open(path)
        assert seconds < LOAD_BUDGET_S, f"{path} took {seconds:.2f} s"
        overflow = watched.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} is {overflow}px wider than the window"
    watched.check_clean()
    watched.page.close()


def test_click_through_an_article_to_an_event(wide: Watched) -> None:
    page = wide.page
    wide.open("/articles")
    page.click("text=Sylvanian troops shell a border village")
    page.wait_for_url("**/articles/shell0000000000000002")
    item = page.locator("#ev-1")
    item.click()
    assert "selected" in (item.get_attribute("class") or "")
    focused = page.locator("#article-text .focus")
    assert "".join(focused.all_inner_texts()) == "Freedonia accused Sylvania of breaking the truce."
    assert item.locator("blockquote.evidence").is_visible()
    assert page.url.endswith("#ev-1")
    item.locator("a.event-link").click()
    page.wait_for_url("**/events/shell0000000000000002:e1")
    assert page.inner_text("#evidence") == "Freedonia accused Sylvania of breaking the truce."
    assert page.inner_text("mark.m-trigger") == "accused"
    assert "112" in page.inner_text("#event-title")
    wide.check_clean()


def test_a_trigger_in_the_text_selects_its_event(wide: Watched) -> None:
    wide.open("/articles/truce0000000000000001")
    wide.page.click("#article-text [data-trigger='1']")
    assert "selected" in (wide.page.get_attribute("#ev-1", "class") or "")
    wide.check_clean()


def test_filter_the_event_list(wide: Watched) -> None:
    page = wide.page
    wide.open("/")
    assert page.locator("#events-table tbody tr").count() == 5
    page.select_option("select[name=quad_class]", "4")
    page.fill("input[name=actor]", "SYL")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**quad_class=4**")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 2
    assert sorted(page.locator("#events-table a.event-link").all_inner_texts()) == ["attack", "shelled"]
    assert page.input_value("input[name=actor]") == "SYL"  # the form keeps its filters
    page.click("text=clear")
    page.wait_for_url(wide.base_url + "/")
    assert page.locator("#events-table tbody tr").count() == 5
    wide.check_clean()


@pytest.mark.parametrize(("path", "svg_part"), [("/timeline", ".bars"), ("/network", ".scatter"), ("/map", ".geo")])
def test_charts_render(wide: Watched, tmp_path: Path, path: str, svg_part: str) -> None:
    wide.open(path)
    chart = wide.page.locator(".chart")
    assert chart.locator(svg_part).count() >= 1
    shot = tmp_path / f"{path.strip('/')}.png"
    chart.screenshot(path=str(shot))
    variance, colours = pixel_stats(wide, shot)
    assert variance > 20 and colours > 20, f"{shot} looks blank (variance {variance:.0f}, {colours} colours)"
    wide.check_clean()


def test_map_draws_country_shapes(wide: Watched) -> None:
    shapes: list[int] = []
    wide.page.on("response", lambda r: shapes.append(r.status) if "/assets/topojson/" in r.url else None)
    wide.open("/map")
    assert shapes == [200]
    outline = wide.page.get_attribute(".chart .geo .countries path", "d") or ""
    assert len(outline) > 10_000, f"country outlines of {len(outline)} characters: the shapes did not load"
    assert wide.page.locator(".chart .scattergeo path.point").count() == 2  # Geneva and Lakeview
    wide.check_clean()


def pixel_stats(watched: Watched, png: Path) -> tuple[float, int]:
    """Luminance variance and number of distinct colours of a PNG, decoded by the browser itself."""
    data = base64.b64encode(png.read_bytes()).decode()
    page = watched.page.context.browser.new_page()
    page.set_content("<canvas id=c></canvas>")
    stats = page.evaluate(
        """async (data) => {
            const image = new Image();
            image.src = "data:image/png;base64," + data;
            await image.decode();
            const canvas = document.getElementById("c");
            canvas.width = image.width; canvas.height = image.height;
            const context = canvas.getContext("2d");
            context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, image.width, image.height).data;
            let sum = 0, squares = 0;
            const colours = new Set();
            for (let i = 0; i < pixels.length; i += 4) {
                const y = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2];
                sum += y; squares += y * y;
                colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
            }
            const n = pixels.length / 4, mean = sum / n;
            return [squares / n - mean * mean, colours.size];
        }""",
        data,
    )
    page.close()
    return float(stats[0]), int(stats[1])


def test_empty_store_shows_an_empty_state(browser: object, empty_url: str) -> None:
    watched = Watched(browser, empty_url, WIDE)
    for path in ["/", "/articles", "/timeline", "/map"]:
        watched.open(path)
        assert "Nothing stored yet" in watched.page.inner_text("main")
    watched.check_clean()
    watched.page.close()


def test_paste_an_article_and_see_it_analysed(wide: Watched, tmp_path: Path) -> None:
    page = wide.page
    wide.open("/analyse")
    upload = tmp_path / "story.txt"
    upload.write_text("Envoys meet in Oslo\n\nEnvoys from both sides met in Oslo on Friday.\n", encoding="utf-8")
    page.set_input_files("#analyse-file", str(upload))
    page.wait_for_function("document.getElementById('analyse-text').value.includes('Oslo on Friday')")
    page.click("#analyse-form button[type=submit]")
    page.wait_for_selector("#article-text")
    assert "not stored" in page.inner_text("main")
    assert page.inner_text("h1") == "Envoys meet in Oslo"
    assert page.inner_text("#article-text [data-trigger='0']") == "Envoys"
    wide.check_clean()
