"""Developer-platform and workspace SDKs: GitHub, GitLab, Jira, Notion, Google Sheets,
Airtable, Salesforce, Dropbox (category ``vendor``); and GitPython.

Each is a REST client built on ``requests`` (``httpx`` for notion-client): the
client object is built without I/O except ``JIRA(server)``, which asks the
server for its info unless told not to. ``gh.get_repo(name)`` fetches the
repository, and the methods of the objects it returns (``repo.get_contents``,
``repo.create_issue``) are requests too; python-gitlab's managers
(``gl.projects.get(id)``) and notion-client's endpoints (``notion.pages.retrieve``)
likewise. gspread's client opens a spreadsheet with a request, and every
method of a spreadsheet or worksheet is one (``sheet1`` too, a property that
fetches the sheet list); pyairtable's ``Table`` methods, simple-salesforce's
client (it logs in when built) and the object types reached through it
(``sf.Contact.create``), and every method of the Dropbox client are requests.
None has an async twin on the same object.

GitPython (category ``subprocess``, ``file`` where it only reads files) runs ``git``
for almost everything: ``Repo.clone_from``, ``repo.git.checkout(...)``, a remote's
``fetch``, ``repo.iter_commits`` (lazy: the loop over it reads ``git rev-list``), a
commit's ``diff``. Even ``Repo(path)`` reads the repository's config file, and the
properties ``repo.heads`` and ``repo.head.commit`` read its ref files. Paths
(``repo.working_tree_dir``) are plain attributes. It has no async twin.
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_REST = "an HTTPS request to the service's REST API"
_GITHUB_OBJECTS = ("Repository.Repository", "NamedUser.NamedUser", "AuthenticatedUser.AuthenticatedUser",
                   "Organization.Organization", "Issue.Issue", "PullRequest.PullRequest")
_GITLAB_MANAGERS = {"projects": "ProjectManager", "groups": "GroupManager", "users": "UserManager",
                    "issues": "IssueManager"}
_GIT = "runs the git command in a subprocess"
_GIT_FILES = "reads the repository's files under .git (config, refs)"
#: Properties of a repository that list or read its refs.
_GIT_REF_PROPERTIES = ("heads", "branches", "tags", "refs", "references", "active_branch")
_SHEETS = ("gspread.Client", "gspread.Spreadsheet", "gspread.Worksheet")
_SHEETS_CLIENT_CALLS = ("open", "open_by_key", "open_by_url", "openall", "create", "copy", "export",
                        "del_spreadsheet", "import_csv", "list_spreadsheet_files", "list_permissions",
                        "insert_permission", "remove_permission", "get_file_drive_metadata")
_SALESFORCE = "simple_salesforce.Salesforce"
_SALESFORCE_OBJECT = "simple_salesforce.api.SFType"
_NOTION_ENDPOINTS = {"pages": "PagesEndpoint", "databases": "DatabasesEndpoint", "blocks": "BlocksEndpoint",
                     "users": "UsersEndpoint", "comments": "CommentsEndpoint", "data_sources": "DataSourcesEndpoint"}

ENTRIES: list[BlockingApi] = [
    BlockingApi("github.Github.*", "vendor", why=_REST),
    # Getters that give another object (``Returns`` entries, which the wildcards skip) fetch it first.
    *each("github.Github", ("get_repo", "get_user", "get_organization"), "vendor", why=_REST),
    *each("github.Repository.Repository", ("get_issue", "create_issue", "get_pull", "create_pull"), "vendor",
          why=_REST),
    *[BlockingApi(f"github.{cls}.*", "vendor", why=_REST) for cls in _GITHUB_OBJECTS],
    BlockingApi("gitlab.Gitlab.*", "vendor", why=_REST),
    *[BlockingApi(f"gitlab.v4.objects.{manager}.*", "vendor", why=_REST) for manager in _GITLAB_MANAGERS.values()],
    BlockingApi("jira.JIRA", "vendor", why="asks the server for its info (unless get_server_info=False)"),
    BlockingApi("jira.JIRA.*", "vendor", why=_REST),
    BlockingApi("notion_client.Client.search", "vendor", why=_REST),
    *[BlockingApi(f"notion_client.api_endpoints.{endpoint}.*", "vendor", why=_REST)
      for endpoint in _NOTION_ENDPOINTS.values()],
    *each("gspread", ("service_account", "oauth"), "vendor", why="reads the credentials file (and may ask for a token)"),
    *each(_SHEETS[0], _SHEETS_CLIENT_CALLS, "vendor", why=_REST),
    *[BlockingApi(f"{cls}.*", "vendor", why=_REST) for cls in _SHEETS[1:]],
    BlockingApi(f"{_SHEETS[1]}.sheet1", "vendor", attribute=True, why=_REST),
    BlockingApi("pyairtable.Table.*", "vendor", why=_REST),
    BlockingApi(_SALESFORCE, "vendor", why="logs in to Salesforce (unless given a session id)"),
    BlockingApi(f"{_SALESFORCE}.*", "vendor", why=_REST),
    BlockingApi(f"{_SALESFORCE_OBJECT}.*", "vendor", why=_REST),
    BlockingApi("dropbox.Dropbox.*", "vendor", why=_REST),
    BlockingApi("git.Repo", "file", why=_GIT_FILES),
    BlockingApi("git.Repo.*", "subprocess", why=_GIT),
    *each("git.Repo", ("clone_from", "init", "commit", "rev_parse", "remote", "create_remote"), "subprocess",
          why=_GIT),
    BlockingApi("git.Repo.iter_commits", "subprocess", lazy=True, why="lists commits from git rev-list as it is iterated"),
    *[BlockingApi(f"git.Repo.{name}", "file", attribute=True, why=_GIT_FILES) for name in _GIT_REF_PROPERTIES],
    BlockingApi("git.Repo.untracked_files", "subprocess", attribute=True, why=_GIT),
    BlockingApi("git.HEAD.commit", "file", attribute=True, why=_GIT_FILES),
    *[BlockingApi(f"git.{cls}.*", "subprocess", why=_GIT) for cls in ("Git", "Remote", "Commit")],
    BlockingApi("git.IndexFile.*", "file", why="reads and writes the repository's index file"),
]

RETURNS: list[Returns] = [
    *instance("github.Github", "gitlab.Gitlab", "notion_client.Client", "jira.JIRA"),
    *returning("github.Github", ("get_repo",), "github.Repository.Repository"),
    *returning("github.Github", ("get_user",), "github.NamedUser.NamedUser"),
    *returning("github.Github", ("get_organization",), "github.Organization.Organization"),
    *returning("github.Repository.Repository", ("get_issue", "create_issue"), "github.Issue.Issue"),
    *returning("github.Repository.Repository", ("get_pull", "create_pull"), "github.PullRequest.PullRequest"),
    *[Returns(f"gitlab.Gitlab.{attr}", f"gitlab.v4.objects.{manager}") for attr, manager in _GITLAB_MANAGERS.items()],
    *[Returns(f"notion_client.Client.{attr}", f"notion_client.api_endpoints.{endpoint}")
      for attr, endpoint in _NOTION_ENDPOINTS.items()],
    *[Returns(f"gspread.{factory}", _SHEETS[0])
      for factory in ("service_account", "service_account_from_dict", "authorize", "oauth", "api_key")],
    *returning(_SHEETS[0], ("open", "open_by_key", "open_by_url", "create", "copy"), _SHEETS[1]),
    *returning(_SHEETS[1], ("worksheet", "get_worksheet", "get_worksheet_by_id", "add_worksheet",
                            "duplicate_sheet", "sheet1"), _SHEETS[2]),
    *instance("pyairtable.Api", "pyairtable.Table", _SALESFORCE, "dropbox.Dropbox"),
    Returns("pyairtable.Api.table", "pyairtable.Table"),
    Returns(f"{_SALESFORCE}.*", _SALESFORCE_OBJECT),
    *instance("git.Repo"),
    *returning("git.Repo", ("clone_from", "init"), "git.Repo"),
    *returning("git.Repo", ("remote", "create_remote"), "git.Remote"),
    *returning("git.Repo", ("commit", "rev_parse"), "git.Commit"),
    Returns("git.Repo.git", "git.Git"),
    Returns("git.Repo.head", "git.HEAD"),
    Returns("git.Repo.index", "git.IndexFile"),
    Returns("git.HEAD.commit", "git.Commit"),
]

ALIASES: list[Alias] = [
    Alias("github.MainClass.Github", "github.Github"),
    Alias("gitlab.client.Gitlab", "gitlab.Gitlab"),
    Alias("jira.client.JIRA", "jira.JIRA"),
    Alias("notion_client.client.Client", "notion_client.Client"),
    *[Alias(f"gspread.{module}.{cls.rsplit('.', 1)[1]}", cls)
      for module, cls in zip(("client", "spreadsheet", "worksheet"), _SHEETS, strict=True)],
    Alias("pyairtable.api.table.Table", "pyairtable.Table"),
    Alias("pyairtable.api.api.Api", "pyairtable.Api"),
    Alias("simple_salesforce.api.Salesforce", _SALESFORCE),
    Alias("dropbox.dropbox_client.Dropbox", "dropbox.Dropbox"),
    *[Alias(name, "git.Repo") for name in ("git.repo.Repo", "git.repo.base.Repo")],
    Alias("git.cmd.Git", "git.Git"),
    Alias("git.remote.Remote", "git.Remote"),
    *[Alias(name, "git.Commit") for name in ("git.objects.Commit", "git.objects.commit.Commit")],
    *[Alias(name, "git.IndexFile") for name in ("git.index.IndexFile", "git.index.base.IndexFile")],
    *[Alias(name, "git.HEAD") for name in ("git.refs.HEAD", "git.refs.head.HEAD")],
]
