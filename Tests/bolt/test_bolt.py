# The official neo4j Python driver against `quiver serve`: queries with parameters, managed and
# explicit transactions, streaming a million rows with bounded server memory, every value type
# both ways, error classes and codes, authentication, concurrency, a client killed inside a
# transaction, garbage and oversized input, routing URLs and what tools call on connect.
import datetime
import os
import signal
import socket
import struct
import subprocess
import sys
import textwrap
import threading
import time

import neo4j
import pytest
import pytz
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, CypherSyntaxError, CypherTypeError
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import CartesianPoint, WGS84Point
from neo4j.time import Date, DateTime, Duration, Time


@pytest.fixture
def driver(server):
    with GraphDatabase.driver(server.uri, auth=server.auth) as d:
        yield d


def test_verify_connectivity_and_server_info(driver):
    driver.verify_connectivity()
    info = driver.get_server_info()
    assert info.agent.startswith("Neo4j/5")
    assert info.protocol_version >= (5, 0)


def test_execute_query_with_parameters(driver):
    records, summary, keys = driver.execute_query("UNWIND range(1, $n) AS i RETURN i, i * $k AS scaled", n=3, k=10)
    assert keys == ["i", "scaled"]
    assert [tuple(r) for r in records] == [(1, 10), (2, 20), (3, 30)]
    assert summary.query_type == "r"


def test_managed_write_and_counters(driver):
    driver.execute_query("MATCH (n:Managed) DETACH DELETE n")
    def work(tx):
        return tx.run("CREATE (a:Managed {name: $name})-[:KNOWS]->(b:Managed) RETURN a.name AS name", name="Ada").single()["name"]
    with driver.session() as session:
        assert session.execute_write(work) == "Ada"
        bookmarks = session.last_bookmarks()
        assert bookmarks
    records, summary, _ = driver.execute_query("MATCH (n:Managed) RETURN count(n) AS c", routing_="r")
    assert records[0]["c"] == 2
    _, summary, _ = driver.execute_query("MATCH (n:Managed) SET n.seen = true")
    assert summary.counters.properties_set == 2
    assert summary.counters.contains_updates
    # Labels count per node, as Neo4j counts them.
    driver.execute_query("MATCH (n:Counted) DETACH DELETE n")
    _, summary, _ = driver.execute_query("CREATE (:Counted:Twice), (:Counted)")
    assert (summary.counters.nodes_created, summary.counters.labels_added) == (2, 3)
    # Schema commands count what they created or dropped; IF NOT EXISTS on an existing one nothing.
    _, summary, _ = driver.execute_query("CREATE INDEX counted_name IF NOT EXISTS FOR (c:Counted) ON (c.name)")
    assert (summary.counters.indexes_added, summary.counters.contains_updates) == (1, True)
    _, summary, _ = driver.execute_query("CREATE INDEX counted_name IF NOT EXISTS FOR (c:Counted) ON (c.name)")
    assert (summary.counters.indexes_added, summary.counters.contains_updates) == (0, False)
    _, summary, _ = driver.execute_query("DROP INDEX counted_name")
    assert summary.counters.indexes_removed == 1


def test_explicit_transaction_rollback(driver):
    with driver.session() as session:
        tx = session.begin_transaction()
        tx.run("CREATE (:RolledBack {v: 1})").consume()
        assert tx.run("MATCH (r:RolledBack) RETURN count(r) AS c").single()["c"] == 1
        tx.rollback()
        assert session.run("MATCH (r:RolledBack) RETURN count(r) AS c").single()["c"] == 0
        with session.begin_transaction() as tx2:
            tx2.run("CREATE (:Committed {v: 2})")
            tx2.commit()
        assert session.run("MATCH (c:Committed) RETURN c.v AS v").single()["v"] == 2


def test_million_rows_stream_with_bounded_memory(server, driver):
    before = server.rss_kib()
    peak = before
    count = 0
    total = 0
    with driver.session(fetch_size=1000) as session:
        result = session.run("UNWIND range(1, 1000000) AS i RETURN i, 'row-' + toString(i) AS s")
        for record in result:
            count += 1
            total += record["i"]
            if count % 50000 == 0:
                peak = max(peak, server.rss_kib())
    print(f"\nserver RSS while streaming 1M rows: {before // 1024} MiB before, peak {peak // 1024} MiB")
    assert count == 1_000_000
    assert total == 1_000_000 * 1_000_001 // 2
    # Materialising the rows would take well over 100 MiB; streaming keeps the growth small.
    assert peak - before < 64 * 1024, f"server RSS grew by {(peak - before) // 1024} MiB"


VALUES = [
    None, True, False, 0, -1, 42, -17, 2**31, -(2**63), 2**63 - 1, 0.0, 1.5, -1e300, "", "ascii", "Größenmaßstäbe ✓",
    [1, "two", None, [3.0]], {"a": 1, "nested": {"b": [True]}},
    Date(2024, 2, 29), Time(13, 14, 15, 123456789, tzinfo=pytz.FixedOffset(-120)),
    Time(1, 2, 3, 4), DateTime(2024, 1, 2, 3, 4, 5, 6), 
    DateTime(2024, 1, 2, 3, 4, 5, 6, tzinfo=datetime.timezone(datetime.timedelta(hours=1))),
    Duration(months=14, days=3, seconds=7, nanoseconds=9),
    datetime.date(1969, 7, 20), datetime.datetime(2000, 1, 1, 12, 0, 0),
]


@pytest.mark.parametrize("value", VALUES, ids=[f"{type(v).__name__}-{i}" for i, v in enumerate(VALUES)])
def test_values_round_trip(driver, value):
    records, _, _ = driver.execute_query("RETURN $v AS v", v=value)
    back = records[0]["v"]
    assert back == value
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        assert type(back) is type(value)


def test_zoned_datetime_round_trip(driver):
    value = pytz.timezone("Europe/Stockholm").localize(DateTime(2024, 7, 1, 12, 30, 0, 0))
    back = driver.execute_query("RETURN $v AS v", v=value).records[0]["v"]
    assert back == value
    assert back.tzinfo.zone == "Europe/Stockholm"
    text = driver.execute_query("RETURN toString($v) AS s", v=value).records[0]["s"]
    assert text == "2024-07-01T12:30+02:00[Europe/Stockholm]"


def test_temporal_results_from_cypher(driver):
    rec = driver.execute_query(
        "RETURN date('2024-02-29') AS d, localdatetime('2024-01-02T03:04:05') AS ldt, "
        "datetime('2024-01-02T03:04:05+01:00') AS dt, duration('P1Y2M3DT4H') AS dur, localtime('10:11:12') AS lt"
    ).records[0]
    assert rec["d"] == Date(2024, 2, 29)
    assert rec["ldt"] == DateTime(2024, 1, 2, 3, 4, 5)
    assert rec["dt"] == DateTime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=1)))
    assert rec["dur"] == Duration(months=14, days=3, hours=4)
    assert rec["lt"] == Time(10, 11, 12)


@pytest.mark.parametrize("point", [
    CartesianPoint((1.5, -2.0)), CartesianPoint((1.0, 2.0, 3.0)),
    WGS84Point((12.56459, 55.672874)), WGS84Point((12.78, 56.7, 100.0)),
], ids=["cartesian", "cartesian-3d", "wgs-84", "wgs-84-3d"])
def test_points_round_trip(driver, point):
    rec = driver.execute_query("RETURN $p AS p, $p.srid AS srid, $p.x AS x, toString($p) AS s", p=point).records[0]
    assert rec["p"] == point
    assert type(rec["p"]) is type(point)
    assert rec["srid"] == point.srid
    assert rec["x"] == point[0]


def test_points_from_cypher(driver):
    rec = driver.execute_query(
        "RETURN point({x: 2.3, y: 4.5}) AS c, point({longitude: 12.78, latitude: 56.7, height: 100}) AS g, "
        "point.distance(point({x: 2.3, y: 4.5}), point({x: 1.1, y: 5.4})) AS d"
    ).records[0]
    assert rec["c"] == CartesianPoint((2.3, 4.5)) and rec["c"].srid == 7203
    assert rec["g"] == WGS84Point((12.78, 56.7, 100.0)) and rec["g"].srid == 4979
    assert rec["g"].height == 100.0
    assert rec["d"] == 1.5


def test_graph_values(driver):
    driver.execute_query("MATCH (n:G) DETACH DELETE n")
    rec = driver.execute_query(
        "CREATE p = (a:G:Start {name: 'a', n: 1})-[r:LINK {w: 0.5}]->(b:G {name: 'b'}) RETURN a, r, b, p"
    ).records[0]
    a, r, b, p = rec["a"], rec["r"], rec["b"], rec["p"]
    assert isinstance(a, Node) and set(a.labels) == {"G", "Start"} and dict(a) == {"name": "a", "n": 1}
    assert isinstance(r, Relationship) and r.type == "LINK" and r["w"] == 0.5
    assert r.start_node.element_id == a.element_id and r.end_node.element_id == b.element_id
    assert isinstance(p, Path) and [n["name"] for n in p.nodes] == ["a", "b"] and len(p.relationships) == 1
    back = driver.execute_query("MATCH (n:G) WHERE elementId(n) = $id RETURN n.name AS name", id=a.element_id)
    assert back.records[0]["name"] == "a"


def test_syntax_error_class(driver):
    with pytest.raises(CypherSyntaxError) as info:
        driver.execute_query("RETRUN 1")
    assert info.value.code == "Neo.ClientError.Statement.SyntaxError"


def test_missing_parameter_code(driver):
    with pytest.raises(ClientError) as info:
        driver.execute_query("RETURN $nope")
    assert info.value.code == "Neo.ClientError.Statement.ParameterMissing"


def test_type_error_class(driver):
    with pytest.raises(CypherTypeError) as info:
        driver.execute_query("UNWIND [true] AS b RETURN 1 + b")
    assert info.value.code == "Neo.ClientError.Statement.TypeError"


def test_session_usable_after_error(driver):
    with driver.session() as session:
        with pytest.raises(ClientError):
            session.run("RETURN 1/0").consume()
        assert session.run("RETURN 2 AS two").single()["two"] == 2


def test_wrong_password_rejected(server):
    with GraphDatabase.driver(server.uri, auth=(server.auth[0], "not-it")) as bad:
        with pytest.raises(AuthError) as info:
            bad.verify_connectivity()
        assert info.value.code == "Neo.ClientError.Security.Unauthorized"


def test_eight_concurrent_sessions_with_a_writer(driver):
    driver.execute_query("MATCH (c:Counter) DETACH DELETE c")
    driver.execute_query("CREATE (:Counter {v: 0})")
    errors = []
    reads = [0] * 8

    def reader(slot):
        try:
            with driver.session() as session:
                for _ in range(25):
                    v = session.run("MATCH (c:Counter) RETURN c.v AS v").single()["v"]
                    assert 0 <= v <= 50
                    reads[slot] += 1
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    def writer():
        try:
            with driver.session() as session:
                for _ in range(50):
                    session.execute_write(lambda tx: tx.run("MATCH (c:Counter) SET c.v = c.v + 1").consume())
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(7)] + [threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    assert reads[:7] == [25] * 7
    assert driver.execute_query("MATCH (c:Counter) RETURN c.v AS v").records[0]["v"] == 50


def test_client_killed_mid_transaction_releases_the_writer(server, driver):
    child = textwrap.dedent(f"""
        import sys, time
        from neo4j import GraphDatabase
        d = GraphDatabase.driver({server.uri!r}, auth={server.auth!r})
        s = d.session()
        tx = s.begin_transaction()
        tx.run("CREATE (:Killed)").consume()
        print("in-transaction", flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "in-transaction"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    start = time.time()
    with driver.session() as session:
        session.execute_write(lambda tx: tx.run("CREATE (:AfterKill)").consume())
    assert time.time() - start < 10
    assert driver.execute_query("MATCH (k:Killed) RETURN count(k) AS c").records[0]["c"] == 0


def closed_by_server(sock):
    """Whether the server closed `sock`: end of stream, or a reset when our bytes arrived after."""
    try:
        return sock.recv(4) == b""
    except ConnectionResetError:
        return True


def raw_connection(server):
    s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
    return s


def test_garbage_bytes_lose_only_their_connection(server, driver):
    s = raw_connection(server)
    s.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n" + os.urandom(512))
    s.settimeout(5)
    assert closed_by_server(s)
    s.close()
    # A valid handshake, then a message whose size is over the server's limit in 64 KiB chunks.
    s = raw_connection(server)
    s.sendall(b"\x60\x60\xb0\x17" + bytes([0, 0, 8, 5]) + bytes(12))
    assert s.recv(4) == bytes([0, 0, 8, 5])
    chunk = struct.pack(">H", 0xFFFF) + b"\x90" * 0xFFFF
    try:
        for _ in range(300):  # ~19 MiB, over the 16 MiB default
            s.sendall(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass
    s.close()
    assert driver.execute_query("RETURN 'still here' AS s").records[0]["s"] == "still here"


def test_routing_url(server):
    with GraphDatabase.driver(server.routing_uri, auth=server.auth) as d:
        d.verify_connectivity()
        records, _, _ = d.execute_query("RETURN 7 AS seven", routing_="r")
        assert records[0]["seven"] == 7
        d.execute_query("CREATE (:Routed)")


def test_what_tools_call_on_connect(driver):
    names = [r["name"] for r in driver.execute_query("SHOW DATABASES", database_="system").records]
    assert names == ["neo4j", "system"]
    comp = driver.execute_query("CALL dbms.components() YIELD name, versions, edition RETURN *").records[0]
    assert comp["name"] == "Neo4j Kernel"
    driver.execute_query("MERGE (:Tool {k: 1})-[:USES]->(:Thing)")
    labels = {r["label"] for r in driver.execute_query("CALL db.labels()").records}
    assert {"Tool", "Thing"} <= labels
    types = {r["relationshipType"] for r in driver.execute_query("CALL db.relationshipTypes()").records}
    assert "USES" in types
    keys = {r["propertyKey"] for r in driver.execute_query("CALL db.propertyKeys()").records}
    assert "k" in keys
    assert driver.execute_query("CALL db.ping()").records[0]["success"] is True
    viz = driver.execute_query("CALL db.schema.visualization()").records[0]
    assert {"Tool", "Thing"} <= {label for n in viz["nodes"] for label in n.labels}
    names = {n.element_id: next(iter(n.labels)) for n in viz["nodes"]}
    triples = {(names[r.start_node.element_id], r.type, names[r.end_node.element_id]) for r in viz["relationships"]}
    assert ("Tool", "USES", "Thing") in triples


def test_explain_and_profile_plans(driver):
    summary = driver.execute_query("EXPLAIN MATCH (n) RETURN n").summary
    assert summary.plan is not None
    assert "string-representation" in summary.plan["args"]
    assert summary.plan["operatorType"] == "ProduceResults"
    assert summary.plan["identifiers"] == ["n"]
    scan = summary.plan["children"][0]
    assert scan["operatorType"] == "AllNodesScan"
    assert scan["args"]["Details"] == "n"
    assert isinstance(scan["args"]["EstimatedRows"], float)
    summary = driver.execute_query("PROFILE UNWIND range(1, 3) AS i RETURN i").summary
    assert summary.profile is not None
    assert summary.profile["rows"] == 3
    unwind = summary.profile["children"][0]
    assert unwind["operatorType"] == "Unwind"
    assert unwind["rows"] == 3
    assert unwind["dbHits"] >= 0 and unwind["time"] >= 0


def test_notifications(driver):
    driver.execute_query("MERGE (:Known {k: 1})")
    summary = driver.execute_query("MATCH (n:NoSuchLabel) RETURN n.noSuchKey").summary
    codes = [n["code"] for n in summary.notifications]
    assert codes == ["Neo.ClientNotification.Statement.UnknownLabelWarning",
                     "Neo.ClientNotification.Statement.UnknownPropertyKeyWarning"]
    label = summary.notifications[0]
    assert label["severity"] == "WARNING" and label["category"] == "UNRECOGNIZED"
    assert label["position"] == {"offset": 6, "line": 1, "column": 7}
    statuses = [s.gql_status for s in summary.gql_status_objects]
    assert statuses[:2] == ["01N50", "01N52"]
    summary = driver.execute_query("MATCH (a:Known), (b:Known) RETURN a, b").summary
    product = [s for s in summary.gql_status_objects if s.gql_status == "03N90"]
    assert len(product) == 1
    assert product[0].classification == neo4j.NotificationClassification.PERFORMANCE
    assert product[0].position.column == 1
    assert not driver.execute_query("MATCH (n:Known) RETURN n.k").summary.notifications


def test_several_results_in_one_transaction(driver):
    # The driver pulls 1000 records at a time; the second RUN comes while the first result still
    # has rows, which the driver then pulls by the first result's qid.
    with driver.session() as session:
        with session.begin_transaction() as tx:
            first = tx.run("UNWIND range(1, 2500) AS i RETURN i")
            second = tx.run("UNWIND range(1, 2500) AS j RETURN j * 2 AS j")
            pairs = [(a["i"], b["j"]) for a, b in zip(first, second)]
            assert len(pairs) == 2500
            assert pairs[0] == (1, 2) and pairs[-1] == (2500, 5000)
            tx.run("CREATE (:Interleaved)").consume()
            tx.commit()
    assert driver.execute_query("MATCH (n:Interleaved) RETURN count(n) AS c").records[0]["c"] == 1


def test_a_transaction_past_its_timeout_fails_and_is_rolled_back(server):
    # The timeout given to begin_transaction applies to the transaction's statements, and the
    # failure is the client-configured timeout's code, as Neo4j reports it.
    with GraphDatabase.driver(server.uri, auth=server.auth) as d:
        with d.session() as session:
            tx = session.begin_transaction(timeout=0.2)
            tx.run("CREATE (:Stopped)").consume()
            with pytest.raises(ClientError) as info:
                tx.run("UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(i)").consume()
            assert info.value.code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"
            tx.close()
        assert d.execute_query("MATCH (n:Stopped) RETURN count(n) AS c").records[0]["c"] == 0


def test_bolt_4_4_client(server):
    # Offer only 4.4 through a raw handshake to check the server picks it.
    s = raw_connection(server)
    s.sendall(b"\x60\x60\xb0\x17" + bytes([0, 0, 4, 4]) + bytes(12))
    assert s.recv(4) == bytes([0, 0, 4, 4])
    s.close()


def test_security_defaults_refuse_unsafe_starts(server):
    binary = os.environ.get("QUIVER_BIN", ".build/debug/quiver")
    # No authentication on a non-loopback address is refused before binding.
    no_auth = subprocess.run([binary, "serve", "--no-auth", "--listen", "0.0.0.0:0"], capture_output=True, text=True,
                             timeout=30)
    assert no_auth.returncode == 2
    assert "non-loopback" in no_auth.stderr
    # An in-memory server must be told where its users are, or that there are none.
    bare = subprocess.run([binary, "serve", "--listen", "127.0.0.1:0"], capture_output=True, text=True, timeout=30)
    assert bare.returncode == 2
    assert "--users" in bare.stderr


def test_limits_connections_idle_time_and_query_time():
    from conftest import free_port, wait_for_port
    binary = os.environ.get("QUIVER_BIN", ".build/debug/quiver")
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--no-auth", "--listen", f"127.0.0.1:{port}", "--max-connections", "2",
                             "--idle-timeout", "2", "--query-timeout", "1"], stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(port, proc)
        time.sleep(0.5)  # the probe connection of wait_for_port has gone
        with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("x", "y"), max_connection_pool_size=1) as d:
            with d.session() as session:
                # A statement running past --query-timeout fails as in Neo4j 5, with a client error
                # that the driver does not retry; one past the client's own timeout says so.
                long = "UNWIND range(1, 2000000000) AS i WITH i WHERE i < 0 RETURN count(i)"
                with pytest.raises(ClientError) as info:
                    session.run(long).consume()
                assert info.value.code == "Neo.ClientError.Transaction.TransactionTimedOut"
                assert "timeout" in info.value.message
                assert not info.value.is_retryable()
                with pytest.raises(ClientError) as info:
                    session.run(neo4j.Query(long, timeout=0.1)).consume()
                assert info.value.code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"
                assert session.run("RETURN 1 AS one").single()["one"] == 1
                # The pool holds one connection; a raw second one fits, a third is closed at once.
                second = socket.create_connection(("127.0.0.1", port), timeout=5)
                time.sleep(0.3)
                third = socket.create_connection(("127.0.0.1", port), timeout=5)
                third.sendall(b"\x60\x60\xb0\x17" + bytes([0, 0, 8, 5]) + bytes(12))
                assert closed_by_server(third)
                third.close()
                # An idle connection is closed after --idle-timeout.
                second.settimeout(10)
                started = time.time()
                assert closed_by_server(second)
                assert time.time() - started < 8
                second.close()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_client_killed_mid_result(server, driver):
    child = textwrap.dedent(f"""
        from neo4j import GraphDatabase
        d = GraphDatabase.driver({server.uri!r}, auth={server.auth!r})
        s = d.session(fetch_size=100)
        result = s.run("UNWIND range(1, 5000000) AS i RETURN i")
        next(iter(result))
        print("streaming", flush=True)
        import time; time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "streaming"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert driver.execute_query("RETURN 'alive' AS a").records[0]["a"] == "alive"
    driver.execute_query("CREATE (:AfterResultKill)")


def test_tls_with_a_certificate_and_key(tmp_path):
    from conftest import free_port, wait_for_port
    binary = os.environ.get("QUIVER_BIN", ".build/debug/quiver")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=localhost"], check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--no-auth", "--listen", f"127.0.0.1:{port}", "--tls-cert", str(cert),
                             "--tls-key", str(key)], stderr=subprocess.PIPE, text=True)
    try:
        wait_for_port(port, proc)
        with GraphDatabase.driver(f"bolt+ssc://127.0.0.1:{port}", auth=("x", "y")) as d:
            assert d.execute_query("RETURN 'encrypted' AS e").records[0]["e"] == "encrypted"
        # A plain-text client gets a TLS alert instead of a Bolt version, which the driver reports as
        # an unsupported server.
        with GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("x", "y"), connection_timeout=3) as plain:
            with pytest.raises(neo4j.exceptions.UnsupportedServerProduct):
                plain.verify_connectivity()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
