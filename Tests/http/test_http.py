# The HTTP API over a real socket with `requests`: the Query API (plain and typed JSON, explicit
# transactions), the transactional endpoint, authentication and CSRF refusals, the body limit,
# and a million-row JSON Lines stream read while the server's memory stays bounded.
import base64
import json
import threading
import time

import requests

from conftest import MAX_BODY, PASSWORD, USER


def test_query_api_plain_json(server):
    r = server.query("UNWIND [1, 2] AS i RETURN i, toString(i) AS s")
    assert r.status_code == 202
    assert r.headers["Content-Type"] == "application/json"
    assert r.json()["data"] == {"fields": ["i", "s"], "values": [[1, "1"], [2, "2"]]}
    assert "default-src 'none'" in r.headers["Content-Security-Policy"]


def test_query_api_typed_json_and_parameters(server):
    r = requests.post(f"{server.base}/db/neo4j/query/v2", auth=server.auth,
                      headers={"Accept": "application/vnd.neo4j.query.v1.1"},
                      json={"statement": "RETURN $x + 1 AS y, date('2024-05-06') AS d", "parameters": {"x": 41}})
    assert r.status_code == 202
    assert r.json()["data"]["values"] == [[{"$type": "Integer", "_value": "42"}, {"$type": "Date", "_value": "2024-05-06"}]]


def test_query_api_nodes_and_counters(server):
    r = requests.post(f"{server.base}/db/neo4j/query/v2", auth=server.auth,
                      json={"statement": "CREATE (a:Api {name: 'x'})-[r:LINK]->(b:Api) RETURN a, r",
                            "includeCounters": True})
    body = r.json()
    node, rel = body["data"]["values"][0]
    assert node["labels"] == ["Api"] and node["properties"] == {"name": "x"}
    assert rel["type"] == "LINK" and rel["startNodeElementId"] == node["elementId"]
    assert body["counters"]["nodesCreated"] == 2 and body["counters"]["relationshipsCreated"] == 1
    assert len(body["bookmarks"]) == 1


def test_query_api_explicit_transaction(server):
    begin = requests.post(f"{server.base}/db/neo4j/query/v2/tx", auth=server.auth,
                          json={"statement": "CREATE (:TxNode {v: 1})"})
    assert begin.status_code == 202
    tx = begin.json()["transaction"]["id"]
    assert server.query("MATCH (n:TxNode) RETURN count(n)").json()["data"]["values"] == [[0]]
    inside = requests.post(f"{server.base}/db/neo4j/query/v2/tx/{tx}", auth=server.auth,
                           json={"statement": "MATCH (n:TxNode) RETURN count(n)"})
    assert inside.json()["data"]["values"] == [[1]]
    commit = requests.post(f"{server.base}/db/neo4j/query/v2/tx/{tx}/commit", auth=server.auth, json={})
    assert commit.status_code == 202
    assert server.query("MATCH (n:TxNode) RETURN count(n)").json()["data"]["values"] == [[1]]
    gone = requests.post(f"{server.base}/db/neo4j/query/v2/tx/{tx}/commit", auth=server.auth, json={})
    assert gone.status_code == 404
    assert gone.json()["errors"][0]["code"] == "Neo.ClientError.Transaction.TransactionNotFound"


def test_query_api_rollback(server):
    begin = requests.post(f"{server.base}/db/neo4j/query/v2/tx", auth=server.auth,
                          json={"statement": "CREATE (:RolledBack)"})
    tx = begin.json()["transaction"]["id"]
    assert requests.delete(f"{server.base}/db/neo4j/query/v2/tx/{tx}", auth=server.auth).status_code == 200
    assert server.query("MATCH (n:RolledBack) RETURN count(n)").json()["data"]["values"] == [[0]]


def test_errors_have_neo4j_codes(server):
    r = server.query("RETURN 1 +")
    assert r.status_code == 400
    error = r.json()["errors"][0]
    assert error["code"] == "Neo.ClientError.Statement.SyntaxError"
    assert "line 1" in error["message"]


def test_legacy_commit_endpoint(server):
    r = requests.post(f"{server.base}/db/neo4j/tx/commit", auth=server.auth, json={"statements": [
        {"statement": "CREATE (n:Legacy {name: $name}) RETURN n", "parameters": {"name": "Ann"},
         "resultDataContents": ["row", "graph"], "includeStats": True},
        {"statement": "MATCH (n:Legacy) RETURN n.name"}]})
    assert r.status_code == 200
    body = r.json()
    assert body["errors"] == []
    first, second = body["results"]
    assert first["data"][0]["row"] == [{"name": "Ann"}]
    assert first["data"][0]["meta"][0]["type"] == "node"
    assert first["data"][0]["graph"]["nodes"][0]["labels"] == ["Legacy"]
    assert first["stats"]["nodes_created"] == 1
    assert second["data"] == [{"row": ["Ann"], "meta": [None]}]


def test_legacy_open_commit_and_rollback(server):
    opened = requests.post(f"{server.base}/db/neo4j/tx", auth=server.auth,
                           json={"statements": [{"statement": "CREATE (:LegacyTx)"}]})
    assert opened.status_code == 201
    location = opened.headers["Location"]
    assert opened.json()["commit"] == location + "/commit"
    assert "expires" in opened.json()["transaction"]
    done = requests.post(location + "/commit", auth=server.auth, json={"statements": []})
    assert done.json()["errors"] == []
    other = requests.post(f"{server.base}/db/neo4j/tx", auth=server.auth,
                          json={"statements": [{"statement": "CREATE (:LegacyTx)"}]})
    assert requests.delete(other.headers["Location"], auth=server.auth).status_code == 200
    count = server.query("MATCH (n:LegacyTx) RETURN count(n)").json()["data"]["values"]
    assert count == [[1]]


def test_authentication_refused(server):
    r = requests.post(f"{server.base}/db/neo4j/query/v2", json={"statement": "RETURN 1"})
    assert r.status_code == 401
    assert r.json()["errors"][0]["code"] == "Neo.ClientError.Security.Unauthorized"
    wrong = requests.post(f"{server.base}/db/neo4j/query/v2", json={"statement": "RETURN 1"}, auth=(USER, "nope"))
    assert wrong.status_code == 401


def test_csrf_refused(server):
    s = requests.Session()
    login = s.post(f"{server.base}/login", json={"user": USER, "password": PASSWORD})
    assert login.status_code == 200
    cookie = login.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    csrf = login.json()["csrf"]
    url = f"{server.base}/db/neo4j/query/v2"
    # The cookie alone (what a forged cross-site request carries) is not enough.
    forged = s.post(url, json={"statement": "CREATE (:Forged)"})
    assert forged.status_code == 403
    assert forged.json()["errors"][0]["code"] == "Neo.ClientError.Security.Forbidden"
    # A foreign Origin is refused even with the token; so is a form-encoded body.
    evil = s.post(url, json={"statement": "CREATE (:Forged)"},
                  headers={"X-Quiver-CSRF": csrf, "Origin": "http://evil.example"})
    assert evil.status_code == 403
    form = s.post(url, data="statement=CREATE (:Forged)",
                  headers={"X-Quiver-CSRF": csrf, "Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 403
    # A page served from another name that resolves to this machine (DNS rebinding).
    rebound = requests.post(url, json={"statement": "RETURN 1"}, auth=server.auth,
                            headers={"Host": f"rebind.example:{server.port}"})
    assert rebound.status_code == 403
    ok = s.post(url, json={"statement": "MATCH (n:Forged) RETURN count(n)"},
                headers={"X-Quiver-CSRF": csrf, "Origin": server.base})
    assert ok.status_code == 202 and ok.json()["data"]["values"] == [[0]]


def test_oversized_body_refused(server):
    big = {"statement": "RETURN $s", "parameters": {"s": "x" * (MAX_BODY + 10)}}
    r = requests.post(f"{server.base}/db/neo4j/query/v2", json=big, auth=server.auth)
    assert r.status_code == 413


def test_oversized_headers_refused(server):
    r = requests.post(f"{server.base}/db/neo4j/query/v2", json={"statement": "RETURN 1"}, auth=server.auth,
                      headers={"X-Padding": "y" * 20000})
    assert r.status_code in (400, 431)


def test_console_assets_served_locally(server):
    page = requests.get(f"{server.base}/", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "<script src=\"/console/app.js\"" in page.text
    assert "http" not in page.text.replace("http-equiv", "").split("<body>")[0].replace("http://www.w3.org", "")
    assert requests.get(f"{server.base}/console/graph.js").headers["Content-Type"].startswith("text/javascript")


def test_million_rows_stream_with_bounded_memory(server):
    before = server.rss_kib()
    peak = [before]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], server.rss_kib())
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.time()
    try:
        r = requests.post(f"{server.base}/db/neo4j/query/v2", auth=server.auth, stream=True,
                          headers={"Accept": "application/jsonl"},
                          json={"statement": "UNWIND range(1, 1000000) AS i RETURN i, 'row number ' + toString(i) AS s"})
        assert r.status_code == 202
        assert r.headers["Content-Type"] == "application/jsonl"
        records = 0
        last = None
        first = None
        for line in r.iter_lines():
            event = json.loads(line)
            if first is None:
                first = event
            if event["$event"] == "Record":
                records += 1
                last = event["_body"]
            else:
                final = event
    finally:
        stop.set()
        sampler.join()
    elapsed = time.time() - started
    assert first == {"$event": "Header", "_body": {"fields": ["i", "s"]}}
    assert records == 1_000_000
    assert last == [1000000, "row number 1000000"]
    assert final["$event"] == "Summary"
    growth_mib = (peak[0] - before) / 1024
    print(f"\n1M-row JSON Lines stream: {elapsed:.1f} s, server RSS growth {growth_mib:.1f} MiB")
    # The whole answer is about 50 MB of JSON; a server that buffered it would grow past that.
    assert growth_mib < 40
