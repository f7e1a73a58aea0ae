// editor.js: the query editor. A transparent textarea over a <pre> that holds the same text
// with Cypher tokens wrapped in spans (keywords, strings, numbers, parameters, labels,
// functions, comments); Ctrl+Enter runs; past queries are kept in localStorage.

/// The console's editor script.
enum ConsoleEditorScript {
  static let js = #"""
    "use strict";
    window.QuiverEditor = (function () {
      const KEYWORDS = new Set(("MATCH OPTIONAL WHERE RETURN WITH UNWIND AS CREATE MERGE SET DELETE DETACH REMOVE ORDER BY SKIP LIMIT " +
        "ASC ASCENDING DESC DESCENDING DISTINCT AND OR XOR NOT IN IS NULL TRUE FALSE CASE WHEN THEN ELSE END UNION ALL CALL YIELD " +
        "EXPLAIN PROFILE ON INDEX CONSTRAINT FOR REQUIRE UNIQUE SHOW INDEXES CONSTRAINTS EXISTS STARTS ENDS CONTAINS COUNT").split(" "));
      const TOKEN = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)|(\$[A-Za-z_][A-Za-z0-9_]*)|(:\s*`[^`]*`|:\s*[A-Za-z_][A-Za-z0-9_]*)|(\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b)|([A-Za-z_][A-Za-z0-9_.]*)(?=\s*\()|([A-Za-z_][A-Za-z0-9_]*)/g;
      const HISTORY_KEY = "quiver.history";

      function escape(text) {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      }

      /** The query as HTML with token spans. */
      function highlight(text) {
        let out = "";
        let last = 0;
        text.replace(TOKEN, function (match, comment, string, param, label, number, fn, word, offset) {
          out += escape(text.slice(last, offset));
          last = offset + match.length;
          let cls = comment ? "comment" : string ? "str" : param ? "param" : label ? "label" : number ? "num" :
            fn ? (KEYWORDS.has(fn.toUpperCase()) ? "kw" : "fn") : (KEYWORDS.has(word.toUpperCase()) ? "kw" : null);
          out += cls ? '<span class="' + cls + '">' + escape(match) + "</span>" : escape(match);
          return match;
        });
        return out + escape(text.slice(last)) + "\n";
      }

      function history() {
        try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]"); } catch (e) { return []; }
      }

      function remember(query) {
        const list = history().filter(function (q) { return q !== query; });
        list.unshift(query);
        localStorage.setItem(HISTORY_KEY, JSON.stringify(list.slice(0, 50)));
      }

      /** Wires the editor: highlighting, scrolling together, Ctrl+Enter calling `run`. */
      function attach(textarea, pre, run) {
        function refresh() {
          pre.innerHTML = highlight(textarea.value);
          pre.scrollTop = textarea.scrollTop;
        }
        textarea.addEventListener("input", refresh);
        textarea.addEventListener("scroll", function () { pre.scrollTop = textarea.scrollTop; });
        textarea.addEventListener("keydown", function (event) {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            run();
          }
        });
        refresh();
        return {
          get value() { return textarea.value; },
          set value(text) { textarea.value = text; refresh(); },
          focus: function () { textarea.focus(); },
        };
      }

      return { attach: attach, highlight: highlight, history: history, remember: remember };
    })();
    """#
}
