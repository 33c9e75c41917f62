import time


async def nightly_cleanup():  # expect-fix: swap-to-async
    time.sleep(5)  # expect: UNB100
    return "cleaned"
