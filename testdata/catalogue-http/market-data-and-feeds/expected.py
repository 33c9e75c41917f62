"""yfinance fetches quotes from Yahoo's web API (a ``Ticker`` object alone fetches nothing); feedparser fetches a feed URL."""

import feedparser
import yfinance as yf
from fastapi import FastAPI

app = FastAPI()


@app.get("/quote/{symbol}")
def quote(symbol: str):  # expect-fix: convert-to-def
    history = yf.Ticker(symbol).history(period="5d")  # expect: UNB110
    return history["Close"].to_dict()


@app.get("/compare")
def compare(symbols: list[str]):  # expect-fix: convert-to-def
    frame = yf.download(symbols, period="1mo")  # expect: UNB110
    return frame["Close"].tail(1).to_dict()


@app.get("/symbol/{symbol}")
async def symbol(symbol: str):
    ticker = yf.Ticker(symbol)
    return {"symbol": ticker.ticker}


@app.get("/news")
def news(feed_url: str):  # expect-fix: convert-to-def
    return [entry.title for entry in feedparser.parse(feed_url).entries]  # expect: UNB110
