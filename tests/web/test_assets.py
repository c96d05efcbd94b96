"""The dashboard's page, assets and map data, without a browser: what the CSP and the
no-markup-from-data rule rest on."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from eventwire.web import CONTENT_SECURITY_POLICY, STATIC, mount_dashboard


@pytest.fixture(scope="module")
def client():
    app = FastAPI()
    mount_dashboard(app)
    with TestClient(app) as test_client:
        yield test_client


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.script_text.append(data)


def test_page_is_served_with_a_policy_that_forbids_inline_script(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert policy == CONTENT_SECURITY_POLICY
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "http" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"


def test_page_has_no_inline_script_or_handler_and_loads_only_its_own_assets(client):
    parser = _Tags()
    parser.feed(client.get("/").text)
    assert parser.script_text == []
    for tag, attrs in parser.tags:
        assert not [name for name in attrs if name.startswith("on")], tag
        for name in ("src", "href"):
            value = attrs.get(name)
            if value and tag in ("script", "link"):
                assert value.startswith("/ui/"), value
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [{"type": "module", "src": "/ui/app.js"}]


@pytest.mark.parametrize("path, kind", [("/ui/app.js", "javascript"), ("/ui/style.css", "text/css"),
                                        ("/ui/favicon.svg", "image/svg+xml"),
                                        ("/ui/countries.geojson", "application/geo+json")])
def test_assets_are_served_by_the_app(client, path, kind):
    response = client.get(path)
    assert response.status_code == 200
    assert kind in response.headers["content-type"]
    assert len(response.content) > 100


def test_script_never_turns_data_into_markup():
    source = (STATIC / "app.js").read_text(encoding="utf-8")
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                      "new Function", "javascript:"):
        assert forbidden not in source, forbidden
    # Links to outside URLs are made in one place, which allows only http(s).
    assert source.count('rel: "noopener noreferrer"') == 1
    assert re.search(r'parsed\.protocol === "http:" \|\| parsed\.protocol === "https:"', source)


def test_nothing_is_loaded_from_another_host():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        urls = re.findall(r"https?://[^\s\"')]+", text)
        assert urls == [] or set(urls) == {"http://www.w3.org/2000/svg"}, (path.name, urls)
        assert "@import" not in text and "url(" not in text, path.name


def test_country_boundaries_cover_the_world_with_iso3_ids(client):
    collection = json.loads(client.get("/ui/countries.geojson").content)
    features = {f["id"]: f for f in collection["features"]}
    assert len(features) >= 170
    for code in ("ISR", "PSE", "IRN", "SYR", "UKR", "RUS", "HUN", "SRB", "MMR", "USA", "XKX"):
        assert code in features, code
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in features)
    for feature in features.values():
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert len(ring) >= 4
                assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
    israel = features["ISR"]["geometry"]["coordinates"][0][0]
    lons, lats = [p[0] for p in israel], [p[1] for p in israel]
    assert 34 < min(lons) < max(lons) < 36 and 29 < min(lats) < max(lats) < 34
