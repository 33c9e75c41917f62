"""Sending mail synchronously (category ``email``).

``smtplib.SMTP(host)`` connects and reads the greeting inside the
constructor, and even ``SMTP()`` without a host looks up the local FQDN (a
DNS query), so the constructors are entries; so is every SMTP command.
aiosmtplib negotiates TLS differently and connects outside the constructor,
so it is not a faithful twin. Reading mail is the same: ``imaplib.IMAP4(host)``
and ``poplib.POP3(host)`` connect in the constructor, and every command waits for
the server's reply. HTTP mail APIs (SendGrid, Resend, Postmark,
Mailchimp Transactional) send with a blocking HTTP client; they are listed
here because what they do is send mail.
"""

from __future__ import annotations

from ._helpers import each, instance
from .model import Alias, BlockingApi, Returns

_SMTP_CLASSES = ("smtplib.SMTP", "smtplib.SMTP_SSL", "smtplib.LMTP")
_SMTP_COMMANDS = ("connect", "ehlo", "helo", "ehlo_or_helo_if_needed", "starttls", "login", "auth", "sendmail",
                  "send_message", "rset", "noop", "verify", "docmd", "quit", "mail", "rcpt", "data", "expn", "help",
                  "putcmd", "getreply", "send")
_MAILBOX_CLASSES = ("imaplib.IMAP4", "imaplib.IMAP4_SSL", "poplib.POP3", "poplib.POP3_SSL")
_MAIL_API = "sends the mail with a blocking HTTPS request"
_POSTMARK = "postmarker.models.emails.EmailManager"
_MAILCHIMP = "mailchimp_transactional.api.messages_api.MessagesApi"

_SMTP = [
    *[BlockingApi(cls, "email", why="connects, reads the greeting and looks up the local host name")
      for cls in _SMTP_CLASSES],
    *[api for cls in _SMTP_CLASSES for api in each(cls, _SMTP_COMMANDS, "email", why="an SMTP round trip")],
]

_HTTP_APIS = [
    BlockingApi("sendgrid.SendGridAPIClient.send", "email", why=_MAIL_API),
    *each("resend.Emails", ("send", "get"), "email", why=_MAIL_API),
    BlockingApi("resend.Batch.send", "email", why=_MAIL_API),
    *each(_POSTMARK, ("send", "send_batch", "send_with_template"), "email", why=_MAIL_API),
    *each(_MAILCHIMP, ("send", "send_template"), "email", why=_MAIL_API),
]

_MAILBOXES = [
    *[BlockingApi(cls, "email", why="connects to the mail server and reads its greeting") for cls in _MAILBOX_CLASSES],
    *[BlockingApi(f"{cls}.*", "email", why="a command to the mail server, waiting for its reply")
      for cls in _MAILBOX_CLASSES],
]

ENTRIES: list[BlockingApi] = [*_SMTP, *_MAILBOXES, *_HTTP_APIS]

RETURNS: list[Returns] = [
    *instance("postmarker.core.PostmarkClient", "mailchimp_transactional.Client"),
    Returns("postmarker.core.PostmarkClient.emails", _POSTMARK),
    Returns("mailchimp_transactional.Client.messages", _MAILCHIMP),
]

ALIASES: list[Alias] = [
    Alias("sendgrid.sendgrid.SendGridAPIClient", "sendgrid.SendGridAPIClient"),
]
