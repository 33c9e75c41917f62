"""Rewritten lines laid out as ruff format lays them out (``codemods.layout``).

Each case is checked against ruff itself: the laid-out text is what ``ruff format``
would leave unchanged.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from codemods.layout import split_long_lines

CASES = {
    "a def that fits once async is gone is joined": (
        "async def list_items(\n    category: str, limit: int = 10, offset: int = 0, order: str = \"name\"\n):\n    pass\n",
        "def list_items(\n    category: str, limit: int = 10, offset: int = 0, order: str = \"name\"\n):\n    pass\n",
        "def list_items(category: str, limit: int = 10, offset: int = 0, order: str = \"name\"):\n    pass\n",
    ),
    "a callable prepended to hugged arguments: hugged again, or one per line": (
        "async def f():\n    await index_task.delay(\n        connector_id, workspace_id, str(user.id), indexing_from, indexing_to\n    )\n",
        "async def f():\n    await run_in_threadpool(\n        index_task.delay,\n        connector_id, workspace_id, str(user.id), indexing_from, indexing_to\n    )\n",
        ("async def f():\n    await run_in_threadpool(\n        index_task.delay,\n        connector_id,\n        workspace_id,\n        str(user.id),\n"
        "        indexing_from,\n        indexing_to,\n    )\n"),
    ),
    "a long one-line rewrite is split with its comment after the bracket": (
        "async def f():\n    reply = requests.post(\"https://api.example.com/items\", json=payload)  # why\n",
        "async def f():\n    reply = await run_in_threadpool(requests.post, \"https://api.example.com/items\", json=payload)  # why\n",
        "async def f():\n    reply = await run_in_threadpool(\n        requests.post, \"https://api.example.com/items\", json=payload\n    )  # why\n",
    ),
    "an argument aligned by hand over two lines, lengthened, is split afresh as one element": (
        ("async def f():\n    await schedule(\n        request_id=request_id,\n"
         "        request_body=payloads.EnabledCloudsBody(workspace=workspace,\n"
         "                                                expand=expand),\n        short=True,\n    )\n"),
        ("async def f():\n    await schedule(\n        request_id=request_id,\n"
         "        request_body=await run_in_threadpool(payloads.EnabledCloudsBody, workspace=workspace,\n"
         "                                                expand=expand),\n        short=True,\n    )\n"),
        ("async def f():\n    await schedule(\n        request_id=request_id,\n"
         "        request_body=await run_in_threadpool(\n"
         "            payloads.EnabledCloudsBody, workspace=workspace, expand=expand\n"
         "        ),\n        short=True,\n    )\n"),
    ),
    "an implicit concatenation that does not fit keeps one string per line": (
        ('async def f():\n    logger.info(\n        f"Evicting the least recently used adapter {name!r} "\n'
         '        f"(current number of adapters: {count}, "\n        f"max allowed: {limit()})"\n    )\n'),
        ('async def f():\n    logger.info(\n        f"Evicting the least recently used adapter {name!r} "\n'
         '        f"(current number of adapters: {count}, "\n'
         '        f"max allowed: {await run_in_threadpool(limit)})"\n    )\n'),
        ('async def f():\n    logger.info(\n        f"Evicting the least recently used adapter {name!r} "\n'
         '        f"(current number of adapters: {count}, "\n'
         '        f"max allowed: {await run_in_threadpool(limit)})"\n    )\n'),
    ),
    "an implicit concatenation among other arguments keeps one string per line": (
        ('async def f():\n    logger.info(\n        "Evicting the least recently used adapter %s "\n'
         '        "(current number of adapters: %d, max allowed: %d)",\n        name,\n        count,\n'
         '        limit(),\n    )\n'),
        ('async def f():\n    logger.info(\n        "Evicting the least recently used adapter %s "\n'
         '        "(current number of adapters: %d, max allowed: %d)",\n        name,\n        count,\n'
         '        await run_in_threadpool(limit),\n    )\n'),
        ('async def f():\n    logger.info(\n        "Evicting the least recently used adapter %s "\n'
         '        "(current number of adapters: %d, max allowed: %d)",\n        name,\n        count,\n'
         '        await run_in_threadpool(limit),\n    )\n'),
    ),
    "a comparison in brackets that does not fit splits before its operator": (
        ('async def f(self):\n    while (\n        self.lora_registry.num_registered_loras\n'
         '        > get_lora().max_loaded_loras\n    ):\n        pass\n'),
        ('async def f(self):\n    while (\n        self.lora_registry.num_registered_loras\n'
         '        > (await run_in_threadpool(get_lora)).max_loaded_loras\n    ):\n        pass\n'),
        ('async def f(self):\n    while (\n        self.lora_registry.num_registered_loras\n'
         '        > (await run_in_threadpool(get_lora)).max_loaded_loras\n    ):\n        pass\n'),
    ),
    "an operand of `and` that does not fit splits at its comparison": (
        ('async def f():\n    if (\n        encoder_metrics_collector is not None\n'
         '        and get_disagg().encoder_transfer_backend_name != "mooncake"\n    ):\n        pass\n'),
        ('async def f():\n    if (\n        encoder_metrics_collector is not None\n'
         '        and (await run_in_threadpool(get_disagg)).encoder_transfer_backend_name != "mooncake"\n'
         '    ):\n        pass\n'),
        ('async def f():\n    if (\n        encoder_metrics_collector is not None\n'
         '        and (await run_in_threadpool(get_disagg)).encoder_transfer_backend_name\n'
         '        != "mooncake"\n    ):\n        pass\n'),
    ),
    "a comparison that starts with a bracket splits at that bracket": (
        ('async def f():\n    if get_speculative_settings().speculative_algorithm != "NGRAM_WITH_CORPUS":\n'
         '        pass\n'),
        ('async def f():\n    if (await run_in_threadpool(get_speculative_settings)).speculative_algorithm '
         '!= "NGRAM_WITH_CORPUS":\n        pass\n'),
        ('async def f():\n    if (\n        await run_in_threadpool(get_speculative_settings)\n'
         '    ).speculative_algorithm != "NGRAM_WITH_CORPUS":\n        pass\n'),
    ),
    "a def whose one parameter goes on its own line gets a trailing comma": (
        ('async def authenticated_user(form: OAuth2PasswordRequestForm = Depends()):  # login\n'
         '    return form.username\n'),
        ('def authenticated_user(form: OAuth2PasswordRequestForm = Depends()):  # login and check the password\n'
         '    return form.username\n'),
        ('def authenticated_user(\n    form: OAuth2PasswordRequestForm = Depends(),\n'
         '):  # login and check the password\n    return form.username\n'),
    ),
    "a keyword argument pushed past the line splits at its operators, the keyword on the first line": (
        ('async def f():\n    if x:\n        model = TTS(\n'
         '            model_path=this_dir / "models" / model_folder,\n'
         '            config_path=this_dir / "models" / modeldownload_model_path / "config.json",\n'
         '        ).to(device)\n'),
        ('async def f():\n    if x:\n        model = (\n            await run_in_threadpool(\n                TTS,\n'
         '                model_path=this_dir / "models" / model_folder,\n'
         '                config_path=this_dir / "models" / modeldownload_model_path / "config.json",\n'
         '            )\n        ).to(device)\n'),
        ('async def f():\n    if x:\n        model = (\n            await run_in_threadpool(\n                TTS,\n'
         '                model_path=this_dir / "models" / model_folder,\n'
         '                config_path=this_dir\n                / "models"\n                / modeldownload_model_path\n'
         '                / "config.json",\n            )\n        ).to(device)\n'),
    ),
    "a block opener with a comment after its colon splits at its last bracket": (
        ('async def f(scope):\n    if scope["type"] == "http" and not upstream_is_up("127.0.0.1", 8081):  # probe\n'
         '        pass\n'),
        ('async def f(scope):\n    if scope["type"] == "http" and not await run_in_threadpool(upstream_is_up, '
         '"127.0.0.1", 8081):  # probe\n        pass\n'),
        ('async def f(scope):\n    if scope["type"] == "http" and not await run_in_threadpool(\n'
         '        upstream_is_up, "127.0.0.1", 8081\n    ):  # probe\n        pass\n'),
    ),
    "a condition with two operators on top that does not fit goes in parentheses of its own": (
        'async def f():\n    while queue_is_open and not stopped and has_more_items(queue_name):\n        pass\n',
        ('async def f():\n    while queue_is_open and not stopped and await run_in_threadpool(has_more_items, '
         'queue_name):\n        pass\n'),
        ('async def f():\n    while (\n        queue_is_open\n        and not stopped\n'
         '        and await run_in_threadpool(has_more_items, queue_name)\n    ):\n        pass\n'),
    ),
    "parentheses around an f-string that no longer fits in them are dropped": (
        ('async def f():\n    port_args.tokenizer_ipc_name = (\n'
         '        f"ipc://{tempfile.NamedTemporaryFile(delete=False).name}"\n    )\n'),
        ('async def f():\n    port_args.tokenizer_ipc_name = (\n'
         '        f"ipc://{(await run_in_threadpool(tempfile.NamedTemporaryFile, delete=False)).name}"\n    )\n'),
        ('async def f():\n    port_args.tokenizer_ipc_name = '
         'f"ipc://{(await run_in_threadpool(tempfile.NamedTemporaryFile, delete=False)).name}"\n'),
    ),
    "a parenthesized await whose call spans lines gets lines of its own": (
        ('async def f():\n    try:\n        pass\n    except Exception as exc:\n'
         '        error_message = handle_request_error(\n'
         '            f"Completion {request.state.id} aborted. Maybe the model was unloaded? "\n'
         '            "Please check the server console."\n        ).error.message\n'),
        ('async def f():\n    try:\n        pass\n    except Exception as exc:\n'
         '        error_message = (await run_in_threadpool(\n            handle_request_error,\n'
         '            f"Completion {request.state.id} aborted. Maybe the model was unloaded? "\n'
         '            "Please check the server console.",\n        )).error.message\n'),
        ('async def f():\n    try:\n        pass\n    except Exception as exc:\n'
         '        error_message = (\n            await run_in_threadpool(\n                handle_request_error,\n'
         '                f"Completion {request.state.id} aborted. Maybe the model was unloaded? "\n'
         '                "Please check the server console.",\n            )\n        ).error.message\n'),
    ),
    "a magic trailing comma keeps a call exploded": (
        "async def f():\n    update(\n        a,\n    )\n",
        "async def f():\n    await run_in_threadpool(\n        update,\n        a,\n    )\n",
        "async def f():\n    await run_in_threadpool(\n        update,\n        a,\n    )\n",
    ),
    "a dict display that must split puts each item on a line, even when they would fit on one": (
        "async def f():\n    return {\"size\": len(body), \"chunks\": len(loader.load_and_split())}  # why\n",
        ("async def f():\n    return {\"size\": len(body), \"chunks\": len(await run_in_threadpool("
         "loader.load_and_split))}  # why\n"),
        ("async def f():\n    return {\n        \"size\": len(body),\n        \"chunks\": len(await "
         "run_in_threadpool(loader.load_and_split)),\n    }  # why\n"),
    ),
    "a value with an operator on top gets parentheses of its own": (
        'async def f():\n    checksum = None if partial else compute_sha256(local_file_path)  # why\n',
        'async def f():\n    checksum = None if partial else await run_in_threadpool(compute_sha256_of_the_file, local_file_path)  # why\n',
        'async def f():\n    checksum = (\n        None\n        if partial\n        else await run_in_threadpool(compute_sha256_of_the_file, local_file_path)\n    )  # why\n',
    ),
    "a long element of an exploded dict is split by itself": (
        'async def f():\n    user = {\n        "email": email,\n        "hashed_password": helper.hash(password),\n    }\n',
        ('async def f():\n    user = {\n        "email": email,\n'
         '        "hashed_password": await run_in_threadpool(self.password_helper.hash, password_value),\n    }\n'),
        ('async def f():\n    user = {\n        "email": email,\n        "hashed_password": await run_in_threadpool(\n'
         '            self.password_helper.hash, password_value\n        ),\n    }\n'),
    ),
    "a comprehension that no longer fits gets one clause per line": (
        "async def f():\n    connections = [\n        engine.connect() for _ in range(count_of_connections)\n    ]\n",
        ("async def f():\n    connections = [\n        await run_in_threadpool(sync_postgres_engine.connect) for _ in "
         "range(count_of_connections) if ready\n    ]\n"),
        ("async def f():\n    connections = [\n        await run_in_threadpool(sync_postgres_engine.connect)\n"
         "        for _ in range(count_of_connections)\n        if ready\n    ]\n"),
    ),
    "an elif header is split at its last bracket": (
        "async def f():\n    if a:\n        pass\n    elif key := read_key(request):\n        pass\n",
        ("async def f():\n    if a:\n        pass\n    elif hashed_api_key := await run_in_threadpool(get_hashed_api_key_from_request, "
         "request):\n        pass\n"),
        ("async def f():\n    if a:\n        pass\n    elif hashed_api_key := await run_in_threadpool(\n"
         "        get_hashed_api_key_from_request, request\n    ):\n        pass\n"),
    ),
    "parentheses around an `or` whose first operand grew: one operand per line": (
        "async def f():\n    graph = (\n        load_graph(self._graphml_xml_file) or nx.Graph()\n    )\n",
        ("async def f():\n    graph = (\n        await run_in_threadpool(NetworkXStorage.load_nx_graph, self._graphml_file)"
         " or nx.Graph()\n    )\n"),
        ("async def f():\n    graph = (\n        await run_in_threadpool(NetworkXStorage.load_nx_graph, "
         "self._graphml_file)\n        or nx.Graph()\n    )\n"),
    ),
    "a conditional inside brackets that no longer fits: one part per line": (
        "async def f():\n    path = (\n        profile.path if profile is not None else Path(mkdtemp())\n    )\n",
        ("async def f():\n    path = (\n        profile.path if profile is not None else pathlib.Path(await "
         "run_in_threadpool(tempfile.mkdtemp))\n    )\n"),
        ("async def f():\n    path = (\n        profile.path\n        if profile is not None\n        else "
         "pathlib.Path(await run_in_threadpool(tempfile.mkdtemp))\n    )\n"),
    ),
    "a conditional keeps the parentheses around its nested conditional": (
        "async def f():\n    speed = (\n        speed if speed is not None else (user.speed if user.speed else 1.0)\n    )\n",
        ("async def f():\n    speed = (\n        speed if speed is not None else (user.voice_playback_speed if "
         "user.voice_playback_speed is not None else 1.0)\n    )\n"),
        ("async def f():\n    speed = (\n        speed\n        if speed is not None\n        else (\n"
         "            user.voice_playback_speed if user.voice_playback_speed is not None else 1.0\n"
         "        )\n    )\n"),
    ),
    "a trailing pragma comment does not count in the width": (
        "async def f():\n    rows = db.query(User).filter(User.id == user.id).first()  # type: ignore[arg-type]\n",
        "async def f():\n    rows = await run_in_threadpool(db.query(User).filter(User.id == user.id).first)  # type: ignore[arg-type]\n",
        "async def f():\n    rows = await run_in_threadpool(db.query(User).filter(User.id == user.id).first)  # type: ignore[arg-type]\n",
    ),
    "wide characters count two columns": (
        ('async def list_connections(\n    enabled_only: bool = Query(False, description="仅返回启用的连接列表"),\n'
         '):\n    pass\n'),
        ('def list_connections(\n    enabled_only: bool = Query(False, description="仅返回启用的连接列表"),\n'
         '):\n    pass\n'),
        ('def list_connections(\n    enabled_only: bool = Query(False, description="仅返回启用的连接列表"),\n'
         '):\n    pass\n'),
    ),
    "parentheses a wrapped value no longer needs are dropped": (
        ("async def f():\n    reviews = (\n        ReviewSegment.select().where(ReviewSegment.id << ids).dicts().iterator()"
         "\n    )\n"),
        ("async def f():\n    reviews = (\n        await run_in_threadpool(\n            ReviewSegment.select().where("
         "ReviewSegment.id << ids).dicts().iterator\n        )\n    )\n"),
        ("async def f():\n    reviews = await run_in_threadpool(\n        ReviewSegment.select().where("
         "ReviewSegment.id << ids).dicts().iterator\n    )\n"),
    ),
    "parentheses around a value that now fits on one line are dropped": (
        "async def f():\n    row = (\n        db.query(Model).filter(Model.id == ident).first()\n    )\n",
        "async def f():\n    row = (\n        await run_in_threadpool(db.query(Model).filter(Model.id == ident).first)\n    )\n",
        "async def f():\n    row = await run_in_threadpool(db.query(Model).filter(Model.id == ident).first)\n",
    ),
    "a chain of calls that no longer fits: parentheses, one link per line": (
        "async def f():\n    user = db.query(User).filter(User.id == user_id).first()\n",
        ("async def f():\n    user = session_factory().query(UserAccountModel).filter(UserAccountModel.id == "
         "user_id).first()\n"),
        ("async def f():\n    user = (\n        session_factory()\n        .query(UserAccountModel)\n"
         "        .filter(UserAccountModel.id == user_id)\n        .first()\n    )\n"),
    ),
    "a chain handed to run_in_threadpool: one link per line, no trailing comma": (
        "async def f():\n    record = db.query(DocumentProcessingProgressModel).filter(DocumentProcessingProgressModel.id == index_id).first()\n",
        ("async def f():\n    record = await run_in_threadpool(db.query(DocumentProcessingProgressModel).filter("
         "DocumentProcessingProgressModel.id == index_id).first)\n"),
        ("async def f():\n    record = await run_in_threadpool(\n        db.query(DocumentProcessingProgressModel)\n"
         "        .filter(DocumentProcessingProgressModel.id == index_id)\n        .first\n    )\n"),
    ),
    "one call after a call is no chain: split at the brackets": (
        "async def f():\n    data = requests.get(url).json()\n",
        ("async def f():\n    data = (await run_in_threadpool(requests.get, "
         "\"https://api.example.com/v1/items/search\")).json()\n"),
        ("async def f():\n    data = (\n        await run_in_threadpool(requests.get, "
         "\"https://api.example.com/v1/items/search\")\n    ).json()\n"),
    ),
    "an exploded argument that no longer fits: each if and else of its chain on a line": (
        ("def f():\n    status = cast(\n        Status,\n        \"ready\" if state == \"ready\" else \"failed\" if "
         "state == \"failed\" else \"busy\",\n    )\n"),
        ("def f():\n    def _load():\n        status = cast(\n            Status,\n            \"ready\" if state == "
         "\"ready\" else \"failed\" if state == \"failed\" else \"processing\",\n        )\n"),
        ("def f():\n    def _load():\n        status = cast(\n            Status,\n            \"ready\"\n"
         "            if state == \"ready\"\n            else \"failed\"\n            if state == \"failed\"\n"
         "            else \"processing\",\n        )\n"),
    ),
    "a comprehension whose for-target has a comma splits at its own brackets, a clause per line": (
        ("async def f():\n    states: dict[int, str] = {\n        name: render(\n            name, props\n"
         "        )\n        for name, props in items.items()\n    }\n"),
        ("async def f():\n    states: dict[int, str] = {\n        name: await run_in_threadpool(render, name, props)\n"
         "        for name, props in items.items()\n    }\n"),
        ("async def f():\n    states: dict[int, str] = {\n        name: await run_in_threadpool(render, name, props)\n"
         "        for name, props in items.items()\n    }\n"),
    ),
    "a product whose right operand ends in no bracket goes in parentheses, an operand per line": (
        "async def f():\n    return torch.load(path, map_location=\"cpu\", weights_only=True) * weight\n",
        "async def f():\n    return await run_in_threadpool(torch.load, path, map_location=\"cpu\", weights_only=True) * weight\n",
        ("async def f():\n    return (\n        await run_in_threadpool(torch.load, path, map_location=\"cpu\", "
         "weights_only=True)\n        * weight\n    )\n"),
    ),
    "a sum of several terms goes in parentheses; a sum ending in a call splits at the call": (
        ("async def f():\n    total = compute_the_total(first, second_value) + offset - other_offset\n"
         "    more = prefix_value + compute_the_total(first_value, second_value_here, third_one)\n"),
        ("async def f():\n    total = await run_in_threadpool(compute_the_total, first, second_value) + offset - other_offset\n"
         "    more = prefix_value + await run_in_threadpool(compute_the_total, first_value, second_value_here, third_one)\n"),
        ("async def f():\n    total = (\n        await run_in_threadpool(compute_the_total, first, second_value)\n"
         "        + offset\n        - other_offset\n    )\n    more = prefix_value + await run_in_threadpool(\n"
         "        compute_the_total, first_value, second_value_here, third_one\n    )\n"),
    ),
    "a dict entry alone in its exploded braces is split at its own brackets": (
        ("async def f():\n    if ready:\n        if slice_sample:\n            if intrinsics:\n"
         "                results[slice_name] = {\n                    \"intrinsics\": utils.json.serialize(intrinsics)\n"
         "                }\n"),
        ("async def f():\n    if ready:\n        if slice_sample:\n            if intrinsics:\n"
         "                results[slice_name] = {\n"
         "                    \"intrinsics\": await run_in_threadpool(utils.json.serialize, intrinsics)\n"
         "                }\n"),
        ("async def f():\n    if ready:\n        if slice_sample:\n            if intrinsics:\n"
         "                results[slice_name] = {\n                    \"intrinsics\": await run_in_threadpool(\n"
         "                        utils.json.serialize, intrinsics\n                    )\n                }\n"),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rewritten_statement_is_laid_out_as_ruff_format_would(name: str) -> None:
    old, new, want = CASES[name]
    got = "".join(split_long_lines(new.splitlines(keepends=True), old.splitlines(keepends=True), 88))
    assert got == want
    formatted = subprocess.run([sys.executable, "-m", "ruff", "format", "--isolated", "-"],
                               input=got, capture_output=True, text=True, check=True).stdout
    assert formatted == got


def test_lines_kept_from_the_original_are_never_touched() -> None:
    old = "def f():\n    return some_function_with_a_long_name(argument_one, argument_two, argument_three_long)\n"
    assert split_long_lines(old.splitlines(keepends=True), old.splitlines(keepends=True), 40) == old.splitlines(True)


_EXPLODED_POST = '''import requests
from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/providers/check")
async def check_key(request: Request):
    key = (await request.json())["key"]
    response = requests.post(
        "https://api.provider.example/v1/chat/completions",
        headers={"Authorization": f"Bearer {key}"},
        json={
            "model": "connection-test",
            "messages": [{"role": "user", "content": "."}],
            "max_tokens": 1,
        },
    )
    return {"valid": response.status_code != 401}
'''


def test_a_swapped_call_laid_out_one_argument_per_line_stays_so() -> None:
    """requests -> httpx rebuilds the call's arguments: a call the project exploded (one argument
    per line, a magic trailing comma) stays exploded, and ``json.dumps`` around a dictionary
    over several lines is exploded around it, as ruff format lays both out."""
    from codemods.api import analyse_source

    result = analyse_source(_EXPLODED_POST, "providers.py")
    assert result.new_text is not None
    assert ('        response = await http_client.post(\n'
            '            "https://api.provider.example/v1/chat/completions",\n'
            '            headers={"Authorization": f"Bearer {key}"},\n'
            '            content=json.dumps(\n'
            '                {\n'
            '                    "model": "connection-test",\n') in result.new_text
    assert '                allow_nan=False,\n            ),\n        )\n' in result.new_text
    formatted = subprocess.run([sys.executable, "-m", "ruff", "format", "--isolated", "-"],
                               input=result.new_text, capture_output=True, text=True, check=True).stdout
    assert formatted == result.new_text
