import asyncio


async def warm_cache(keys):  # expect-fix: swap-to-async
    for key in keys:
        await asyncio.sleep(0.01)  # expect: UNB100
    return len(keys)
