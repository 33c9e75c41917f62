"""HTTP clients that wait for the response on the calling thread (category ``http``).

requests, urllib, urllib3, ``http.client``, the sync half of httpx (and its
fork httpx2), PyJWT's key fetcher and XML-RPC proxies. Building a client
(``requests.Session()``, ``httpx.Client()``, ``urllib3.PoolManager()``,
``http.client.HTTPConnection(host)``) opens nothing, so constructors are not
entries; the requests they send are.

zeep (SOAP) is the exception: ``zeep.Client(wsdl)`` downloads and parses the
WSDL (and its imports) in the constructor, ``AsyncClient`` included (it loads
the WSDL with a sync client). Every operation on ``client.service`` (or a
``bind``/``create_service`` proxy) is an HTTP round trip; the async client's
operations are coroutines on another proxy class, so they never match, but
building that client is not a faithful twin (the WSDL loading still blocks).
"""

from __future__ import annotations

from ._helpers import each, returning
from .model import Alias, BlockingApi, Returns

_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")
_HTTPX_STREAM_READ = "read"
#: Generators over a streamed body: the socket is read as they are iterated.
_HTTPX_STREAM_ITERATORS = ("iter_bytes", "iter_text", "iter_lines", "iter_raw")

_REQUESTS = [
    *each("requests", _VERBS, "http", ruff_codes=("ASYNC210",),
          why="requests resolves, connects and reads the whole response before returning"),
    *each("requests.Session", (*_VERBS, "send"), "http",
          why="a requests Session sends the request and waits for the reply"),
    BlockingApi("requests.Session.resolve_redirects", "http", lazy=True,
                why="a generator: follows each redirect (a request) as it is iterated"),
    # With ``stream=True`` the body is read from the socket as these generators are iterated.
    *each("requests.Response", ("iter_content", "iter_lines"), "http", lazy=True,
          why="reads a streamed body (stream=True) from the socket as it is iterated"),
]

_URLLIB = [
    BlockingApi("urllib.request.urlopen", "http", ruff_codes=("ASYNC210",),
                why="urlopen connects and waits for the response headers"),
    BlockingApi("urllib.request.urlretrieve", "http", why="downloads to a file before returning"),
    BlockingApi("urllib.request.OpenerDirector.open", "http", why="an opener connects and waits like urlopen"),
    *each("http.client.HTTPResponse", ("read", "readline", "readlines", "readinto"), "http",
          why="reads the body from the socket"),
]

_URLLIB3_POOLS = ("urllib3.PoolManager", "urllib3.ProxyManager", "urllib3.HTTPConnectionPool",
                  "urllib3.HTTPSConnectionPool")
_URLLIB3 = [
    BlockingApi("urllib3.request", "http", ruff_codes=("ASYNC210",),
                why="urllib3's module function sends through a shared pool and waits"),
    *[api for pool in _URLLIB3_POOLS for api in (
        BlockingApi(f"{pool}.request", "http", ruff_codes=("ASYNC211", "ASYNC212"),
                    why="a urllib3 pool sends the request and waits for the reply"),
        *each(pool, ("urlopen", "request_encode_url", "request_encode_body"), "http", ruff_codes=("ASYNC212",),
              why="a urllib3 pool sends the request and waits for the reply"),
    )],
]

_HTTP_CLIENT = [
    api
    for connection in ("http.client.HTTPConnection", "http.client.HTTPSConnection")
    for api in each(connection, ("request", "getresponse", "connect", "endheaders", "send"), "http",
                    why="http.client talks to the socket directly (connect, send, read)")
]

_HTTPX = [
    api
    for package in ("httpx", "httpx2")
    for api in (
        *each(package, _VERBS, "http", ruff_codes=("ASYNC210",), twin=f"{package}.AsyncClient",
              why="the module functions run a throw-away sync client"),
        BlockingApi(f"{package}.stream", "http", why="opens a sync streaming request"),
        *each(f"{package}.Client", (*_VERBS, "send"), "http", ruff_codes=("ASYNC212",),
              twin=f"{package}.AsyncClient", why="httpx.Client is the synchronous client"),
        BlockingApi(f"{package}.Client.stream", "http", ruff_codes=("ASYNC212",),
                    why="httpx.Client is the synchronous client"),
        BlockingApi(f"{package}.Client.close", "http", ruff_codes=("ASYNC212",),
                    async_twin=f"{package}.AsyncClient.aclose", why="closes the pooled sockets"),
        BlockingApi(f"{package}.Response.{_HTTPX_STREAM_READ}", "http", why="reads a streamed body from the socket"),
        *each(f"{package}.Response", _HTTPX_STREAM_ITERATORS, "http", lazy=True,
              why="reads a streamed body from the socket as it is iterated"),
    )
]

_ZEEP_PROXY = "zeep.proxy.ServiceProxy"
_ZEEP = [
    *[BlockingApi(f"zeep.{client}", "http", why="downloads and parses the WSDL and the schemas it imports")
      for client in ("Client", "AsyncClient")],
    BlockingApi(f"{_ZEEP_PROXY}.*", "http", why="a SOAP operation: an HTTP round trip to the service"),
]

_OTHERS = [
    *each("jwt.PyJWKClient", ("get_signing_key_from_jwt", "get_signing_key", "get_signing_keys", "get_jwk_set",
                              "fetch_data"), "http",
          why="fetches the JWKS document with urlopen when the cache is cold or the kid is new"),
    BlockingApi("xmlrpc.client.ServerProxy.*", "http", why="every remote method is an HTTP round trip"),
    BlockingApi("feedparser.parse", "http", why="fetches the feed with urllib when given a URL, and parses it"),
    # Market data from Yahoo's web API (requests or curl_cffi inside); ``Ticker(...)`` fetches nothing.
    *each("yfinance", ("download", "search"), "http", why="requests the quotes from Yahoo Finance"),
    *each("yfinance.Ticker", ("history", "get_info", "get_fast_info", "get_news", "get_dividends", "get_splits",
                              "get_actions", "get_financials", "get_balance_sheet", "get_cashflow",
                              "get_income_stmt", "get_earnings_dates", "get_recommendations", "option_chain"),
          "http", why="requests the data from Yahoo Finance"),
]

ENTRIES: list[BlockingApi] = [*_REQUESTS, *_URLLIB, *_URLLIB3, *_HTTP_CLIENT, *_HTTPX, *_ZEEP, *_OTHERS]

RETURNS: list[Returns] = [
    Returns("requests.session", "requests.Session"),
    *returning("requests", _VERBS, "requests.Response"),
    *returning("requests.Session", (*_VERBS, "send"), "requests.Response"),
    Returns("urllib.request.urlopen", "http.client.HTTPResponse"),
    Returns("urllib.request.build_opener", "urllib.request.OpenerDirector"),
    Returns("urllib.request.OpenerDirector.open", "http.client.HTTPResponse"),
    *returning("http.client.HTTPConnection", ("getresponse",), "http.client.HTTPResponse"),
    *returning("http.client.HTTPSConnection", ("getresponse",), "http.client.HTTPResponse"),
    Returns("urllib3.connection_from_url", "urllib3.HTTPConnectionPool"),
    *returning("urllib3.PoolManager", ("connection_from_url", "connection_from_host"), "urllib3.HTTPConnectionPool"),
    *[item for package in ("httpx", "httpx2") for item in (
        Returns(f"{package}.stream", f"{package}.Response"),
        Returns(f"{package}.Client.stream", f"{package}.Response"),
    )],
    Returns("zeep.Client", "zeep.Client"),
    Returns("yfinance.Ticker", "yfinance.Ticker"),
    *returning("zeep.Client", ("service", "bind", "create_service"), _ZEEP_PROXY),
]

ALIASES: list[Alias] = [
    Alias("requests.api", "requests"),
    Alias("requests.sessions.Session", "requests.Session"),
    Alias("requests.sessions.session", "requests.session"),
    Alias("httpx._client.Client", "httpx.Client"),
    Alias("urllib3.poolmanager.PoolManager", "urllib3.PoolManager"),
    Alias("urllib3.poolmanager.ProxyManager", "urllib3.ProxyManager"),
    Alias("urllib3.connectionpool.HTTPConnectionPool", "urllib3.HTTPConnectionPool"),
    Alias("urllib3.connectionpool.HTTPSConnectionPool", "urllib3.HTTPSConnectionPool"),
    Alias("urllib3.connectionpool.connection_from_url", "urllib3.connection_from_url"),
    Alias("jwt.jwks_client.PyJWKClient", "jwt.PyJWKClient"),
    Alias("xmlrpc.client.Server", "xmlrpc.client.ServerProxy"),
    Alias("zeep.client.Client", "zeep.Client"),
    Alias("zeep.CachingClient", "zeep.Client"),
    Alias("zeep.client.CachingClient", "zeep.Client"),
    Alias("zeep.client.AsyncClient", "zeep.AsyncClient"),
]
