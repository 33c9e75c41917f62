import asyncio
import time

import requests


async def main():
    time.sleep(1)
    print(requests.get("https://example.org").status_code)


if __name__ == "__main__":
    asyncio.run(main())
