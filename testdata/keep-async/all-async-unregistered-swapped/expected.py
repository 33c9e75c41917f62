import asyncio


async def nightly_cleanup():  # expect-fix: swap-to-async
    await asyncio.sleep(5)  # expect: UNB100
    return "cleaned"
