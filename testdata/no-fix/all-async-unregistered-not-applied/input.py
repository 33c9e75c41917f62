import time


async def nightly_cleanup():  # expect-fix: convert-to-def
    time.sleep(5)  # expect: UNB100
    return "cleaned"
