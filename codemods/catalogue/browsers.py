"""Browser automation: Selenium and Playwright's sync API (categories ``subprocess``, ``http``, ``reentry``).

``webdriver.Chrome()`` (and the other drivers) starts the driver process and
opens a browser session; every ``WebDriver`` method is an HTTP request to that
driver, and ``get(url)`` waits for the page to load. Playwright's sync API
does not block from a coroutine: it refuses to run inside a running event loop
and raises at once, like ``asyncio.run``; ``playwright.async_api`` is the one to
use there.
"""

from __future__ import annotations

from .model import Alias, BlockingApi, Returns

_DRIVER = "selenium.webdriver.remote.webdriver.WebDriver"
_BROWSERS = ("Chrome", "Firefox", "Edge", "Safari", "Remote", "ChromiumEdge")
_ELEMENT = "selenium.webdriver.remote.webelement.WebElement"
#: Finders give an element (a ``Returns`` entry), so the ``WebDriver.*`` wildcard does not cover them.
_FINDERS = ("find_element", "find_element_by_id", "find_element_by_css_selector", "find_element_by_xpath")

ENTRIES: list[BlockingApi] = [
    *[BlockingApi(f"selenium.webdriver.{browser}", "subprocess",
                  why="starts the driver process and opens a browser session") for browser in _BROWSERS],
    BlockingApi(f"{_DRIVER}.*", "http", why="a request to the driver process (get() waits for the page load)"),
    *[BlockingApi(f"{_DRIVER}.{name}", "http", why="a request to the driver process") for name in _FINDERS],
    BlockingApi(f"{_ELEMENT}.*", "http", why="a request to the driver process"),
    BlockingApi("playwright.sync_api.sync_playwright", "reentry",
                why="raises in a running event loop (Playwright's sync API runs a loop of its own)"),
]

RETURNS: list[Returns] = [
    *[Returns(f"selenium.webdriver.{browser}", _DRIVER) for browser in _BROWSERS],
    *[Returns(f"{_DRIVER}.{name}", _ELEMENT) for name in _FINDERS],
]

ALIASES: list[Alias] = [
    *[Alias(f"selenium.webdriver.{browser.lower()}.webdriver.WebDriver", f"selenium.webdriver.{browser}")
      for browser in ("Chrome", "Firefox", "Edge", "Safari")],
]
