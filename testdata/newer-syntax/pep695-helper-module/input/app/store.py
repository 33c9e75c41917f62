"""A helper module in Python 3.12 syntax, parsed lazily by the project index."""

import time

type Key = str


class Store[V]:
    def __init__(self) -> None:
        self.values: dict[Key, V] = {}

    def get[D](self, key: Key, default: D = None) -> V | D:
        time.sleep(0.01)  # a slow backend
        print(f"{"get"} {key!r}")
        return self.values.get(key, default)
