// app.js: the console's wiring. Logs in (or finds the cookie's login), keeps the CSRF token for
// every POST, runs queries through the Query API in typed JSON, and fills the table, graph and
// plan views, the inspector, history and the schema sidebar.

/// The console's main script.
enum ConsoleAppScript {
  static let js = #"""
    "use strict";
    (function () {
      const $ = function (id) { return document.getElementById(id); };
      const V = window.QuiverViews;
      const state = { csrf: "", nodeLimit: 300, graph: null, last: null, busy: false };

      async function call(method, path, body) {
        const headers = { "Accept": "application/vnd.neo4j.query.v1.1, application/json" };
        if (body !== undefined) headers["Content-Type"] = "application/json";
        if (state.csrf) headers["X-Quiver-CSRF"] = state.csrf;
        const response = await fetch(path, { method: method, headers: headers, credentials: "same-origin",
          body: body === undefined ? undefined : JSON.stringify(body) });
        let json = null;
        try { json = await response.json(); } catch (e) { json = null; }
        return { status: response.status, json: json };
      }

      function loggedIn(session) {
        state.csrf = session.csrf || "";
        state.nodeLimit = session.nodeLimit || 300;
        $("node-limit").value = state.nodeLimit;
        $("who").textContent = session.user ? "Logged in as " + session.user : "Authentication off";
        $("logout").hidden = !session.authentication;
        $("login").hidden = true;
        $("app").hidden = false;
        state.graph = new window.QuiverGraph.Graph($("graph"), { onSelect: inspect, onExpand: expand });
        state.editor.focus();
        loadSchema();
        showHistory();
      }

      async function start() {
        state.editor = window.QuiverEditor.attach($("query"), $("highlight"), run);
        const session = await call("GET", "/session");
        if (session.status === 200) loggedIn(session.json); else $("login").hidden = false;
      }

      $("login-form").addEventListener("submit", async function (event) {
        event.preventDefault();
        const answer = await call("POST", "/login", { user: $("login-user").value, password: $("login-password").value });
        $("login-password").value = "";
        if (answer.status === 200) {
          $("login-error").hidden = true;
          loggedIn(answer.json);
        } else {
          $("login-error").textContent = (answer.json && answer.json.errors && answer.json.errors[0].message) || "login failed";
          $("login-error").hidden = false;
        }
      });

      $("logout").addEventListener("click", async function () {
        await call("POST", "/logout");
        state.csrf = "";
        $("app").hidden = true;
        $("login").hidden = false;
        $("who").textContent = "";
        $("logout").hidden = true;
      });

      async function loadSchema() {
        const answer = await call("GET", "/db/neo4j/schema");
        if (answer.status === 200) V.schema(answer.json, function (query) { state.editor.value = query; state.editor.focus(); });
      }
      $("schema-refresh").addEventListener("click", loadSchema);

      function showHistory() {
        const list = $("history");
        list.textContent = "";
        window.QuiverEditor.history().slice(0, 20).forEach(function (query) {
          const li = V.element("li", { title: query }, [query.length > 60 ? query.slice(0, 57) + "..." : query]);
          li.addEventListener("click", function () { state.editor.value = query; state.editor.focus(); });
          list.append(li);
        });
      }

      /** Every node and relationship inside the rows, each once. */
      function collect(rows) {
        const nodes = new Map(), rels = new Map();
        function walk(v) {
          if (Array.isArray(v)) return v.forEach(walk);
          if (!v || typeof v !== "object") return;
          if (v.kind === "node") nodes.set(v.id, v);
          else if (v.kind === "rel") rels.set(v.id, v);
          else if (v.kind === "path") v.items.forEach(walk);
          else if (v.kind === "map") Object.values(v.entries).forEach(walk);
        }
        rows.forEach(walk);
        return { nodes: Array.from(nodes.values()), rels: Array.from(rels.values()) };
      }

      /** Node size from a centrality column and colour from a community column, for rows that
          hold one node beside numbers (algo.* and report results). */
      function extras(fields, rows) {
        const out = { size: {}, group: {} };
        const nodeAt = rows.length ? rows[0].findIndex(function (v) { return v && v.kind === "node"; }) : -1;
        if (nodeAt < 0) return out;
        const numeric = fields.map(function (f, i) { return i !== nodeAt && rows.every(function (r) { return typeof r[i] === "number"; }); });
        const groupAt = fields.findIndex(function (f, i) { return numeric[i] && /communit|component|cluster|group|partition|louvain/i.test(f); });
        const sizeAt = fields.findIndex(function (f, i) { return numeric[i] && i !== groupAt; });
        if (sizeAt >= 0) {
          const values = rows.map(function (r) { return r[sizeAt]; });
          const lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
          rows.forEach(function (r) { out.size[r[nodeAt].id] = hi > lo ? (r[sizeAt] - lo) / (hi - lo) : 0.5; });
        }
        if (groupAt >= 0) rows.forEach(function (r) { out.group[r[nodeAt].id] = r[groupAt]; });
        return out;
      }

      function fillCaptions() {
        const select = $("caption");
        const keys = state.graph.keys();
        select.textContent = "";
        keys.forEach(function (k) { select.append(V.element("option", { value: k }, [k])); });
        const preferred = ["name", "title", "id"].find(function (k) { return keys.indexOf(k) >= 0; }) || keys[0];
        if (preferred) { select.value = preferred; state.graph.setCaption(preferred); }
      }
      $("caption").addEventListener("change", function () { state.graph.setCaption($("caption").value); });

      function note(counts) {
        const text = counts.total > counts.shown ? "Showing " + counts.shown + " of " + counts.total + " nodes (the limit is " + state.nodeLimit + ")." : "";
        $("graph-note").textContent = text;
        $("graph-note").hidden = !text;
      }

      async function run() {
        const query = state.editor.value.trim();
        if (!query || state.busy) return;
        let parameters;
        try { parameters = JSON.parse($("params").value || "{}"); } catch (e) {
          V.error($("error"), $("error-text"), query, { message: "Parameters are not valid JSON: " + e.message });
          return;
        }
        state.nodeLimit = Math.max(1, Number($("node-limit").value) || state.nodeLimit);
        state.busy = true;
        $("error").hidden = true;
        $("status").textContent = "Running...";
        window.QuiverEditor.remember(query);
        showHistory();
        const began = performance.now();
        const answer = await call("POST", "/db/neo4j/query/v2", { statement: query, parameters: parameters, includeCounters: true });
        state.busy = false;
        const ms = Math.round(performance.now() - began);
        if (answer.status !== 202) {
          $("status").textContent = "Failed after " + ms + " ms";
          const err = (answer.json && answer.json.errors && answer.json.errors[0]) || { message: "HTTP " + answer.status };
          V.error($("error"), $("error-text"), query, err);
          return;
        }
        const fields = answer.json.data.fields;
        const rows = answer.json.data.values.map(function (row) { return row.map(V.decode); });
        state.last = { fields: fields, rows: rows, summary: answer.json };
        V.table($("view-table"), fields, rows);
        V.plan($("view-plan"), answer.json);
        const found = collect(rows);
        note(state.graph.show(found.nodes, found.rels, state.nodeLimit, extras(fields, rows)));
        fillCaptions();
        $("inspector").hidden = true;
        $("status").textContent = rows.length + " row" + (rows.length === 1 ? "" : "s") + " in " + ms + " ms";
        if (answer.json.counters && answer.json.counters.containsUpdates) loadSchema();
      }
      $("run").addEventListener("click", run);

      function inspect(item, kind) {
        const box = $("inspector");
        if (!item) { box.hidden = true; return; }
        box.textContent = "";
        const title = kind === "node" ? item.labels.map(function (l) { return ":" + l; }).join("") + " #" + item.id : "[:" + item.type + "] #" + item.id;
        box.append(V.element("h4", {}, [title]));
        const rows = Object.keys(item.props).sort().map(function (k) {
          return V.element("tr", {}, [V.element("th", {}, [k]), V.element("td", {}, [V.text(item.props[k])])]);
        });
        box.append(V.element("table", { id: "inspector-table" }, rows));
        box.hidden = false;
      }

      async function expand(node) {
        const answer = await call("POST", "/db/neo4j/query/v2", {
          statement: "MATCH (n)-[r]-(m) WHERE id(n) = $id RETURN n, r, m LIMIT 100", parameters: { id: Number(node.id) } });
        if (answer.status !== 202) return;
        const found = collect(answer.json.data.values.map(function (row) { return row.map(V.decode); }));
        note(state.graph.add(found.nodes, found.rels, state.nodeLimit, {}, node));
        fillCaptions();
      }

      document.querySelectorAll("#tabs button").forEach(function (button) {
        button.addEventListener("click", function () {
          document.querySelectorAll("#tabs button").forEach(function (b) { b.classList.toggle("active", b === button); });
          ["table", "graph", "plan"].forEach(function (v) { $("view-" + v).hidden = v !== button.dataset.view; });
          if (button.dataset.view === "graph" && state.graph) state.graph.fit();
        });
      });

      start();
    })();
    """#
}
