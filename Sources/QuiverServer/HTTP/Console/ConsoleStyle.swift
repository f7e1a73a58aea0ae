// The console's style sheet: a sidebar, the editor (a transparent textarea over its highlighted
// copy), result tabs, the table, the graph canvas and the plan tree.

/// The console's CSS.
enum ConsoleStyle {
  static let css = #"""
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d2330; background: #f5f6f8; }
    header { display: flex; align-items: center; gap: 1em; padding: .4em 1em; background: #1d2330; color: #fff; }
    header h1 { font-size: 1.1em; margin: 0; flex: 1; }
    button { font: inherit; cursor: pointer; border: 1px solid #b8bfcc; background: #fff; border-radius: 4px; padding: .2em .7em; }
    #run { background: #2f6fde; color: #fff; border-color: #2f6fde; }
    #login { display: flex; justify-content: center; padding-top: 10vh; }
    #login form { background: #fff; padding: 2em; border-radius: 8px; display: grid; gap: .8em; min-width: 18em; }
    #login label { display: grid; gap: .2em; }
    main { display: grid; grid-template-columns: 16em 1fr; height: calc(100vh - 2.4em); }
    [hidden] { display: none !important; }
    aside { overflow: auto; padding: .5em 1em; background: #fff; border-right: 1px solid #dde1e8; }
    aside h2 { font-size: 1em; } aside h3 { font-size: .85em; margin: 1em 0 .3em; color: #5a6375; }
    aside ul, aside ol { margin: 0; padding-left: 1.2em; }
    aside li { cursor: pointer; } aside li:hover { text-decoration: underline; }
    .count { color: #7a8396; font-size: .85em; }
    #work { display: flex; flex-direction: column; min-width: 0; padding: .6em 1em; gap: .5em; overflow: hidden; }
    #editor { position: relative; height: 7.5em; font: 14px/1.4 ui-monospace, monospace; }
    #editor pre, #editor textarea { position: absolute; inset: 0; margin: 0; padding: .5em; font: inherit; white-space: pre-wrap;
      overflow-wrap: anywhere; border: 1px solid #b8bfcc; border-radius: 4px; overflow: auto; }
    #editor pre { background: #fff; color: #1d2330; }
    #editor textarea { background: transparent; color: transparent; caret-color: #1d2330; resize: none; }
    .kw { color: #7a2fb5; font-weight: 600; } .str { color: #18794e; } .num { color: #b54708; }
    .param { color: #c2185b; } .label { color: #1f5fbf; } .comment { color: #8a93a6; font-style: italic; } .fn { color: #0e7490; }
    #controls { display: flex; gap: 1em; align-items: center; flex-wrap: wrap; }
    #params { font-family: ui-monospace, monospace; width: 18em; }
    #node-limit { width: 5em; }
    #status { color: #5a6375; }
    .error { background: #fdecec; border: 1px solid #f1a9a9; border-radius: 4px; padding: .3em .8em; color: #8a1c1c; }
    .error pre { margin: 0; font: 13px/1.4 ui-monospace, monospace; white-space: pre-wrap; }
    #tabs button.active { background: #1d2330; color: #fff; }
    .view { flex: 1; overflow: auto; background: #fff; border: 1px solid #dde1e8; border-radius: 4px; position: relative; min-height: 0; }
    table { border-collapse: collapse; font: 13px ui-monospace, monospace; }
    th, td { border-bottom: 1px solid #e7e9ee; padding: .25em .7em; text-align: left; vertical-align: top; }
    th { position: sticky; top: 0; background: #f0f2f5; }
    #view-graph { overflow: hidden; }
    #graph { width: 100%; height: 100%; display: block; cursor: grab; }
    #graph text { font: 11px system-ui, sans-serif; pointer-events: none; }
    #graph .edge-label { fill: #5a6375; font-size: 9px; }
    #graph .no-labels .edge-label { display: none; }
    #graph-note { position: absolute; margin: .4em; padding: .2em .6em; background: #fff7e0; border: 1px solid #f0d48a; border-radius: 4px; }
    #inspector { position: absolute; right: .5em; top: .5em; max-width: 22em; max-height: 90%; overflow: auto; background: #fff;
      border: 1px solid #b8bfcc; border-radius: 6px; padding: .5em .8em; font-size: 13px; }
    #inspector table { font-size: 12px; }
    .plan-node { margin-left: 1.4em; border-left: 2px solid #d0d5de; padding-left: .6em; }
    .plan-op { display: inline-block; margin: .25em 0; padding: .2em .6em; background: #eef2fb; border: 1px solid #c5d1ea; border-radius: 4px;
      font: 12px ui-monospace, monospace; }
    .plan-op b { color: #1f5fbf; } .plan-stats { color: #b54708; margin-left: .6em; }
    """#
}
