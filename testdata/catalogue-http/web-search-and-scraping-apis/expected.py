"""Search, scraping, transcript, maps and payment APIs: each call is an HTTP request with a sync client."""

import googlemaps
import razorpay
from duckduckgo_search import DDGS
from fastapi import FastAPI
from geopy.geocoders import Nominatim
from tavily import TavilyClient
from youtube_transcript_api import YouTubeTranscriptApi

app = FastAPI()
tavily = TavilyClient(api_key="key")
maps = googlemaps.Client(key="key")
geolocator = Nominatim(user_agent="app")
payments = razorpay.Client(auth=("key", "secret"))


@app.get("/search")
def search(q: str):  # expect-fix: convert-to-def
    return tavily.search(q, max_results=5)  # expect: UNB110


@app.get("/ddg")
def ddg(q: str):  # expect-fix: convert-to-def
    with DDGS() as ddgs:
        return list(ddgs.text(q, max_results=5))  # expect: UNB110


@app.get("/transcript/{video_id}")
def transcript(video_id: str):  # expect-fix: convert-to-def
    return YouTubeTranscriptApi.get_transcript(video_id)  # expect: UNB110


@app.get("/where")
def where(address: str):  # expect-fix: convert-to-def
    place = geolocator.geocode(address)  # expect: UNB110
    route = maps.directions(address, "Paris")  # expect: UNB110
    return {"lat": place.latitude, "legs": len(route)}


@app.post("/orders")
def create_order(amount: int):  # expect-fix: convert-to-def
    return payments.order.create({"amount": amount, "currency": "INR"})  # expect: UNB110


@app.get("/client-ready")
async def client_ready():
    return {"geocoder": type(geolocator).__name__}
