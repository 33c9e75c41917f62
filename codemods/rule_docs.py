"""What each rule means, why it matters, and what the tool does about it: as data.

``fastapi-unblock rule UNB110`` prints it, and the SARIF report hands it to code
scanning as each rule's help. The docs are keyed by code and add to the registry
(:data:`codemods.rules.RULES`) rather than repeat it: a rule's name, category,
default and one-line summary are read from there, so README's rules table and
these pages cannot drift apart.

Each rule has an example (:mod:`codemods.rule_examples`): a small FastAPI
module the rule reports (``before``) and what ``fastapi-unblock --apply`` makes
of it (``after``), or, for a rule with no automatic fix, the change to make by
hand. ``tests/test_rule_docs.py`` runs the tool on every example, so a page
cannot promise a fix the tool does not make.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from .models import Strategy
from .rule_examples import EXAMPLES, Example
from .rules import RULES, Rule, UnknownRule, rule_for

__all__ = ["DOCS", "RuleDoc", "UnknownRule", "help_text", "render_all_text", "render_markdown", "render_text"]

_WIDTH = 88

#: Why any of these rules matters: said once, before each rule's own reason.
EVENT_LOOP = (
    "FastAPI runs an `async def` route, dependency or websocket handler on the event loop, the one thread "
    "that serves every request of the worker process; a plain `def` one it runs in its threadpool. While a "
    "blocking call runs inside an `async def`, no other request of that worker makes progress, health "
    "checks included."
)


@dataclass(frozen=True)
class RuleDoc:
    """One rule's page, on top of its :class:`~codemods.rules.Rule` entry."""

    #: What the rule reports, in more detail than the registry's summary.
    reports: str
    #: Why it matters for this kind of call (after :data:`EVENT_LOOP`).
    why: str
    #: A module the rule reports, and what the fix makes of it.
    example: Example
    #: About the fix the example shows.
    note: str = ""
    #: How serious a finding is: ``warning``, or ``error`` for code that fails every time it runs.
    level: str = "warning"

    @property
    def before(self) -> str:
        return self.example.before

    @property
    def after(self) -> str:
        """What the tool writes for :attr:`before` or, when :attr:`fix` is ``NONE``, the fix to make by hand."""
        return self.example.after

    @property
    def fix(self) -> Strategy:
        return self.example.fix

    @property
    def call(self) -> str:
        return self.example.call

    def call_line(self) -> str:
        return self.example.call_line()

    def def_line(self) -> str:
        return self.example.def_line()


DOCS: dict[str, RuleDoc] = {
    "UNB100": RuleDoc(
        reports="Calls that put the calling thread to sleep: `time.sleep`, and library calls that wait a "
                "fixed time before they answer, such as `psutil.cpu_percent(interval=...)`.",
        why="A one-second sleep in a handler holds every request of the worker for that second; under load "
            "the requests queue behind each other and the waits add up.",
        example=EXAMPLES["UNB100"],
        note="FastAPI always awaits a websocket handler, so it cannot become `def`; the sleep becomes "
             "`await asyncio.sleep(...)`, during which the loop serves other requests.",
    ),
    "UNB110": RuleDoc(
        reports="Calls of synchronous HTTP clients: `requests`, `urllib.request`, `urllib3`, `http.client`, "
                "httpx's sync API (`httpx.get`, `httpx.Client`), PyJWT's key fetching, and the SOAP and "
                "XML-RPC clients built on them.",
        why="An outgoing request waits on the network: milliseconds when all is well, until the timeout "
            "when the other side is slow, and forever with `requests`, which has no default timeout.",
        example=EXAMPLES["UNB110"],
        note="The route awaits the request body, so it stays async and the call runs in FastAPI's "
             "threadpool. With `--prefer async` a `requests` call becomes an awaited `httpx.AsyncClient` "
             "call instead, where that keeps requests' behaviour.",
    ),
    "UNB120": RuleDoc(
        reports="Opening, reading and writing files: `open` and file objects, `pathlib.Path.read_text` and "
                "its siblings, `json.load`/`pickle.dump` on a file, `shutil` copies and removals, walks down a "
                "directory tree (`os.walk`, `Path.rglob`, a glob with `**`), "
                "`tempfile`, archives (`zipfile`, `tarfile`, `gzip`).",
        why="A local disk is usually quick, but network file systems, cold caches and large files are not, "
            "and the loop waits for every byte.",
        example=EXAMPLES["UNB120"],
        note="The route awaits the request body, so it stays async. The whole `with` block moves into a "
             "function run in the threadpool, so the file is opened, written and closed on one thread.",
    ),
    "UNB130": RuleDoc(
        reports="Starting processes and waiting for them: `subprocess.run`, `check_output`, "
                "`Popen.wait`/`communicate`, `os.system`, `os.popen`, `multiprocessing` joins.",
        why="The handler waits for the whole life of the child process, often hundreds of milliseconds "
            "and unbounded when the command hangs.",
        example=EXAMPLES["UNB130"],
        note="Nothing in the body needs the event loop, so the route becomes `def` and FastAPI runs it in "
             "its threadpool: FastAPI's own advice, and the smallest change.",
    ),
    "UNB140": RuleDoc(
        reports="Sync database drivers and ORMs: sqlite3, psycopg and psycopg2, PyMySQL, Oracle drivers, "
                "SQLAlchemy and SQLModel sessions and engines, Django's ORM, peewee, pymongo and mongoengine, "
                "Elasticsearch, Neo4j, Cassandra, and vector stores (Chroma, Pinecone, Qdrant). Their "
                "async APIs (`AsyncSession`, motor, `AsyncElasticsearch`) are not reported.",
        why="Every query is a round trip to the database (or disk I/O, for sqlite); one slow query or an "
            "exhausted connection pool then stalls every request of the worker, not just this one.",
        example=EXAMPLES["UNB140"],
        note="The route awaits nothing, so it becomes `def`; the session from the dependency works the same "
             "in the threadpool.",
    ),
    "UNB150": RuleDoc(
        reports="Sync cache clients: redis-py (`redis.Redis`, pipelines, locks, pub/sub), pymemcache and "
                "diskcache. `redis.asyncio` clients are not reported.",
        why="A cache lookup is meant to be quick, but it is still a network round trip; when the cache is "
            "slow or unreachable, the loop waits out the socket timeout.",
        example=EXAMPLES["UNB150"],
        note="The route awaits nothing, so it becomes `def`.",
    ),
    "UNB160": RuleDoc(
        reports="Sync cloud and object-storage SDKs: boto3 and botocore clients, resources and waiters, "
                "Google Cloud Storage and Google API clients, Azure Blob Storage, MinIO, and the Kubernetes "
                "and Docker clients.",
        why="An upload or a download takes as long as the object is large, and SDK calls retry with "
            "backoff, for seconds, when the service throttles them.",
        example=EXAMPLES["UNB160"],
        note="The route awaits the upload, so it stays async and the SDK call runs in the threadpool.",
    ),
    "UNB170": RuleDoc(
        reports="Sending and reading mail synchronously: `smtplib.SMTP` and `SMTP_SSL`, their login and send "
                "methods, IMAP and POP3 mailboxes (`imaplib`, `poplib`), and sync e-mail API clients (SendGrid, "
                "Resend, Postmark, Mailchimp Transactional).",
        why="An SMTP conversation takes several round trips (connect, TLS, login, send), often a second "
            "or more, and mail servers are slow to answer when busy.",
        example=EXAMPLES["UNB170"],
        note="The route awaits nothing, so it becomes `def`. A send whose result the handler does not use "
             "can instead go to FastAPI's `BackgroundTasks` (`--prefer background`), after the response.",
    ),
    "UNB180": RuleDoc(
        reports="Sockets, DNS and other network I/O: `socket` calls (`gethostbyname`, `create_connection`, "
                "`recv`), `ssl`, FTP, SSH (paramiko), message brokers (pika, kafka-python, confluent-kafka, "
                "ZeroMQ, Celery's publishing), DNS resolvers, LDAP, Vault, Consul, etcd and sync gRPC calls.",
        why="A DNS lookup or a connect can take seconds when a resolver or a host is slow, and a read waits "
            "as long as the peer stays silent.",
        example=EXAMPLES["UNB180"],
        note="The route awaits nothing, so it becomes `def`.",
    ),
    "UNB190": RuleDoc(
        reports="Sync clients of vendor APIs: stripe, openai, anthropic, huggingface_hub, twilio, Slack, "
                "LiteLLM, LangChain's sync model calls and similar SDKs.",
        why="These are HTTP calls underneath, and some of them (a model completion) take seconds.",
        example=EXAMPLES["UNB190"],
        note="The route awaits the request body, so it stays async and the SDK call runs in the "
             "threadpool. Where an SDK has an async client (`openai.AsyncOpenAI`), awaiting it is the "
             "better change, by hand.",
    ),
    "UNB200": RuleDoc(
        reports="Waiting for something else to finish: `input()`, `Future.result()`, `Thread.join`, "
                "locks, semaphores and events from `threading`, `queue.Queue.get`/`put`, "
                "`multiprocessing` pools, Celery's `AsyncResult.get`, file locks.",
        why="The handler waits until another thread, process or worker hands over a result; when that "
            "other party needs the event loop itself, the wait never ends.",
        example=EXAMPLES["UNB200"],
        note="The route awaits nothing, so it becomes `def`. In code that must stay async, "
             "`await asyncio.wrap_future(future)` waits without blocking.",
    ),
    "UNB210": RuleDoc(
        reports="Cheap filesystem metadata calls: `os.path.exists` and its siblings, `os.stat`, "
                "`os.remove`, `os.rename`, `os.makedirs`, and `pathlib.Path.exists`, `stat`, `mkdir`, "
                "`unlink`, `resolve`; and listing one directory (`os.listdir`, `os.scandir`, "
                "`Path.iterdir`, a glob without `**`).",
        why="Each is one system call that returns in microseconds on a local disk, which is why the rule "
            "is off by default; on a network file system or a busy disk it can take milliseconds or more.",
        example=EXAMPLES["UNB210"],
        note="The route awaits nothing, so it becomes `def`.",
    ),
    "UNB220": RuleDoc(
        reports="CPU-heavy library calls: password hashing and key derivation (bcrypt, passlib, argon2, "
                "pwdlib, `hashlib.pbkdf2_hmac`, cryptography's KDFs), image work (Pillow, OpenCV), pandas "
                "parsing, numpy and model inference (transformers, sentence-transformers, llama.cpp, "
                "ONNX Runtime, tiktoken).",
        why="While Python computes, the loop cannot switch to another request: a 300 ms password hash "
            "holds the worker for 300 ms. A thread helps only when the library releases the GIL while it "
            "works (bcrypt, hashlib and most C extensions do); pure-Python work needs a process pool.",
        example=EXAMPLES["UNB220"],
        note="The route awaits nothing, so it becomes `def`; bcrypt releases the GIL while it hashes, so "
             "other requests go on meanwhile.",
    ),
    "UNB230": RuleDoc(
        reports="Starting an event loop inside the running one: `asyncio.run`, "
                "`loop.run_until_complete`, `anyio.run`, and `anyio.from_thread.run` called on the loop's "
                "own thread.",
        why="This is not slow, it is broken: on the running loop these calls raise `RuntimeError` "
            "(`asyncio.run() cannot be called from a running event loop`) every time. Moving the call to "
            "a thread would hide the bug and start a second event loop per request.",
        example=EXAMPLES["UNB230"],
        note="There is no automatic fix: await the coroutine instead of running it.",
        level="error",
    ),
}


def doc_for(code: str) -> tuple[Rule, RuleDoc]:
    """The registry entry and the page of ``code``; :class:`UnknownRule` for a code of no rule."""
    rule = rule_for(code)
    try:
        return rule, DOCS[rule.code]
    except KeyError:  # a rule added to the registry without its page: tests/test_rule_docs.py says so
        raise UnknownRule(code) from None


def sentence(text: str) -> str:
    """The registry's summary as a sentence: capital first letter, full stop."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def plain(text: str) -> str:
    """``text`` without Markdown's code backticks, for places that show text as it is."""
    return text.replace("`", "")


def _default(rule: Rule) -> str:
    return "on by default" if rule.default_enabled else "off by default"


def _fix_heading(doc: RuleDoc) -> str:
    if doc.fix is Strategy.NONE:
        return "After (no automatic fix; the change to make by hand)"
    return f"After (`{doc.fix.value}`, what `fastapi-unblock --apply` writes)"


def _silencing(rule: Rule, doc: RuleDoc) -> list[tuple[str, str]]:
    """(what, how) pairs: where a suppression goes, and its exact form for this rule."""
    comment = f"# unblock: ignore[{rule.code}]"
    return [
        ("On one call, a comment on the call's line (on each line that blocks, if several do):",
         f"{doc.call_line()}  {comment}"),
        ("In one function, the same comment on its `def` line:", f"{doc.def_line()}  {comment}"),
        ("For one run:", f"fastapi-unblock --ignore {rule.code}"),
        ("For a project, in its pyproject.toml:", f'[tool.fastapi-unblock]\nignore = ["{rule.code}"]'),
    ]


_SILENCING_NOTE = ("`# unblock: ignore` without codes silences every rule on its line, and ruff's "
                   "`# noqa: ASYNC...` for the same call counts too.")


def _enabling(rule: Rule) -> str:
    return (f"This rule is off by default: `--select {rule.code}` runs only it, `--select UNB` every rule "
            f"(in pyproject.toml: `select = [\"UNB\"]`).")


_CODE_SPAN = re.compile(r"`[^`]*`")


def _fill(text: str, indent: str = "    ") -> str:
    """``text`` wrapped, never inside a `code span` (``# noqa`` must not break after its ``#``)."""
    glued = _CODE_SPAN.sub(lambda span: span.group().replace(" ", "\0"), text)
    wrapped = textwrap.fill(glued, _WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False)
    return wrapped.replace("\0", " ")


def _block(code: str, indent: str = "        ") -> str:
    return textwrap.indent(code.rstrip("\n"), indent, lambda line: True).replace(indent + "\n", "\n")


def help_text(code: str) -> str:
    """The page of ``code`` as plain text, without its title line (SARIF's ``help.text``)."""
    rule, doc = doc_for(code)
    parts = ["What it reports", _fill(doc.reports), "", "Why it matters", _fill(EVENT_LOOP), "", _fill(doc.why), "",
             "Example", "    Before:", "", _block(doc.before), "", f"    {_fix_heading(doc)}:", "", _block(doc.after)]
    if doc.note:
        parts += ["", _fill(doc.note)]
    parts += ["", "How to silence it"]
    if not rule.default_enabled:
        parts.append(_fill(_enabling(rule)))
    for what, how in _silencing(rule, doc):
        parts += [_fill(what), _block(how)]
    parts.append(_fill(_SILENCING_NOTE))
    return "\n".join(_strip(line) for line in parts) + "\n"


def _strip(line: str) -> str:
    return "\n".join(part.rstrip() for part in line.split("\n"))


def render_text(code: str) -> str:
    """The page ``fastapi-unblock rule CODE`` prints: a title, the summary, then :func:`help_text`."""
    rule, _doc = doc_for(code)
    title = f"{rule.code} {rule.name} (category `{rule.category}`, {_default(rule)})"
    return f"{title}\n{_fill(sentence(rule.summary), '')}\n\n{help_text(rule.code)}"


def render_all_text() -> str:
    """Every rule's page, in the registry's order."""
    return "\n".join(render_text(rule.code) for rule in RULES)


def render_markdown(code: str) -> str:
    """The page of ``code`` in GitHub-flavoured Markdown (SARIF's ``help.markdown``)."""
    rule, doc = doc_for(code)
    lines = [
        f"**{rule.code} {rule.name}** ({_default(rule)}): {sentence(rule.summary)}", "",
        "### What it reports", "", doc.reports, "",
        "### Why it matters", "", EVENT_LOOP, "", doc.why, "",
        "### Example", "", "Before:", "", "```python", doc.before.rstrip("\n"), "```", "",
        f"{_fix_heading(doc)}:", "", "```python", doc.after.rstrip("\n"), "```", "",
    ]
    if doc.note:
        lines += [doc.note, ""]
    lines += ["### How to silence it", ""]
    if not rule.default_enabled:
        lines += [_enabling(rule), ""]
    for what, how in _silencing(rule, doc):
        fence = "toml" if how.startswith("[") else "sh" if how.startswith("fastapi-unblock") else "python"
        lines += [f"- {what}", "", f"  ```{fence}", textwrap.indent(how, "  "), "  ```", ""]
    lines.append(_SILENCING_NOTE)
    return "\n".join(lines) + "\n"
