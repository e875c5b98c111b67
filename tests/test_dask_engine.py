"""--engine dask writes what the local engine writes: the same lines, in input order, the same errors.

The cluster tests need dask.distributed (the dev extra installs it; `pip install '.[dask]'`
otherwise) and skip without it; each starts worker processes that load the models once.
"""
import json
import sys
from importlib.util import find_spec

import pytest

from pipeline.cli import main
from test_pipe import ARTICLES  # one article per fact type, an empty one, one with two facts

needs_dask = pytest.mark.skipif(find_spec("distributed") is None,
                                reason="dask.distributed is not installed: pip install '.[dask]'")


@pytest.fixture
def source(tmp_path):
    lines = [json.dumps({"doc_id": doc_id, "text": text}, ensure_ascii=False) for doc_id, text in ARTICLES]
    lines.insert(3, "{not json")
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scheduler():
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        yield cluster.scheduler_address


def extract(source, output, *options) -> int:
    return main(["extract", str(source), "-o", str(output), "-q", "--batch-size", "2", *options])


@needs_dask
def test_dask_engine_on_a_scheduler_writes_the_local_lines_in_input_order(source, tmp_path, scheduler, capsys):
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert extract(source, local) == 1  # the line that is not JSON
    local_errors = capsys.readouterr().err
    assert extract(source, dask, "--engine", "dask", "--scheduler", scheduler) == 1
    assert capsys.readouterr().err == local_errors
    assert f"{source}:4: invalid JSON" in local_errors
    assert dask.read_text(encoding="utf-8") == local.read_text(encoding="utf-8")
    records = [json.loads(line) for line in dask.read_text(encoding="utf-8").splitlines()]
    assert [record["doc_id"] for record in records] == [doc_id for doc_id, _ in ARTICLES]
    assert records[0]["parks"] and records[1]["agreements"] and records[3]["persons"]


@needs_dask
def test_dask_engine_without_a_scheduler_starts_a_local_cluster(source, tmp_path):
    output = tmp_path / "dask.jsonl"
    assert extract(source, output, "--engine", "dask", "--jobs", "1") == 1
    assert [json.loads(line)["doc_id"] for line in output.read_text(encoding="utf-8").splitlines()] == \
        [doc_id for doc_id, _ in ARTICLES]


def test_scheduler_without_the_dask_engine_is_a_usage_error(source, tmp_path, capsys):
    assert extract(source, tmp_path / "out.jsonl", "--scheduler", "tcp://127.0.0.1:8786") == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def test_dask_engine_without_dask_says_how_to_install_it(source, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed → ImportError
    assert extract(source, tmp_path / "out.jsonl", "--engine", "dask") == 2
    assert "pip install 'pipeline[dask]'" in capsys.readouterr().err
