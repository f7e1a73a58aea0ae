// views.js: typed JSON decoded into console values, the result table, the plan tree (from the
// plan text of EXPLAIN/PROFILE), the schema sidebar, and errors shown with a caret under the
// position the server reported.

/// The console's view script.
enum ConsoleViewsScript {
  static let js = #"""
    "use strict";
    window.QuiverViews = (function () {
      /** A typed JSON value as a console value: nodes, relationships, paths, maps and temporals
          become tagged objects, lists arrays, numbers numbers. */
      function decode(t) {
        if (t === null || typeof t !== "object") return t;
        const v = t._value;
        switch (t.$type) {
          case "Null": return null;
          case "Boolean": case "String": return v;
          case "Integer": case "Float": return Number(v);
          case "List": return v.map(decode);
          case "Map": {
            const entries = {};
            Object.keys(v).forEach(function (k) { entries[k] = decode(v[k]); });
            return { kind: "map", entries: entries };
          }
          case "Node": return { kind: "node", id: v._element_id, labels: v._labels, props: plainProps(v._properties) };
          case "Relationship": return { kind: "rel", id: v._element_id, type: v._type, start: v._start_node_element_id,
            end: v._end_node_element_id, props: plainProps(v._properties) };
          case "Path": return { kind: "path", items: v.map(decode) };
          default: return { kind: "temporal", type: t.$type, text: String(v) };
        }
      }

      function plainProps(typed) {
        const out = {};
        Object.keys(typed || {}).forEach(function (k) { out[k] = decode(typed[k]); });
        return out;
      }

      /** Cypher-like text of a console value. */
      function text(v) {
        if (v === null || v === undefined) return "null";
        if (Array.isArray(v)) return "[" + v.map(text).join(", ") + "]";
        if (typeof v === "string") return JSON.stringify(v);
        if (typeof v !== "object") return String(v);
        switch (v.kind) {
          case "map": return mapText(v.entries);
          case "node": return "(" + v.labels.map(function (l) { return ":" + l; }).join("") + " " + mapText(v.props) + ")";
          case "rel": return "[:" + v.type + " " + mapText(v.props) + "]";
          case "path": return v.items.map(text).join("-");
          case "temporal": return v.text;
        }
        return String(v);
      }

      function mapText(entries) {
        return "{" + Object.keys(entries).map(function (k) { return k + ": " + text(entries[k]); }).join(", ") + "}";
      }

      function element(tag, attrs, children) {
        const el = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
        (children || []).forEach(function (c) { el.append(c); });
        return el;
      }

      /** The result as a table. */
      function table(container, fields, rows) {
        container.textContent = "";
        const head = element("tr", {}, fields.map(function (f) { return element("th", {}, [f]); }));
        const body = rows.map(function (row) {
          return element("tr", {}, row.map(function (v) { return element("td", {}, [text(v)]); }));
        });
        container.append(element("table", { id: "result-table" }, [element("thead", {}, [head]), element("tbody", {}, body)]));
      }

      /** The operator tree of a plan's text: each line an operator, children indented deeper. */
      function parsePlan(planText) {
        const root = { children: [], depth: -1 };
        const stack = [root];
        planText.split("\n").forEach(function (line) {
          const at = line.search(/[A-Za-z]/);
          if (at < 0) return;
          const body = line.slice(at);
          const stats = body.match(/\s*\(?(rows=.*)$/);
          const node = { depth: at, children: [], text: stats ? body.slice(0, stats.index) : body, stats: stats ? stats[1].replace(/\)$/, "") : "" };
          while (stack.length > 1 && stack[stack.length - 1].depth >= at) stack.pop();
          stack[stack.length - 1].children.push(node);
          stack.push(node);
        });
        return root.children;
      }

      function plan(container, summary) {
        container.textContent = "";
        const p = summary && (summary.profiledQueryPlan || summary.queryPlan);
        if (!p) {
          container.append(element("p", {}, ["Run a query with EXPLAIN or PROFILE to see its plan."]));
          return;
        }
        const textPlan = (p.args && p.args["string-representation"]) || (p.arguments && p.arguments["string-representation"]) || "";
        function draw(nodes) {
          return nodes.map(function (n) {
            const name = n.text.split(" ")[0];
            const op = element("div", { class: "plan-op" }, [element("b", {}, [name]), " " + n.text.slice(name.length)]);
            if (n.stats) op.append(element("span", { class: "plan-stats" }, [n.stats]));
            return element("div", { class: "plan-node" }, [op].concat(draw(n.children)));
          });
        }
        draw(parsePlan(textPlan)).forEach(function (n) { container.append(n); });
      }

      /** An error, with the query line and a caret when the message names a position. */
      function error(box, pre, query, err) {
        let message = (err.code ? err.code + "\n" : "") + err.message;
        const at = /line (\d+), column (\d+)/.exec(err.message || "");
        if (at) {
          const line = query.split("\n")[Number(at[1]) - 1] || "";
          message += "\n\n" + line + "\n" + " ".repeat(Math.max(0, Number(at[2]) - 1)) + "^";
        }
        pre.textContent = message;
        box.hidden = false;
      }

      function quote(name) { return "`" + name.replace(/`/g, "``") + "`"; }

      /** Fills the schema sidebar; clicking an item puts a query in the editor. */
      function schema(s, insert) {
        function fill(id, items, label, query) {
          const list = document.getElementById(id);
          list.textContent = "";
          items.forEach(function (item) {
            const li = element("li", {}, [label(item)]);
            li.addEventListener("click", function () { insert(query(item)); });
            list.append(li);
          });
        }
        function counted(item) { return element("span", {}, [item.name + " ", element("span", { class: "count" }, ["(" + item.count + ")"])]); }
        fill("schema-labels", s.labels, counted, function (l) { return "MATCH (n:" + quote(l.name) + ") RETURN n LIMIT 25"; });
        fill("schema-types", s.relationshipTypes, counted, function (t) { return "MATCH p = ()-[:" + quote(t.name) + "]->() RETURN p LIMIT 25"; });
        fill("schema-keys", s.propertyKeys, function (k) { return k; }, function (k) { return "MATCH (n) WHERE n." + quote(k) + " IS NOT NULL RETURN n LIMIT 25"; });
        fill("schema-indexes", s.indexes, function (i) { return i.name || text({ kind: "map", entries: i }); }, function () { return "SHOW INDEXES"; });
        fill("schema-constraints", s.constraints, function (c) { return c.name || text({ kind: "map", entries: c }); }, function () { return "SHOW CONSTRAINTS"; });
      }

      return { decode: decode, text: text, table: table, plan: plan, parsePlan: parsePlan, error: error, schema: schema, element: element };
    })();
    """#
}
