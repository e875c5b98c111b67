"""The review page of the two seed articles in headless Chromium: the browser runs its
script, and its DOM holds a card per record and a highlight per mention and evidence span.

Chromium is Debian's `chromium` package; when /usr/bin/chromium is missing the test installs
it with apt-get (as root), and skips with the reason printed only when that cannot be done.
"""
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from html_helpers import parse_page
from pipeline import record_of
from pipeline.cli import main
from pipeline.io import iter_articles
from pipeline.review import LISTS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [str(ROOT / "corpus" / name) for name in ("000_de51c27f7437c0f1.txt", "004_4213e3654545838e.txt")]
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def skip(reason: str):
    print(f"test_browser skipped: {reason}", file=sys.stderr)
    pytest.skip(reason)


def install_chromium() -> str:
    """/usr/bin/chromium, installed from Debian's archive when missing (apt-get, as root)."""
    if os.path.exists(CHROMIUM):
        return CHROMIUM
    if shutil.which("apt-get") is None:
        skip(f"{CHROMIUM} is missing and there is no apt-get to install it")
    if os.geteuid() != 0:
        skip(f"{CHROMIUM} is missing and installing it with apt-get needs root")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900)
        if done.returncode != 0:
            skip(f"`{' '.join(command)}` failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    if not os.path.exists(CHROMIUM):
        skip(f"apt-get installed chromium but {CHROMIUM} is still missing")
    return CHROMIUM


@pytest.fixture(scope="module")
def chromium():
    return install_chromium()


def browse(chromium: str, tmp_path: Path, url: str, *extra: str) -> str:
    """Chromium's output for a page: the DOM after its script ran, with --dump-dom."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    done = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *extra, url],
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def seeds(nlp):
    """(article, record, doc) of each seed, as `show` makes them."""
    articles = list(iter_articles(SEEDS))
    docs = [nlp(article.text) for article in articles]
    return [(article, record_of(doc, article.doc_id), doc) for article, doc in zip(articles, docs)]


@pytest.fixture(scope="module")
def review(tmp_path_factory, seeds):
    path = tmp_path_factory.mktemp("review") / "review.html"
    assert main(["show", *SEEDS, "-o", str(path)]) == 0
    return path


def record_ids(seeds) -> list:
    return [f"a{index}-{list_name}-{number}" for index, (_, record, _) in enumerate(seeds)
            for _, list_name in LISTS for number in range(len(record[list_name]))]


def test_seed_records_are_not_empty(seeds):
    assert [sum(len(record[name]) for _, name in LISTS) for _, record, _ in seeds] == [6, 4]


def test_browser_shows_a_card_per_record_and_a_highlight_per_mention(chromium, review, seeds, tmp_path):
    page = parse_page(browse(chromium, tmp_path, review.as_uri(), "--dump-dom"))
    assert [card.attrs["id"] for card in page.cards] == record_ids(seeds)
    assert page.texts == [article.text for article, _, _ in seeds]
    for index, (article, record, doc) in enumerate(seeds):
        mentions = Counter((f"a{index}-{name}-{number}", article.text[start:end])
                           for _, name in LISTS for number, item in enumerate(record[name])
                           for start, end in item["mentions"])
        shown = Counter((mark.attrs["data-record"], mark.text) for mark in page.marks_of("mention")
                        if mark.attrs["data-mark"].startswith(f"a{index}m"))
        assert shown == mentions
        evidence = Counter((span.label_, span.text) for group in doc.spans.values() for span in group)
        shown = Counter((mark.attrs["data-attr"], mark.text) for mark in page.marks_of("ev")
                        if mark.attrs["data-mark"].startswith(f"a{index}m"))
        assert shown == evidence
        entities = Counter(ent.text for ent in doc.ents)
        assert Counter(mark.text for mark in page.marks_of("ent")
                       if mark.attrs["data-mark"].startswith(f"a{index}m")) == entities


def test_browser_pins_the_record_named_in_the_address(chromium, review, tmp_path):
    page = parse_page(browse(chromium, tmp_path, review.as_uri() + "#a1-contracts-0", "--dump-dom"))
    pinned = [mark for mark in page.marks.values() if "pinned" in mark.classes]
    assert {mark.attrs["data-record"] for mark in pinned} == {"a1-contracts-0"}
    assert [card.attrs["id"] for card in page.cards if "pinned" in card.classes] == ["a1-contracts-0"]
    assert {mark.text for mark in pinned} == {
        "контрактов о поставках продукции собственного производства "
        "на общую сумму более 462,2 миллиона рублей"}


def test_browser_screenshot_of_the_review(chromium, review, tmp_path):
    shot = tmp_path / "review.png"
    browse(chromium, tmp_path, review.as_uri(), f"--screenshot={shot}", "--window-size=1400,2000")
    print(f"screenshot: {shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000  # a blank page is a few kB
