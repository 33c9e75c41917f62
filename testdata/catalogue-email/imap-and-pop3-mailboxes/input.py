import imaplib
import poplib

from fastapi import FastAPI

app = FastAPI()


@app.get("/inbox/unread")
async def unread():  # expect-fix: convert-to-def
    mailbox = imaplib.IMAP4_SSL("imap.example.com")  # expect: UNB170
    mailbox.login("support@example.com", "secret")  # expect: UNB170
    mailbox.select("INBOX")  # expect: UNB170
    _, found = mailbox.search(None, "UNSEEN")  # expect: UNB170
    mailbox.logout()  # expect: UNB170
    return {"unread": len(found[0].split())}


@app.get("/legacy-inbox/count")
async def legacy_count():  # expect-fix: convert-to-def
    server = poplib.POP3_SSL("pop.example.com")  # expect: UNB170
    server.user("support@example.com")  # expect: UNB170
    server.pass_("secret")  # expect: UNB170
    count, _ = server.stat()  # expect: UNB170
    server.quit()  # expect: UNB170
    return {"messages": count}
