import enum

from shop.storage.client import make_client
from shop.storage.service import Bucket


class Kind(str, enum.Enum):
    image = "image"
    video = "video"


_client = make_client()

BUCKETS: dict[Kind, Bucket] = {
    Kind.image: Bucket("images", _client),
    Kind.video: Bucket("videos", _client),
}
