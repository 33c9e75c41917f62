"""Directory, secret, configuration and RPC services (category ``network``; identity
providers' token endpoints are ``http``).

- LDAP: ldap3's ``Connection`` talks to the server in ``bind``, ``search``, ``add``,
  ``modify``... and in ``with Connection(...)``, which binds (its default ``auto_bind``
  binds there, not in the constructor). python-ldap's ``*_s`` methods are the
  synchronous operations; ``result`` waits for an asynchronous one.
- HashiCorp Vault (hvac): the client's own methods, and those of the engines reached
  through it (``client.secrets.kv.v2.read_secret_version(...)``), are HTTPS requests.
- Consul (python-consul) and etcd (etcd3): every endpoint method is a request.
- gRPC: a sync channel's ``unary_unary(...)`` gives the callable a generated stub keeps;
  calling it waits for the reply (a streaming reply waits as it is iterated).
  ``grpc.aio`` channels are async and not listed.
- Identity providers: msal's applications ask the authority for its configuration when
  built and for a token in every ``acquire_token_*``. (authlib is left out on purpose: a
  catalogue entry makes the catalogue the authority on the whole package, and an
  authorisation server built on authlib's classes is found by following its installed
  source into the project's own callbacks.)
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_LDAP = "a round trip to the LDAP server"
_LDAP3 = "ldap3.Connection"
_LDAP3_OPERATIONS = ("bind", "rebind", "unbind", "search", "add", "delete", "modify", "modify_dn", "compare",
                     "abandon", "extended", "start_tls", "open", "__enter__")
_PYLDAP = "ldap.ldapobject.SimpleLDAPObject"
_PYLDAP_OPERATIONS = ("simple_bind_s", "bind_s", "sasl_interactive_bind_s", "sasl_non_interactive_bind_s",
                      "search_s", "search_st", "search_ext_s", "add_s", "add_ext_s", "modify_s", "modify_ext_s",
                      "delete_s", "delete_ext_s", "rename_s", "compare_s", "compare_ext_s", "passwd_s", "whoami_s",
                      "start_tls_s", "unbind_s", "unbind_ext_s", "result", "result2", "result3", "result4")
_VAULT = "an HTTPS request to Vault"
#: What hvac's client reaches engines through (``client.secrets.kv.v2``): one type for all of them.
_VAULT_ENGINE = "hvac.api.VaultApiBase"
_CONSUL = "consul.base.Consul"
_CONSUL_ENDPOINT = "consul.base.Consul.Endpoint"
_ETCD = "etcd3.client.Etcd3Client"
_ETCD_OPERATIONS = ("get", "get_prefix", "get_range", "get_all", "put", "put_if_not_exists", "replace", "delete",
                    "delete_prefix", "status", "transaction", "lease", "revoke_lease", "refresh_lease",
                    "get_lease_info", "add_member", "remove_member", "update_member", "compact", "defragment",
                    "hash", "create_alarm", "list_alarms", "disarm_alarm", "snapshot", "watch_once",
                    "watch_prefix_once")
_GRPC_CALLABLES = {"unary_unary": "UnaryUnary", "unary_stream": "UnaryStream", "stream_unary": "StreamUnary",
                   "stream_stream": "StreamStream"}
_RPC = "sends the request over the channel and waits for the reply"
_MSAL = ("msal.ConfidentialClientApplication", "msal.PublicClientApplication")
_MSAL_TOKENS = ("acquire_token_for_client", "acquire_token_by_authorization_code", "acquire_token_by_auth_code_flow",
                "acquire_token_silent", "acquire_token_silent_with_error", "acquire_token_by_refresh_token",
                "acquire_token_by_username_password", "acquire_token_on_behalf_of", "acquire_token_interactive",
                "acquire_token_by_device_flow", "initiate_device_flow")

ENTRIES: list[BlockingApi] = [
    *each(_LDAP3, _LDAP3_OPERATIONS, "network", why=_LDAP),
    *each(_PYLDAP, _PYLDAP_OPERATIONS, "network", why=_LDAP),
    BlockingApi("hvac.Client.*", "network", why=_VAULT),
    BlockingApi(f"{_VAULT_ENGINE}.*", "network", why=_VAULT),
    BlockingApi(f"{_CONSUL_ENDPOINT}.*", "network", why="an HTTP request to the Consul agent"),
    *each(_ETCD, _ETCD_OPERATIONS, "network", why="a gRPC round trip to the etcd cluster"),
    *[BlockingApi(f"grpc.{kind}MultiCallable.{method}", "network", why=_RPC)
      for kind in ("UnaryUnary", "StreamUnary") for method in ("__call__", "with_call")],
    *[BlockingApi(f"grpc.{kind}MultiCallable.__call__", "network", lazy=True,
                  why="receives the streamed replies as they are iterated") for kind in ("UnaryStream", "StreamStream")],
    BlockingApi("grpc.Future.result", "wait", why="waits for the call (or the channel) to be ready"),
    *[BlockingApi(cls, "http", why="asks the authority for its OpenID configuration") for cls in _MSAL],
    *[api for cls in _MSAL for api in each(cls, _MSAL_TOKENS, "http", why="asks the authority for a token")],
]

RETURNS: list[Returns] = [
    *instance(_LDAP3, "hvac.Client", _CONSUL),
    Returns("ldap.initialize", _PYLDAP),
    Returns("hvac.Client.*", _VAULT_ENGINE),
    Returns(f"{_VAULT_ENGINE}.*", _VAULT_ENGINE),
    Returns(f"{_CONSUL}.*", _CONSUL_ENDPOINT),
    Returns(f"{_CONSUL_ENDPOINT}.*", _CONSUL_ENDPOINT),
    Returns("etcd3.client", _ETCD),
    *[Returns(f"grpc.{name}", "grpc.Channel") for name in ("insecure_channel", "secure_channel")],
    *[Returns(f"grpc.Channel.{method}", f"grpc.{kind}MultiCallable") for method, kind in _GRPC_CALLABLES.items()
      if not kind.endswith("Stream")],
    # ``channel.unary_stream(path)`` gives a callable whose call is lazy (its type has a ``__call__``
    # return): the method's result is spelled as a factory called once, so that the analysis does
    # not read ``channel.unary_stream(path)`` as an attribute called (``v2.services("VA")``).
    *[item for method, kind in _GRPC_CALLABLES.items() if kind.endswith("Stream")
      for item in (Returns(f"grpc.Channel.{method}", f"grpc.Channel.{method}()"),
                   Returns(f"grpc.Channel.{method}().__call__", f"grpc.{kind}MultiCallable"))],
    *returning("grpc.UnaryUnaryMultiCallable", ("future",), "grpc.Future"),
    Returns("grpc.channel_ready_future", "grpc.Future"),
]

ALIASES: list[Alias] = [
    Alias("ldap3.core.connection.Connection", _LDAP3),
    Alias("ldap.ldapobject.LDAPObject", _PYLDAP),
    Alias("ldap.ldapobject.ReconnectLDAPObject", _PYLDAP),
    Alias("hvac.v1.Client", "hvac.Client"),
    Alias("consul.Consul", _CONSUL),
    Alias("consul.std.Consul", _CONSUL),
    Alias("etcd3.Etcd3Client", _ETCD),
    *[Alias(f"msal.application.{cls.rsplit('.', 1)[1]}", cls) for cls in _MSAL],
]
