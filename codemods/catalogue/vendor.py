"""Vendor SDKs whose sync clients make HTTPS calls (category ``vendor``).

Clients are built without I/O (``OpenAI()``, ``Anthropic()``, ``twilio.rest.Client(sid, token)``,
``WebClient(token)``); the resource methods reached through them
(``client.chat.completions.create``) are round trips, often of seconds. The
resource trees are typed attribute by attribute. openai, anthropic, slack_sdk
and litellm have faithful async twins for non-streaming calls; stripe's
``*_async`` methods and twilio's ``*_async`` methods need another HTTP client
configured, so they are not recorded as twins.
"""

from __future__ import annotations

from ._helpers import each, instance
from .model import Alias, BlockingApi, Returns

_HTTPS = "an HTTPS request to the vendor's API"
_TRUEFOUNDRY = "truefoundry.ml"
_OPENAI_RESOURCES = {
    # attribute path on the client -> (resource class under openai.resources, methods)
    "chat.completions": ("chat.Completions", ("create", "parse", "stream", "retrieve", "update", "list", "delete")),
    "completions": ("Completions", ("create",)),
    "embeddings": ("Embeddings", ("create",)),
    "responses": ("responses.Responses", ("create", "retrieve", "parse", "stream", "cancel", "delete", "compact")),
    "images": ("Images", ("generate", "edit", "create_variation")),
    "audio.transcriptions": ("audio.Transcriptions", ("create",)),
    "audio.translations": ("audio.Translations", ("create",)),
    "audio.speech": ("audio.Speech", ("create",)),
    "files": ("Files", ("create", "retrieve", "content", "list", "delete", "retrieve_content", "wait_for_processing")),
    "moderations": ("Moderations", ("create",)),
    "models": ("Models", ("list", "retrieve", "delete")),
    "batches": ("Batches", ("create", "retrieve", "list", "cancel")),
    "uploads": ("Uploads", ("create", "complete", "cancel", "upload_file_chunked")),
    "conversations": ("conversations.Conversations", ("create", "retrieve", "update", "delete")),
    "fine_tuning.jobs": ("fine_tuning.Jobs", ("create", "retrieve", "list", "cancel", "list_events", "pause",
                                              "resume")),
    "vector_stores": ("VectorStores", ("create", "retrieve", "update", "list", "delete", "search")),
    "vector_stores.files": ("vector_stores.Files", ("create", "retrieve", "update", "list", "delete", "content",
                                                    "create_and_poll", "poll", "upload", "upload_and_poll")),
    "vector_stores.file_batches": ("vector_stores.FileBatches", ("create", "retrieve", "cancel", "list_files",
                                                                 "create_and_poll", "poll", "upload_and_poll")),
    "beta.assistants": ("beta.Assistants", ("create", "retrieve", "update", "list", "delete")),
    "beta.threads": ("beta.Threads", ("create", "retrieve", "update", "delete", "create_and_run",
                                      "create_and_run_poll", "create_and_run_stream")),
    "beta.threads.messages": ("beta.threads.Messages", ("create", "retrieve", "update", "list", "delete")),
    "beta.threads.runs": ("beta.threads.Runs", ("create", "retrieve", "update", "list", "cancel", "create_and_poll",
                                                "poll", "stream", "create_and_stream", "submit_tool_outputs",
                                                "submit_tool_outputs_and_poll", "submit_tool_outputs_stream")),
    "videos": ("Videos", ("create", "retrieve", "list", "delete", "remix", "edit", "extend", "download_content",
                          "create_and_poll", "poll", "create_character", "get_character")),
    "containers": ("Containers", ("create", "retrieve", "list", "delete")),
    "containers.files": ("containers.Files", ("create", "retrieve", "list", "delete")),
    "evals": ("Evals", ("create", "retrieve", "update", "list", "delete")),
    "evals.runs": ("evals.Runs", ("create", "retrieve", "list", "delete", "cancel")),
    "responses.input_items": ("responses.InputItems", ("list",)),
    "conversations.items": ("conversations.Items", ("create", "retrieve", "list", "delete")),
    "chat.completions.messages": ("chat.completions.Messages", ("list",)),
    "realtime.client_secrets": ("realtime.ClientSecrets", ("create",)),
}
# Attributes that only group resources.
_OPENAI_INTERMEDIATE = {"chat": "chat.Chat", "audio": "audio.Audio", "fine_tuning": "fine_tuning.FineTuning",
                        "beta": "beta.Beta", "realtime": "realtime.Realtime"}
_ANTHROPIC_RESOURCES = {
    "messages": ("Messages", ("create", "count_tokens", "stream", "parse")),
    "completions": ("Completions", ("create",)),
    "models": ("Models", ("list", "retrieve")),
}
_STRIPE_RESOURCES = ("Customer", "PaymentIntent", "SetupIntent", "PaymentMethod", "Subscription", "SubscriptionItem",
                     "Invoice", "InvoiceItem", "Charge", "Refund", "Price", "Product", "Coupon", "PromotionCode",
                     "TaxRate", "Account", "Payout", "Transfer", "Event", "WebhookEndpoint", "BalanceTransaction",
                     "Dispute", "File", "checkout.Session", "billing_portal.Session", "Plan", "Quote", "CreditNote",
                     "PaymentLink", "ShippingRate", "TaxId", "Topup", "ApplicationFee", "Mandate", "Source",
                     "CustomerSession", "EphemeralKey", "AccountLink", "issuing.Card", "issuing.Cardholder",
                     "terminal.Reader", "terminal.ConnectionToken", "identity.VerificationSession",
                     "billing.Meter", "billing.MeterEvent", "tax.Calculation", "tax.Transaction",
                     "radar.ValueList")
_STRIPE_METHODS = ("create", "retrieve", "modify", "list", "delete", "search")
_STRIPE_SERVICE = "stripe.StripeService"
_STRIPE_ACTIONS = {
    "PaymentIntent": ("confirm", "capture", "cancel", "verify_microdeposits", "increment_authorization",
                      "apply_customer_balance", "list_amount_details_line_items"),
    "SetupIntent": ("confirm", "cancel", "verify_microdeposits"),
    "Subscription": ("cancel", "resume", "pause", "migrate", "delete_discount"),
    "Invoice": ("pay", "finalize_invoice", "send_invoice", "void_invoice", "mark_uncollectible", "add_lines",
                "update_lines", "remove_lines", "attach_payment", "create_preview", "list_lines"),
    "Refund": ("cancel",),
    "Customer": ("delete_discount", "list_payment_methods", "retrieve_payment_method", "create_funding_instructions",
                 "retrieve_cash_balance", "modify_cash_balance", "list_cash_balance_transactions",
                 "retrieve_cash_balance_transaction",
                 *(f"{verb}_{what}" for what in ("balance_transaction", "source", "tax_id")
                   for verb in ("create", "retrieve", "modify", "delete")),
                 "list_balance_transactions", "list_sources", "list_tax_ids"),
    "PaymentMethod": ("attach", "detach"),
    "Charge": ("capture", "mark_as_fraudulent", "mark_as_safe", "retrieve_refund", "list_refunds"),
    "Account": ("reject", "unreject", "deauthorize", "persons", "create_login_link", "list_persons",
                "list_external_accounts", "list_capabilities", "retrieve_capability", "modify_capability",
                *(f"{verb}_{what}" for what in ("person", "external_account")
                  for verb in ("create", "retrieve", "modify", "delete"))),
    "checkout.Session": ("expire", "list_line_items"),
    "Quote": ("accept", "cancel", "finalize_quote", "list_line_items"),
    "CreditNote": ("void_credit_note", "list_lines"),
    "PaymentLink": ("list_line_items",),
    "ApplicationFee": ("create_refund", "retrieve_refund", "modify_refund", "list_refunds"),
    "Source": ("detach",),
    "tax.Calculation": ("list_line_items",),
    "tax.Transaction": ("list_line_items",),
}
_STRIPE_SERVICES = {"customers": "Customer", "payment_intents": "PaymentIntent", "setup_intents": "SetupIntent",
                    "payment_methods": "PaymentMethod", "subscriptions": "Subscription", "invoices": "Invoice",
                    "charges": "Charge", "refunds": "Refund", "prices": "Price", "products": "Product",
                    "events": "Event"}
_TWILIO_API = "twilio.rest.api.v2010.account"
_TWILIO_VERIFY = "twilio.rest.verify.v2.service"


def _openai() -> tuple[list[BlockingApi], list[Returns]]:
    entries: list[BlockingApi] = []
    returns = [*instance("openai.OpenAI"), Returns("openai.OpenAI.with_options", "openai.OpenAI")]
    for attr, cls in _OPENAI_INTERMEDIATE.items():
        returns.append(Returns(f"openai.OpenAI.{attr}", f"openai.resources.{cls}"))
    # The raw HTTP helpers on the client itself.
    entries += each("openai.OpenAI", ("get", "post", "put", "patch", "delete", "request"), "vendor", why=_HTTPS)
    for path, (cls, methods) in _OPENAI_RESOURCES.items():
        owner = f"openai.resources.{cls}"
        module, _, name = cls.rpartition(".")
        twin = f"openai.resources.{module + '.' if module else ''}Async{name}"
        entries += [BlockingApi(f"{owner}.{m}", "vendor", async_twin=None if "stream" in m else f"{twin}.{m}",
                                why=_HTTPS) for m in methods]
        # The module-level default client: ``openai.chat.completions.create(...)``.
        entries += [BlockingApi(f"openai.{path}.{m}", "vendor", why=_HTTPS) for m in methods]
        parent, _, attr = path.rpartition(".")
        # A resource hangs off the client, a grouping attribute (``chat``) or another resource.
        holder = (f"openai.resources.{_OPENAI_INTERMEDIATE.get(parent) or _OPENAI_RESOURCES[parent][0]}" if parent
                  else "openai.OpenAI")
        returns.append(Returns(f"{holder}.{attr}", owner))
    for resource, methods in _LEGACY_OPENAI.items():
        entries += each(f"openai.{resource}", methods, "vendor", why=_HTTPS)
    return entries, returns


#: openai < 1.0 (still pinned by many applications): class methods on module-level resource
#: classes, ``openai.ChatCompletion.create(...)``, each one HTTPS request. Their ``a``-prefixed
#: twins are not offered as a swap: with ``stream=True`` they give an async generator, so every
#: loop over the result would change too; the call moves to the threadpool instead.
_LEGACY_OPENAI = {
    "ChatCompletion": ("create",), "Completion": ("create",), "Embedding": ("create",), "Edit": ("create",),
    "Moderation": ("create",), "Image": ("create", "create_edit", "create_variation"),
    "Audio": ("transcribe", "translate", "transcribe_raw", "translate_raw"),
    "Model": ("list", "retrieve", "delete"), "File": ("create", "list", "retrieve", "delete", "download"),
    "FineTune": ("create", "list", "retrieve", "cancel", "delete", "list_events"),
    "FineTuningJob": ("create", "list", "retrieve", "cancel", "list_events"),
}


def _anthropic() -> tuple[list[BlockingApi], list[Returns]]:
    entries: list[BlockingApi] = []
    returns = [*instance("anthropic.Anthropic"), Returns("anthropic.Anthropic.with_options", "anthropic.Anthropic"),
               Returns("anthropic.Anthropic.beta", "anthropic.resources.beta.Beta")]
    for attr, (cls, methods) in _ANTHROPIC_RESOURCES.items():
        for holder, package in (("anthropic.Anthropic", "anthropic.resources"),
                                ("anthropic.resources.beta.Beta", "anthropic.resources.beta")):
            owner = f"{package}.{cls}"
            returns.append(Returns(f"{holder}.{attr}", owner))
            entries += [BlockingApi(f"{owner}.{m}", "vendor",
                                    async_twin=None if m == "stream" else f"{package}.Async{cls}.{m}", why=_HTTPS)
                        for m in methods]
    for package in ("anthropic.resources", "anthropic.resources.beta"):
        # Message batches: ``client.messages.batches.create(...)`` (and under ``beta``).
        returns.append(Returns(f"{package}.Messages.batches", f"{package}.messages.Batches"))
        entries += each(f"{package}.messages.Batches", ("create", "retrieve", "list", "cancel", "delete", "results"),
                        "vendor", twin=f"{package}.messages.AsyncBatches", why=_HTTPS)
    returns.append(Returns("anthropic.resources.beta.Beta.files", "anthropic.resources.beta.Files"))
    entries += each("anthropic.resources.beta.Files", ("upload", "download", "list", "delete", "retrieve_metadata"),
                    "vendor", twin="anthropic.resources.beta.AsyncFiles", why=_HTTPS)
    return entries, returns


def _stripe() -> tuple[list[BlockingApi], list[Returns]]:
    entries: list[BlockingApi] = []
    returns: list[Returns] = [*instance("stripe.StripeClient")]
    for resource in _STRIPE_RESOURCES:
        owner = f"stripe.{resource}"
        # ``refresh`` re-fetches the object and ``save`` posts its changes.
        methods = (*_STRIPE_METHODS, "refresh", "save", *_STRIPE_ACTIONS.get(resource, ()))
        entries += each(owner, dict.fromkeys(methods), "vendor", why=_HTTPS)
        entries += each(owner, ("auto_paging_iter", "search_auto_paging_iter"), "vendor", lazy=True,
                        why="fetches page after page, one HTTPS request each, as it is iterated")
        returns += [Returns(f"{owner}.list", "stripe.ListObject"), Returns(f"{owner}.search", "stripe.SearchResultObject"),
                    # The fetched object, whose own methods (``refresh``, ``save``, actions) are requests too.
                    *(Returns(f"{owner}.{name}", owner) for name in ("create", "retrieve", "modify"))]
    for attr, resource in _STRIPE_SERVICES.items():
        service = f"stripe.{resource}Service"
        returns += [Returns(f"stripe.StripeClient.{attr}", service), Returns(f"{service}.list", "stripe.ListObject")]
        entries += each(service, ("create", "retrieve", "update", "list", "delete", "search",
                                  *_STRIPE_ACTIONS.get(resource, ())), "vendor", why=_HTTPS)
        returns.append(Returns(f"{service}.*", _STRIPE_SERVICE))
    # Every other service (``client.tax_rates``, ``client.v1.coupons``, ``client.checkout.sessions``)
    # is a ``StripeService`` whose public methods are API requests and whose attributes are services.
    returns += [Returns("stripe.StripeClient.*", _STRIPE_SERVICE), Returns(f"{_STRIPE_SERVICE}.*", _STRIPE_SERVICE),
                Returns(f"{_STRIPE_SERVICE}.list", "stripe.ListObject"),
                Returns(f"{_STRIPE_SERVICE}.search", "stripe.SearchResultObject")]
    entries += [BlockingApi(f"{_STRIPE_SERVICE}.{name}", "vendor", why=_HTTPS) for name in ("*", "list", "search")]
    # ``auto_paging_iter()`` only makes a generator: the requests run as it is iterated, so the
    # loop over it is what blocks (and what wrap-in-threadpool moves), not the call.
    returns += [Returns("stripe.ListObject.auto_paging_iter", "stripe._AutoPaging"),
                Returns("stripe.SearchResultObject.auto_paging_iter", "stripe._AutoPaging")]
    entries += [
        *each("stripe.ListObject", ("next_page", "previous_page"), "vendor", why=_HTTPS),
        *each("stripe.SearchResultObject", ("next_search_result_page",), "vendor", why=_HTTPS),
        BlockingApi("stripe._AutoPaging.__iter__", "vendor",
                    why="fetches the following pages as it is iterated, one HTTPS request each"),
    ]
    return entries, returns


def _twilio() -> tuple[list[BlockingApi], list[Returns]]:
    lists = {
        f"{_TWILIO_API}.message.MessageList": ("create", "list", "stream", "page"),
        f"{_TWILIO_API}.call.CallList": ("create", "list", "stream", "page"),
        f"{_TWILIO_VERIFY}.ServiceList": ("create", "list", "stream", "page"),
        f"{_TWILIO_VERIFY}.verification.VerificationList": ("create",),
        f"{_TWILIO_VERIFY}.verification_check.VerificationCheckList": ("create",),
    }
    contexts = {f"{_TWILIO_API}.message.MessageContext": ("fetch", "update", "delete"),
                f"{_TWILIO_API}.call.CallContext": ("fetch", "update", "delete"),
                f"{_TWILIO_VERIFY}.ServiceContext": ("fetch", "update", "delete"),
                f"{_TWILIO_VERIFY}.verification.VerificationContext": ("fetch", "update")}
    # Each call has a ``..._with_http_info`` variant (the same request, with status and headers).
    entries = [api for owner, methods in {**lists, **contexts}.items()
               for api in each(owner, (*methods, *(f"{m}_with_http_info" for m in methods)), "vendor",
                               why="an HTTPS request to the Twilio API")]
    returns = [
        *instance("twilio.rest.Client"),
        Returns("twilio.rest.Client.messages", f"{_TWILIO_API}.message.MessageList"),
        Returns(f"{_TWILIO_API}.message.MessageList.__call__", f"{_TWILIO_API}.message.MessageContext"),
        Returns(f"{_TWILIO_API}.message.MessageList.get", f"{_TWILIO_API}.message.MessageContext"),
        Returns(f"{_TWILIO_API}.call.CallList.get", f"{_TWILIO_API}.call.CallContext"),
        Returns("twilio.rest.Client.calls", f"{_TWILIO_API}.call.CallList"),
        Returns(f"{_TWILIO_API}.call.CallList.__call__", f"{_TWILIO_API}.call.CallContext"),
        Returns("twilio.rest.Client.verify", "twilio.rest.verify.Verify"),
        Returns("twilio.rest.verify.Verify.v2", "twilio.rest.verify.v2.V2"),
        Returns("twilio.rest.verify.Verify.services", f"{_TWILIO_VERIFY}.ServiceList"),
        Returns("twilio.rest.verify.v2.V2.services", f"{_TWILIO_VERIFY}.ServiceList"),
        Returns(f"{_TWILIO_VERIFY}.ServiceList.__call__", f"{_TWILIO_VERIFY}.ServiceContext"),
        Returns(f"{_TWILIO_VERIFY}.ServiceContext.verifications", f"{_TWILIO_VERIFY}.verification.VerificationList"),
        Returns(f"{_TWILIO_VERIFY}.verification.VerificationList.__call__",
                f"{_TWILIO_VERIFY}.verification.VerificationContext"),
        Returns(f"{_TWILIO_VERIFY}.ServiceContext.verification_checks",
                f"{_TWILIO_VERIFY}.verification_check.VerificationCheckList"),
    ]
    return entries, returns


#: composio's SDK client: each resource the client holds wraps its HTTP client (httpx, sync).
_COMPOSIO_RESOURCES = {
    "tools": ("tools.Tools", ("execute", "proxy", "get", "get_raw_composio_tools", "get_raw_composio_tool_by_slug")),
    "toolkits": ("toolkits.Toolkits", ("list", "get", "get_many", "changelog", "list_categories")),
    "triggers": ("triggers.Triggers", ("create", "list", "list_active", "list_enum", "get_type", "enable", "disable",
                                       "delete", "update")),
    "auth_configs": ("auth_configs.AuthConfigs", ("list", "create", "get", "update", "delete", "enable", "disable")),
    "connected_accounts": ("connected_accounts.ConnectedAccounts", (
        "get", "list", "delete", "update_status", "enable", "disable", "refresh", "revoke", "complete_auth", "update",
        "initiate", "link", "wait_for_connection")),
}


def _composio() -> tuple[list[BlockingApi], list[Returns]]:
    entries: list[BlockingApi] = []
    returns = [*instance("composio.Composio")]
    for attr, (cls, methods) in _COMPOSIO_RESOURCES.items():
        owner = f"composio.core.models.{cls}"
        returns.append(Returns(f"composio.Composio.{attr}", owner))
        entries += each(owner, methods, "vendor", why=_HTTPS)
    # ``initiate`` hands back a request whose ``wait_for_connection`` polls the API, sleeping between.
    returns.append(Returns("composio.core.models.connected_accounts.ConnectedAccounts.initiate",
                           "composio.core.models.connected_accounts.ConnectionRequest"))
    entries += each("composio.core.models.connected_accounts.ConnectionRequest", ("wait_for_connection",), "vendor",
                    why="polls the API with time.sleep between requests")
    return entries, returns


_OTHERS = [
    BlockingApi("slack_sdk.WebClient.*", "vendor", async_twin="slack_sdk.web.async_client.AsyncWebClient.*",
                why="every Web API method is an HTTPS request (urllib inside)"),
    *each("slack_sdk.webhook.WebhookClient", ("send", "send_dict"), "vendor",
          twin="slack_sdk.webhook.async_client.AsyncWebhookClient", why=_HTTPS),
    *each("google.oauth2.id_token", ("verify_oauth2_token", "verify_token", "verify_firebase_token",
                                     "fetch_id_token"), "vendor",
          why="downloads Google's public certificates with requests"),
    *[BlockingApi(f"litellm.{name}", "vendor", async_twin=f"litellm.a{name}", why="an HTTPS request to the model API")
      for name in ("completion", "embedding", "text_completion", "image_generation", "transcription", "speech")],
    # Xinference's REST client (requests inside): the constructor already asks the server for its cluster info.
    BlockingApi("xinference_client.RESTfulClient", "vendor", why="asks the Xinference server for its version"),
    BlockingApi("xinference_client.RESTfulClient.*", "vendor", why="a request to the Xinference server"),
    # PostHog queues events for a thread of its own (``capture``, ``identify``: not listed, not
    # blocking); asking for feature flags is a request unless they are evaluated locally, and
    # ``flush``/``shutdown`` wait for the queue to be sent.
    *[api for owner in ("posthog", "posthog.Posthog") for api in [
        *each(owner, ("get_feature_flag", "feature_enabled", "get_all_flags", "get_all_flags_and_payloads",
                      "get_feature_flag_payload"), "vendor", why="asks PostHog's API for the flags (requests)"),
        *each(owner, ("flush", "shutdown"), "wait", why="waits until the queued events are sent")]],
    # TrueFoundry's ML client (``truefoundry.ml.get_client()``, formerly ``mlfoundry``): every
    # method is a request to the tenant's API, and so is looking a data directory up by name.
    BlockingApi(f"{_TRUEFOUNDRY}.MlFoundry.*", "vendor", why="a request to TrueFoundry's API (requests)"),
    BlockingApi(f"{_TRUEFOUNDRY}.DataDirectory.from_fqn", "vendor", why="looks the data directory up over HTTPS"),
]

_PARTS = [_openai(), _anthropic(), _stripe(), _twilio(), _composio()]

ENTRIES: list[BlockingApi] = [*[api for entries, _ in _PARTS for api in entries], *_OTHERS]

RETURNS: list[Returns] = [*[item for _, returns in _PARTS for item in returns],
                          *instance("xinference_client.RESTfulClient"), *instance("posthog.Posthog"),
                          Returns(f"{_TRUEFOUNDRY}.get_client", f"{_TRUEFOUNDRY}.MlFoundry")]

ALIASES: list[Alias] = [
    Alias("mlfoundry", _TRUEFOUNDRY),
    Alias("xinference.client.RESTfulClient", "xinference_client.RESTfulClient"),
    Alias("posthog.client.Client", "posthog.Posthog"),
    Alias("xinference_client.client.restful.restful_client.Client", "xinference_client.RESTfulClient"),
    Alias("composio.sdk.Composio", "composio.Composio"),
    Alias("openai.Client", "openai.OpenAI"),
    Alias("openai._client.OpenAI", "openai.OpenAI"),
    Alias("openai.AzureOpenAI", "openai.OpenAI"),
    Alias("openai.lib.azure.AzureOpenAI", "openai.OpenAI"),
    Alias("anthropic.Client", "anthropic.Anthropic"),
    Alias("anthropic._client.Anthropic", "anthropic.Anthropic"),
    Alias("anthropic.AnthropicBedrock", "anthropic.Anthropic"),
    Alias("anthropic.AnthropicVertex", "anthropic.Anthropic"),
    Alias("stripe._stripe_client.StripeClient", "stripe.StripeClient"),
    Alias("stripe._stripe_service.StripeService", _STRIPE_SERVICE),
    Alias("twilio.rest.client.Client", "twilio.rest.Client"),
    Alias("slack_sdk.web.WebClient", "slack_sdk.WebClient"),
    Alias("slack_sdk.web.client.WebClient", "slack_sdk.WebClient"),
    Alias("slack.WebClient", "slack_sdk.WebClient"),
    Alias("slack_sdk.webhook.client.WebhookClient", "slack_sdk.webhook.WebhookClient"),
]
