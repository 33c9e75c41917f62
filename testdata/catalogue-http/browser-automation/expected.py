"""Selenium drives a browser through its driver process; Playwright's sync API raises on a running loop."""

from fastapi import FastAPI
from playwright.async_api import async_playwright
from playwright.sync_api import sync_playwright
from selenium import webdriver

app = FastAPI()


@app.get("/title")
def title(url: str):  # expect-fix: convert-to-def
    driver = webdriver.Chrome()  # expect: UNB130
    try:
        driver.get(url)  # expect: UNB110
        return {"title": driver.title}
    finally:
        driver.quit()  # expect: UNB110


@app.get("/screenshot")
async def screenshot(url: str):  # expect-fix: none
    with sync_playwright() as p:  # expect: UNB230
        browser = p.chromium.launch()
        page = browser.new_page()
        page.goto(url)
        return {"title": page.title()}


@app.get("/screenshot-async")
async def screenshot_async(url: str):
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        await page.goto(url)
        return {"title": await page.title()}
