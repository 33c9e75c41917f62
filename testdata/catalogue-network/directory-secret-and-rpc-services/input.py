import grpc
import hvac
import ldap
from consul import Consul
from etcd3 import client as etcd_client
from fastapi import FastAPI
from ldap3 import Connection, Server

from app.protos import inventory_pb2

app = FastAPI()
vault = hvac.Client(url="https://vault.internal:8200", token="s.token")
consul = Consul(host="consul.internal")
etcd = etcd_client(host="etcd.internal")
LDAP_SERVER = Server("ldap://directory.internal")


class InventoryStub:
    """What grpc_tools generates: each method a callable made from the channel."""

    def __init__(self, channel: grpc.Channel) -> None:
        self.GetItem = channel.unary_unary("/inventory.Inventory/GetItem")
        self.ListItems = channel.unary_stream("/inventory.Inventory/ListItems")


inventory = InventoryStub(grpc.insecure_channel("inventory.internal:50051"))


@app.post("/login")
async def login(user: str, password: str):  # expect-fix: convert-to-def
    connection = Connection(LDAP_SERVER, user=f"uid={user},ou=people", password=password)
    if not connection.bind():  # expect: UNB180
        return {"ok": False}
    connection.search("ou=people", f"(uid={user})", attributes=["mail"])  # expect: UNB180
    return {"ok": True, "mail": str(connection.entries[0].mail)}


@app.get("/directory/{uid}")
async def directory_entry(uid: str):  # expect-fix: convert-to-def
    with Connection(LDAP_SERVER) as connection:  # expect: UNB180
        connection.search("ou=people", f"(uid={uid})")  # expect: UNB180
        return {"dn": connection.entries[0].entry_dn}


@app.get("/legacy-directory/{uid}")
async def legacy_directory(uid: str):  # expect-fix: convert-to-def
    directory = ldap.initialize("ldap://directory.internal")
    directory.simple_bind_s("cn=reader", "secret")  # expect: UNB180
    return directory.search_s("ou=people", ldap.SCOPE_SUBTREE, f"(uid={uid})")  # expect: UNB180


@app.get("/secrets/{name}")
async def read_secret(name: str):  # expect-fix: convert-to-def
    if not vault.is_authenticated():  # expect: UNB180
        return {}
    secret = vault.secrets.kv.v2.read_secret_version(path=name)  # expect: UNB180
    return secret["data"]["data"]


@app.get("/config/{key}")
async def config_value(key: str):  # expect-fix: convert-to-def
    _, item = consul.kv.get(key)  # expect: UNB180
    value, _ = etcd.get(f"/config/{key}")  # expect: UNB180
    return {"consul": item, "etcd": value}


@app.get("/items/{item_id}")
async def get_item(item_id: int):  # expect-fix: convert-to-def
    return inventory.GetItem(inventory_pb2.GetItemRequest(id=item_id))  # expect: UNB180


@app.get("/items")
async def list_items():  # expect-fix: convert-to-def
    return [item.name for item in inventory.ListItems(inventory_pb2.ListRequest())]  # expect: UNB180


@app.get("/items/{item_id}/async")
async def get_item_later(item_id: int):
    # ``future`` only starts the call; nothing waits here.
    inventory.GetItem.future(inventory_pb2.GetItemRequest(id=item_id))
    return {"queued": item_id}
