// The console's one page: a login form, the schema sidebar, the query editor with parameters
// and history, and the result views (table, graph, plan). No inline script or style: the
// behaviour is in app.js, editor.js, views.js and graph.js, the look in console.css.

/// The console's HTML.
enum ConsolePage {
  static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Quiver Explorer</title>
    <link rel="stylesheet" href="/console/console.css">
    <script src="/console/editor.js" defer></script>
    <script src="/console/views.js" defer></script>
    <script src="/console/graph.js" defer></script>
    <script src="/console/app.js" defer></script>
    </head>
    <body>
    <header>
      <h1>Quiver Explorer</h1>
      <span id="who"></span>
      <button id="logout" type="button" hidden>Log out</button>
    </header>
    <section id="login" hidden>
      <form id="login-form">
        <h2>Log in</h2>
        <label>User <input id="login-user" name="user" autocomplete="username" required></label>
        <label>Password <input id="login-password" name="password" type="password" autocomplete="current-password" required></label>
        <button id="login-button" type="submit">Log in</button>
        <p id="login-error" class="error" hidden></p>
      </form>
    </section>
    <main id="app" hidden>
      <aside id="schema">
        <h2>Database <button id="schema-refresh" type="button" title="Refresh">&#x21bb;</button></h2>
        <h3>Node labels</h3><ul id="schema-labels"></ul>
        <h3>Relationship types</h3><ul id="schema-types"></ul>
        <h3>Property keys</h3><ul id="schema-keys"></ul>
        <h3>Indexes</h3><ul id="schema-indexes"></ul>
        <h3>Constraints</h3><ul id="schema-constraints"></ul>
        <h3>History</h3><ol id="history"></ol>
      </aside>
      <section id="work">
        <div id="editor">
          <pre id="highlight" aria-hidden="true"></pre>
          <textarea id="query" spellcheck="false" autocomplete="off" placeholder="MATCH (n) RETURN n LIMIT 25   (Ctrl+Enter runs)"></textarea>
        </div>
        <div id="controls">
          <button id="run" type="button" title="Ctrl+Enter">Run</button>
          <label>Parameters (JSON) <input id="params" value="{}" spellcheck="false"></label>
          <label>Caption <select id="caption"></select></label>
          <label>Node limit <input id="node-limit" type="number" min="1" max="100000"></label>
          <span id="status"></span>
        </div>
        <div id="error" class="error" hidden><pre id="error-text"></pre></div>
        <nav id="tabs">
          <button type="button" data-view="table" class="active">Table</button>
          <button type="button" data-view="graph">Graph</button>
          <button type="button" data-view="plan">Plan</button>
        </nav>
        <div id="view-table" class="view"></div>
        <div id="view-graph" class="view" hidden>
          <p id="graph-note" hidden></p>
          <svg id="graph" xmlns="http://www.w3.org/2000/svg"></svg>
          <div id="inspector" hidden></div>
        </div>
        <div id="view-plan" class="view" hidden></div>
      </section>
    </main>
    </body>
    </html>
    """#
}
