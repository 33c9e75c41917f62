"""Web search, scraping, maps and media APIs (category ``http``).

What an application (or its agents' tools) asks the web for: search APIs
(Tavily, Exa, SerpAPI, DuckDuckGo), scrapers (Firecrawl, trafilatura,
newspaper), YouTube transcripts and yt-dlp's extractors, Google Maps and
geopy's geocoders, Wikipedia, Twitter's API, payment and order APIs
(razorpay). Each call is one or more HTTP requests with the library's sync
client (requests or urllib inside). Clients are built without I/O. The async
clients some of them ship (``AsyncTavilyClient``) are other objects, so the
fix moves the call to the threadpool.
"""

from __future__ import annotations

from ._helpers import each, instance
from .model import Alias, BlockingApi, Returns

_WHY = "HTTP requests to the service's API"
_GEOCODERS = ("Nominatim", "GoogleV3", "ArcGIS", "Bing", "MapBox", "OpenCage", "Photon", "Here", "HereV7",
              "GeoNames", "Pelias", "LocationIQ", "TomTom", "Yandex")
_RAZORPAY_RESOURCES = ("order", "payment", "refund", "customer", "subscription", "plan", "invoice", "payment_link",
                       "settlement", "transfer", "virtual_account", "item", "addon", "qrcode", "card", "token")

ENTRIES: list[BlockingApi] = [
    *each("tavily.TavilyClient", ("search", "extract", "crawl", "map", "qna_search", "get_search_context"), "http",
          why="HTTP requests to the Tavily API"),
    *each("exa_py.Exa", ("search", "search_and_contents", "get_contents", "find_similar",
                         "find_similar_and_contents", "answer"), "http", why="HTTP requests to the Exa API"),
    *each("serpapi.GoogleSearch", ("get_dict", "get_json", "get_html", "get_results", "get_raw_json"), "http",
          why="an HTTP request to SerpAPI"),
    *each("serpapi.Client", ("search", "account", "locations"), "http", why="an HTTP request to SerpAPI"),
    BlockingApi("serpapi.search", "http", why="an HTTP request to SerpAPI"),
    *[api for owner in ("duckduckgo_search.DDGS", "ddgs.DDGS")
      for api in each(owner, ("text", "news", "images", "videos", "answers", "suggestions", "maps", "translate",
                              "chat"), "http", why="HTTP requests to DuckDuckGo")],
    *[api for owner in ("firecrawl.FirecrawlApp", "firecrawl.Firecrawl")
      for api in each(owner, ("scrape_url", "crawl_url", "map_url", "search", "extract", "batch_scrape_urls",
                              "scrape", "crawl", "map", "batch_scrape", "check_crawl_status", "get_crawl_status"),
                      "http", why="HTTP requests to the Firecrawl API (crawls poll until done)")],
    BlockingApi("trafilatura.fetch_url", "http", why="downloads the page"),
    BlockingApi("newspaper.Article.download", "http", why="downloads the article page"),
    *each("youtube_transcript_api.YouTubeTranscriptApi", ("get_transcript", "get_transcripts", "list_transcripts",
                                                          "fetch", "list"), "http",
          why="HTTP requests to YouTube for the captions"),
    *each("yt_dlp.YoutubeDL", ("extract_info", "download", "process_ie_result"), "http",
          why="HTTP requests to the video site (download also writes the files, may run ffmpeg)"),
    BlockingApi("googlemaps.Client.*", "http", why="an HTTP request to the Google Maps API"),
    *[api for name in _GEOCODERS
      for api in each(f"geopy.geocoders.{name}", ("geocode", "reverse"), "http", why="an HTTP request to the geocoder")],
    *each("wikipedia", ("summary", "page", "search", "suggest", "geosearch", "random"), "http",
          why="HTTP requests to the Wikipedia API"),
    BlockingApi("tweepy.Client.*", "http", why="an HTTP request to the X (Twitter) API"),
    *[BlockingApi(f"razorpay.resources.{resource.title().replace('_', '')}.*", "http",
                  why="an HTTP request to the Razorpay API") for resource in _RAZORPAY_RESOURCES],
]

RETURNS: list[Returns] = [
    *instance("tavily.TavilyClient", "exa_py.Exa", "serpapi.GoogleSearch", "serpapi.Client", "duckduckgo_search.DDGS",
              "ddgs.DDGS", "firecrawl.FirecrawlApp", "firecrawl.Firecrawl", "newspaper.Article",
              "youtube_transcript_api.YouTubeTranscriptApi", "yt_dlp.YoutubeDL", "googlemaps.Client",
              "tweepy.Client", "razorpay.Client"),
    *[Returns(f"geopy.geocoders.{name}", f"geopy.geocoders.{name}") for name in _GEOCODERS],
    *[Returns(f"razorpay.Client.{resource}", f"razorpay.resources.{resource.title().replace('_', '')}")
      for resource in _RAZORPAY_RESOURCES],
]

ALIASES: list[Alias] = [
    Alias("tavily.tavily.TavilyClient", "tavily.TavilyClient"),
    Alias("exa_py.api.Exa", "exa_py.Exa"),
    Alias("duckduckgo_search.duckduckgo_search.DDGS", "duckduckgo_search.DDGS"),
    Alias("youtube_transcript_api._api.YouTubeTranscriptApi", "youtube_transcript_api.YouTubeTranscriptApi"),
    Alias("razorpay.client.Client", "razorpay.Client"),
]
