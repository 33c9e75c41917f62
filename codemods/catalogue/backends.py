"""Hosted application backends: Supabase and Firebase (categories ``database`` and ``vendor``).

``create_client(url, key)`` builds a Supabase client without I/O; a query is
built step by step (``client.table("notes").select("*").eq("id", 1)``) and
``execute()`` sends it to PostgREST over HTTPS, with the sync httpx client.
``client.rpc(...)`` is a builder too; ``client.auth`` and
``client.storage.from_(bucket)`` call their servers on each method. The async
client (``acreate_client``) is another object, so the fix uses the threadpool.

``firestore.client()`` (firebase_admin) or ``google.cloud.firestore.Client()``
gives a Firestore client: collection and document references and queries are
built without I/O, and ``get``/``set``/``update``/``delete``/``add`` are gRPC
round trips; ``stream()`` fetches as it is iterated. ``firebase_admin.auth``
functions call the identity API, and ``verify_id_token`` fetches Google's
public keys (cached by the HTTP layer, refetched as they expire).
"""

from __future__ import annotations

from ._helpers import each, instance, returning, same_type
from .model import Alias, BlockingApi, Returns

_CLIENT = "supabase.Client"
_QUERY = "postgrest.SyncRequestBuilder"
_FILTER = "postgrest.SyncFilterRequestBuilder"
_RPC = "postgrest.SyncRPCFilterRequestBuilder"
_BUCKET = "storage3.SyncBucketProxy"
_AUTH = "supabase_auth.SyncGoTrueClient"
_POSTGREST = "an HTTPS request to the Supabase (PostgREST) API"
_FILTERS = ("select", "insert", "update", "upsert", "delete", "eq", "neq", "gt", "gte", "lt", "lte", "like",
            "ilike", "is_", "in_", "contains", "contained_by", "filter", "not_", "or_", "match", "order", "limit",
            "range", "offset", "single", "maybe_single", "text_search", "csv", "explain")
_AUTH_CALLS = ("sign_up", "sign_in_with_password", "sign_in_with_otp", "sign_in_with_oauth", "sign_out", "get_user",
               "get_session", "refresh_session", "set_session", "update_user", "reset_password_email",
               "verify_otp", "exchange_code_for_session")
_STORAGE_CALLS = ("upload", "download", "remove", "list", "move", "copy", "create_signed_url", "create_signed_urls",
                  "update", "get_public_url")

_FIRESTORE = "google.cloud.firestore.Client"
_COLLECTION = "google.cloud.firestore.CollectionReference"
_DOCUMENT = "google.cloud.firestore.DocumentReference"
_FS_QUERY = "google.cloud.firestore.Query"
_GRPC = "a gRPC round trip to Firestore"
_FIREBASE_AUTH = ("verify_id_token", "verify_session_cookie", "create_session_cookie", "get_user",
                  "get_user_by_email", "get_user_by_phone_number", "get_users", "list_users", "create_user",
                  "update_user", "delete_user", "delete_users", "set_custom_user_claims", "revoke_refresh_tokens",
                  "create_custom_token", "generate_password_reset_link", "generate_email_verification_link",
                  "generate_sign_in_with_email_link", "import_users")

ENTRIES: list[BlockingApi] = [
    *each(_FILTER, ("execute",), "database", why=_POSTGREST),
    *each(_RPC, ("execute",), "database", why=_POSTGREST),
    *each(_AUTH, _AUTH_CALLS, "vendor", why="an HTTPS request to Supabase Auth"),
    *each(_BUCKET, _STORAGE_CALLS, "cloud", why="an HTTPS request to Supabase Storage"),
    *each(_DOCUMENT, ("get", "set", "update", "delete", "create"), "database", why=_GRPC),
    *each(_COLLECTION, ("add", "get", "list_documents"), "database", why=_GRPC),
    *each(_FS_QUERY, ("get", "count"), "database", why=_GRPC),
    *[BlockingApi(f"{owner}.stream", "database", lazy=True, why="fetches the documents as they are iterated")
      for owner in (_COLLECTION, _FS_QUERY)],
    *each(_FIRESTORE, ("get_all", "collections"), "database", why=_GRPC),
    *each("firebase_admin.auth", _FIREBASE_AUTH, "vendor", why="an HTTPS request to the Firebase identity API"),
    *each("firebase_admin.messaging", ("send", "send_each", "send_each_for_multicast", "send_all",
                                       "send_multicast", "subscribe_to_topic"), "vendor",
          why="an HTTPS request to Firebase Cloud Messaging"),
]

RETURNS: list[Returns] = [
    Returns("supabase.create_client", _CLIENT),
    *instance(_CLIENT),
    *returning(_CLIENT, ("table", "from_"), _QUERY),
    *returning(_QUERY, ("select", "insert", "update", "upsert", "delete"), _FILTER),
    *same_type(_FILTER, _FILTERS),
    Returns(f"{_CLIENT}.rpc", _RPC),
    *same_type(_RPC, _FILTERS),
    Returns(f"{_CLIENT}.auth", _AUTH),
    Returns(f"{_CLIENT}.storage", "storage3.SyncStorageClient"),
    Returns("storage3.SyncStorageClient.from_", _BUCKET),
    Returns("firebase_admin.firestore.client", _FIRESTORE),
    *instance(_FIRESTORE),
    *returning(_FIRESTORE, ("collection",), _COLLECTION),
    *returning(_FIRESTORE, ("document",), _DOCUMENT),
    *returning(_COLLECTION, ("document",), _DOCUMENT),
    *returning(_DOCUMENT, ("collection",), _COLLECTION),
    *returning(_COLLECTION, ("where", "order_by", "limit", "offset", "select", "start_at", "start_after",
                             "end_at", "end_before", "limit_to_last"), _FS_QUERY),
    *same_type(_FS_QUERY, ("where", "order_by", "limit", "offset", "select", "start_at", "start_after", "end_at",
                           "end_before", "limit_to_last")),
]

ALIASES: list[Alias] = [
    Alias("supabase.client.Client", _CLIENT),
    Alias("supabase._sync.client.SyncClient", _CLIENT),
    Alias("supabase.client.create_client", "supabase.create_client"),
    Alias("google.cloud.firestore_v1.Client", _FIRESTORE),
    Alias("google.cloud.firestore_v1.client.Client", _FIRESTORE),
]
