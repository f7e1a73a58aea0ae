# The browser console in headless Chromium (Debian's chromium and chromium-driver) driven by
# Selenium against `quiver serve --http` with authentication on: log in, run a query and read
# the table, switch to the graph and count the SVG's nodes and edges, inspect and expand a node,
# see the node cap's note, an error with its caret and a plan tree, log out. Saves screenshots
# into docs/images/ and reports how long 1,000 nodes and 2,000 relationships take to settle.
import os
import shutil
import socket
import subprocess
import tempfile
import time

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

USER = "carol"
PASSWORD = "console-pass-9"
IMAGES = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "images")

SEED = """
CREATE (ann:Person {name: 'Ann', age: 34}), (bob:Person {name: 'Bob', age: 29}),
       (cid:Person {name: 'Cid', age: 41}), (dee:Person {name: 'Dee', age: 25}),
       (oslo:City {name: 'Oslo'}), (rome:City {name: 'Rome'}),
       (ann)-[:KNOWS {since: 2019}]->(bob), (bob)-[:KNOWS {since: 2020}]->(cid),
       (cid)-[:KNOWS {since: 2021}]->(dee), (ann)-[:LIVES_IN]->(oslo), (ann)-[:VISITED]->(rome)
"""
BENCH = [
    "CREATE INDEX FOR (b:B) ON (b.i)",
    "UNWIND range(0, 999) AS i CREATE (:B {name: 'b' + toString(i), i: i})",
    "MATCH (a:B) MATCH (b:B) WHERE b.i = (a.i + 1) % 1000 CREATE (a)-[:BR]->(b)",
    "MATCH (a:B) MATCH (b:B) WHERE b.i = (a.i * 7 + 3) % 1000 CREATE (a)-[:BR]->(b)",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    binary = os.environ.get("QUIVER_BIN", ".build/debug/quiver")
    db = os.path.join(tempfile.mkdtemp(prefix="quiver-console-"), "graph.quiver")
    subprocess.run([binary, "user", "add", USER, "--db", db], input=PASSWORD + "\n", text=True, check=True,
                   capture_output=True)
    port = free_port()
    proc = subprocess.Popen([binary, "serve", db, "--no-bolt", "--http", f"127.0.0.1:{port}"], stderr=subprocess.PIPE,
                            text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while True:
        try:
            requests.get(base + "/session", timeout=1)
            break
        except requests.ConnectionError:
            if time.time() > deadline or proc.poll() is not None:
                raise RuntimeError("quiver serve did not start")
            time.sleep(0.1)
    for statement in [SEED] + BENCH:
        r = requests.post(base + "/db/neo4j/query/v2", json={"statement": statement}, auth=(USER, PASSWORD))
        assert r.status_code == 202, r.text
    yield base
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,700",
                     "--disable-gpu"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    yield driver
    driver.quit()


def wait(browser, condition, seconds=20):
    return WebDriverWait(browser, seconds).until(condition)


def run(browser, query):
    editor = browser.find_element(By.ID, "query")
    editor.send_keys(Keys.CONTROL, "a")
    editor.send_keys(Keys.DELETE)
    editor.send_keys(query)
    editor.send_keys(Keys.CONTROL, Keys.ENTER)


def tab(browser, name):
    browser.find_element(By.CSS_SELECTOR, f"#tabs button[data-view='{name}']").click()


def settled(browser):
    return wait(browser, lambda b: b.find_element(By.ID, "graph").get_attribute("data-settled"), 30)


def test_console_end_to_end(server, browser):
    os.makedirs(IMAGES, exist_ok=True)
    browser.get(server + "/")
    wait(browser, EC.visibility_of_element_located((By.ID, "login-form")))
    # A wrong password is refused with a message.
    browser.find_element(By.ID, "login-user").send_keys(USER)
    browser.find_element(By.ID, "login-password").send_keys("wrong")
    browser.find_element(By.ID, "login-button").click()
    wait(browser, EC.visibility_of_element_located((By.ID, "login-error")))
    assert browser.find_element(By.ID, "login-password").get_attribute("value") == ""
    browser.find_element(By.ID, "login-password").send_keys(PASSWORD)
    browser.find_element(By.ID, "login-button").click()
    wait(browser, EC.visibility_of_element_located((By.ID, "query")), 60)
    assert not browser.find_element(By.ID, "login").is_displayed()
    assert "carol" in browser.find_element(By.ID, "who").text
    # The sidebar lists labels with counts.
    wait(browser, lambda b: "Person (4)" in b.find_element(By.ID, "schema-labels").text)

    run(browser, "MATCH (a:Person)-[r:KNOWS]->(b:Person) RETURN a.name AS from, r, b ORDER BY from")
    rows = wait(browser, lambda b: b.find_elements(By.CSS_SELECTOR, "#result-table tbody tr"))
    assert len(rows) == 3
    assert rows[0].find_elements(By.TAG_NAME, "td")[0].text == '"Ann"'
    assert "KNOWS" in rows[0].find_elements(By.TAG_NAME, "td")[1].text
    assert "3 rows" in browser.find_element(By.ID, "status").text

    run(browser, "MATCH (a:Person)-[r:KNOWS]->(b:Person) RETURN a, r, b")
    wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, "#result-table tbody tr")) == 3)
    tab(browser, "graph")
    settled(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#graph [data-node]")) == 4
    assert len(browser.find_elements(By.CSS_SELECTOR, "#graph line[data-rel]")) == 3
    labels = [t.get_attribute("textContent") for t in browser.find_elements(By.CSS_SELECTOR, "#graph [data-node] text")]
    assert sorted(labels) == ["Ann", "Bob", "Cid", "Dee"]

    ann = next(n for n in browser.find_elements(By.CSS_SELECTOR, "#graph [data-node]")
               if n.find_element(By.TAG_NAME, "text").get_attribute("textContent") == "Ann")
    ann.find_element(By.TAG_NAME, "circle").click()
    inspector = wait(browser, EC.visibility_of_element_located((By.ID, "inspector")))
    assert "Person" in inspector.text and "34" in inspector.text
    # Double-click expands Ann's neighbours: Oslo and Rome join the drawing.
    ActionChains(browser).double_click(ann.find_element(By.TAG_NAME, "circle")).perform()
    wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, "#graph [data-node]")) == 6)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#graph line[data-rel]")) == 5
    settled(browser)
    browser.save_screenshot(os.path.join(IMAGES, "console-graph.png"))
    tab(browser, "table")
    browser.save_screenshot(os.path.join(IMAGES, "console-table.png"))

    # A syntax error is shown with its code and a caret under the column the server names.
    run(browser, "MATCH (n RETURN n")
    error = wait(browser, EC.visibility_of_element_located((By.ID, "error")))
    assert "Neo.ClientError.Statement.SyntaxError" in error.text
    assert "^" in error.text

    run(browser, "PROFILE MATCH (n:Person) WHERE n.age > 30 RETURN n.name")
    wait(browser, lambda b: "2 rows" in b.find_element(By.ID, "status").text)
    tab(browser, "plan")
    ops = browser.find_elements(By.CSS_SELECTOR, "#view-plan .plan-op")
    assert len(ops) >= 2
    assert any("rows=" in op.text for op in ops)
    browser.save_screenshot(os.path.join(IMAGES, "console-plan.png"))

    # The node cap: 1,000 nodes with the default limit of 300 are cut, with a note.
    run(browser, "MATCH (a:B)-[r:BR]->(b:B) RETURN a, r, b")
    wait(browser, lambda b: "2000 rows" in b.find_element(By.ID, "status").text, 60)
    tab(browser, "graph")
    note = wait(browser, EC.visibility_of_element_located((By.ID, "graph-note")))
    assert "Showing 300 of 1000 nodes" in note.text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#graph [data-node]")) == 300

    # Benchmark: 1,000 nodes and 2,000 relationships drawn and settled.
    limit = browser.find_element(By.ID, "node-limit")
    limit.clear()
    limit.send_keys("1000")
    started = time.time()
    run(browser, "MATCH (a:B)-[r:BR]->(b:B) RETURN a, r, b")
    wait(browser, lambda b: len(b.find_elements(By.CSS_SELECTOR, "#graph [data-node]")) == 1000, 60)
    simulation_ms = int(settled(browser))
    total = time.time() - started
    assert len(browser.find_elements(By.CSS_SELECTOR, "#graph line[data-rel]")) == 2000
    print(f"\n1,000 nodes + 2,000 relationships: layout settled in {simulation_ms} ms "
          f"(query, transfer, drawing and layout: {total:.2f} s)")

    browser.find_element(By.ID, "logout").click()
    wait(browser, EC.visibility_of_element_located((By.ID, "login-form")))
    status = browser.execute_async_script(
        "const done = arguments[0]; fetch('/session').then(r => done(r.status));")
    assert status == 401
