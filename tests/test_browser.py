"""The built pages in a real browser: Debian's Chromium, headless, driven by Playwright.

The shipped plans are built once for the module; the pages are opened from disk (file://) with
no network. Each test asserts that the page logged no console error, threw no exception, had
no failed request and asked for nothing but file:// URLs."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Page,
    Request,
    ViewportSize,
    sync_playwright,
)

ROUND = "2020-2021"
CHROMIUM = Path("/usr/bin/chromium")
# Without these Chromium keeps trying to reach Google's services and floods the log with
# refused connections (the machine has no network).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: ViewportSize = {"width": 375, "height": 800}
LAPTOP: ViewportSize = {"width": 1280, "height": 800}
SCREENSHOT_COPY = Path("/tmp/planc-screenshot.png")


@pytest.fixture(scope="module")
def dist(shipped_dist: Path) -> Path:
    return shipped_dist


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium with `apt-get install chromium` "
            "(the browser test never downloads a browser)"
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Log:
    """What a page did that a clean page does not: errors, failed or non-local requests."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console error: {message.text} at {message.location}")

    def page_error(self, error: Exception) -> None:
        self.errors.append(f"page error: {error}")

    def failed(self, request: Request) -> None:
        self.errors.append(f"request failed: {request.url}: {request.failure}")

    def request(self, request: Request) -> None:
        self.requests.append(request.url)

    def assert_clean(self) -> None:
        assert not self.errors, "\n".join(self.errors)
        outside = [u for u in self.requests if not u.startswith("file://")]
        assert not outside, f"requests that leave file://: {outside}"
        assert self.requests, "no request recorded: the listeners are not attached"


@dataclass
class Tab:
    page: Page
    log: Log


class Pages:
    """Opens built pages, each in a fresh browser context, and closes them all at the end."""

    def __init__(self, browser: Browser, dist: Path) -> None:
        self.browser = browser
        self.dist = dist
        self.tabs: list[Tab] = []

    def open(self, path: str, viewport: ViewportSize = LAPTOP) -> Tab:
        context = self.browser.new_context(viewport=viewport)
        page = context.new_page()
        log = Log()
        page.on("console", log.console)
        page.on("pageerror", log.page_error)
        page.on("requestfailed", log.failed)
        page.on("request", log.request)
        self.tabs.append(Tab(page, log))
        page.goto((self.dist / path).as_uri())
        page.wait_for_load_state("load")
        return self.tabs[-1]

    def close(self) -> None:
        for tab in self.tabs:
            tab.page.context.close()


@pytest.fixture
def pages(browser: Browser, dist: Path) -> Iterator[Pages]:
    opened = Pages(browser, dist)
    yield opened
    opened.close()


def test_chromium_is_installed() -> None:
    """Reported as a failure of its own, not only as the other tests' setup error."""
    assert CHROMIUM.is_file(), (
        f"{CHROMIUM} is missing: install Debian's Chromium with `apt-get install chromium`"
    )


def test_pages_open_without_errors(pages: Pages) -> None:
    for path in ("index.html", f"{ROUND}/plan.html", f"{ROUND}/handbook.html"):
        tab = pages.open(path)
        assert tab.page.title(), f"{path} has no title"
        assert tab.page.locator("main").count() == 1, f"{path} has no <main>"
        tab.log.assert_clean()


def test_index_links_to_the_round(pages: Pages) -> None:
    tab = pages.open("index.html")
    tab.page.locator(f'a[href="{ROUND}/plan.html"]').first.click()
    tab.page.wait_for_load_state("load")
    assert tab.page.url.endswith(f"/{ROUND}/plan.html")
    tab.log.assert_clean()


def _pick_query(texts: list[str]) -> str:
    """A two-character query found in some items but not all, the more found the better (up to
    half), so the filter is seen both to keep and to drop."""
    total = len(texts)
    best, best_score = "", -1
    for text in texts:
        for i in range(len(text) - 1):
            query = text[i : i + 2]
            if query.strip() != query or not query.strip():
                continue
            hits = sum(query.lower() in t.lower() for t in texts)
            if 0 < hits < total:
                score = min(hits, total - hits)
                if score > best_score:
                    best, best_score = query, score
    assert best, "no query matches some items but not all"
    return best


def _check_search(tab: Tab, item: str) -> None:
    page = tab.page
    items = page.locator(item)
    total = items.count()
    assert total > 1, f"fewer than two {item} on {page.url}"
    texts = [t or "" for t in (items.nth(i).get_attribute("data-search") for i in range(total))]
    assert all(texts), f"some {item} have no data-search"
    assert page.locator("[data-search]").count() == total, f"[data-search] on more than {item}"
    assert page.locator(f"{item}:visible").count() == total
    query = _pick_query(texts)
    expected = sum(query.lower() in t.lower() for t in texts)

    box = page.locator("#search")
    box.click()
    box.press_sequentially(query)  # key by key, as a reader types
    assert page.locator(f"{item}:visible").count() == expected, f"query {query!r}"
    assert page.locator("#search-count").inner_text().strip() == f"显示 {expected} / {total}"
    # every group left on screen holds a hit; every group holding a hit is on screen
    groups = page.locator("[data-group]")
    for i in range(groups.count()):
        group = groups.nth(i)
        holds_hit = group.locator(f"{item}:visible").count() > 0
        assert group.is_visible() == holds_hit, f"group {group.get_attribute('id')}"

    box.fill("")
    assert page.locator(f"{item}:visible").count() == total
    assert page.locator("#search-count").inner_text().strip() == ""

    # The results come first: the cover, contents and back matter step aside.
    box.fill(query)
    assert page.locator("[data-front]:visible").count() == 0
    # the first thing on the page under the header is the group holding the first result
    first_group = page.evaluate(
        "() => Array.from(document.querySelector('main').children)"
        ".find(e => e.offsetParent !== null).id"
    )
    holder = page.locator(f"{item}:visible").first.evaluate(
        "e => e.closest('main > [data-group]').id"
    )
    assert first_group == holder, f"{first_group} comes before the results"

    box.fill("不可能出现的检索词")
    assert page.locator(f"{item}:visible").count() == 0
    said = page.locator("#search-count").inner_text().strip()
    assert said.startswith("没有相符的") and said.endswith(f"（0 / {total}）"), said
    box.fill("")
    assert page.locator(f"{item}:visible").count() == total
    assert page.locator("[data-front]").first.is_visible()
    tab.log.assert_clean()


def test_search_finds_numbers_chapters_and_english_names(pages: Pages) -> None:
    page = pages.open(f"{ROUND}/plan.html").page
    box = page.locator("#search")
    for query in ("24.", "推进市场国际化", "Shenzhen"):
        box.fill(query)
        assert page.locator(".task:visible").count() > 0, query
        texts = page.locator(".task:visible").evaluate_all(
            "es => es.map(e => e.getAttribute('data-search').toLowerCase())"
        )
        assert all(query.lower() in t for t in texts), query


def test_search_filters_tasks(pages: Pages) -> None:
    _check_search(pages.open(f"{ROUND}/plan.html"), ".task")


def test_search_filters_cases(pages: Pages) -> None:
    _check_search(pages.open(f"{ROUND}/handbook.html"), ".case")


def _follow_case_link(pages: Pages, viewport: ViewportSize) -> tuple[Tab, str]:
    tab = pages.open(f"{ROUND}/plan.html", viewport)
    link = tab.page.locator('.task a[href^="handbook.html#case-"]').first
    href = link.get_attribute("href") or ""
    anchor = href.partition("#")[2]
    link.scroll_into_view_if_needed()
    link.click()
    tab.page.wait_for_url(f"**/{ROUND}/handbook.html#{anchor}")
    tab.page.wait_for_load_state("load")
    return tab, anchor


def test_case_link_opens_the_case(pages: Pages) -> None:
    tab, anchor = _follow_case_link(pages, LAPTOP)
    target = tab.page.locator(f"#{anchor}")
    assert target.count() == 1, f"no #{anchor} in handbook.html"
    assert target.evaluate("e => e.classList.contains('case')")
    box = target.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return [r.top, r.bottom, window.innerHeight, window.scrollY]; }"
    )
    top, bottom, height, scrolled = box
    assert scrolled > 0, "the page did not scroll to the case"
    assert bottom > 0 and top < height, f"#{anchor} is not in the viewport: {box}"
    tab.log.assert_clean()


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_case_link_target_is_not_under_the_sticky_header(
    pages: Pages, viewport: ViewportSize
) -> None:
    """The case's title is below the sticky header, not hidden by it."""
    tab, anchor = _follow_case_link(pages, viewport)
    title_top, header_bottom = tab.page.evaluate(
        "a => [document.getElementById(a).getBoundingClientRect().top,"
        " document.querySelector('header.top').getBoundingClientRect().bottom]",
        anchor,
    )
    assert title_top >= header_bottom - 1, (
        f"#{anchor} starts at {title_top:.0f}px, under the sticky header that ends at "
        f"{header_bottom:.0f}px ({viewport['width']}px wide): its title is hidden"
    )


def test_screenshots_and_no_horizontal_overflow(pages: Pages, dist: Path) -> None:
    shots: dict[str, Path] = {}
    for name, viewport in (("phone", PHONE), ("laptop", LAPTOP)):
        tab = pages.open(f"{ROUND}/plan.html", viewport)
        shot = dist.parent / f"plan-{name}.png"
        tab.page.screenshot(path=str(shot))
        shots[name] = shot
        tab.log.assert_clean()
    for name, shot in shots.items():
        assert shot.is_file() and shot.stat().st_size > 10_000, f"{name} screenshot: {shot}"
    shutil.copyfile(shots["laptop"], SCREENSHOT_COPY)
    shutil.copyfile(shots["phone"], SCREENSHOT_COPY.with_name("planc-screenshot-phone.png"))

    overflowing = []
    for path in ("index.html", f"{ROUND}/plan.html", f"{ROUND}/handbook.html"):
        tab = pages.open(path, PHONE)
        width = tab.page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"] + 1:
            overflowing.append(f"{path}: {width}px")
    assert not overflowing, f"wider than a {PHONE['width']}px phone: {overflowing}"
