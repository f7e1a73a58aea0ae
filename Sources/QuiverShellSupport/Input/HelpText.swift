// What `:help` prints: an overview of the shell's commands and keys, and one topic per command
// for `:help NAME` (`:help param`, `:help :begin`).

/// The shell's help texts.
package enum HelpText {
  /// What a bare `:help` prints.
  package static let overview = """
    Type Cypher statements ending with ';'. A statement may span several lines: the
    prompt turns into '...>' until its ';' arrives.

    Commands, typed at the start of a statement (:help NAME explains one):
      :begin / :commit / :rollback   Run the next statements in one transaction
      :param NAME => EXPR     Set the parameter $NAME to the value of a Cypher expression
      :params                 List the parameters that are set
      :clear params           Forget all parameters
      :source FILE            Run the statements and commands in FILE
      :format NAME            Write results as table, csv, tsv, json, jsonl or markdown
      :timing on|off          Show how long each statement took
      :notifications on|off   Show warnings about statements (unknown labels, cartesian products)
      :explain / :profile     Prefix every statement with EXPLAIN / PROFILE (toggles)
      :timeout SECONDS|off    Stop statements that run longer than this
      :schema                 Labels, relationship types and property keys with counts
      :checkpoint             Write a snapshot of the on-disk database and empty its log
      :export dot|mermaid FILE  Write the nodes and relationships of the last result
      :history                The numbered history of this and earlier sessions
      :help [NAME]            Show this help, or the help of one command
      :quit, :exit            Leave the shell (Ctrl-D also works)

    Keys: Tab completes keywords, commands, labels (after ':'), relationship types,
    property keys (after '.'), procedures (after CALL) and functions. Ctrl-R searches
    the history; Ctrl-C stops a running statement or clears the input. History is
    kept in ~/.quiver_history; set QUIVER_HISTORY to use another file, or to "" for none.
    """

  /// Topic name (without `:`) → its text.
  package static let topics: [String: String] = [
    "begin": """
      :begin      Start a transaction. Until :commit or :rollback, statements see each
                  other's changes and nobody else does; the prompt reads quiver(tx)>.
                  A failing statement is undone alone and the transaction stays open.
                  Leaving the shell (or the end of a script) rolls an open transaction back.
      :commit     Make the transaction's changes visible and end it.
      :rollback   Throw the transaction's changes away and end it.
      """,
    "param": """
      :param NAME => EXPR   Evaluates EXPR with RETURN EXPR AS value and binds the value to
                            $NAME for every later statement, e.g. :param limit => 10.
      :params               Lists the parameters as :param lines.
      :clear params         Forgets all parameters.
      :param lines whose name looks like a secret (password, token, key, ...) are not saved
      in the history file.
      """,
    "source": """
      :source FILE   Runs the statements and commands in FILE as if typed here, stopping at
                     the first error. Files may :source others, up to 10 levels deep.
      """,
    "format": """
      :format table|csv|tsv|json|jsonl|markdown
          table     aligned text tables with a summary line (the default)
          csv       RFC 4180 comma-separated values with a header line
          tsv       tab-separated values, tabs and line breaks escaped
          json      one JSON array of row objects per result
          jsonl     one JSON object per row and line
          markdown  a Markdown table
      """,
    "timing": ":timing on|off   Show or hide the elapsed time after each result.",
    "notifications": """
      :notifications on|off   Show or hide the warnings and hints a statement raises, such as a
                              label, relationship type or property key the graph does not hold,
                              or a MATCH that builds a cartesian product. They are written to
                              standard error after the result. On by default in the shell.
      """,
    "explain": """
      :explain [on|off]   While on, every statement is prefixed with EXPLAIN: its plan is
                          shown and nothing runs. Without an argument it toggles.
      :profile [on|off]   While on, every statement is prefixed with PROFILE: it runs and its
                          plan is shown with the result. Without an argument it toggles.
      """,
    "timeout": """
      :timeout SECONDS|off   Statements running longer than SECONDS fail with a Cancelled
                             error (fractions allowed, e.g. 0.5). The command line option
                             --timeout SECONDS sets the same bound.
      """,
    "schema": """
      :schema   Lists the labels and relationship types in use with how many nodes and
                relationships carry them, and the property keys with how many nodes and
                relationships have them.
      """,
    "checkpoint": """
      :checkpoint   On a database opened on a directory (quiver DIR), writes a snapshot of
                    everything committed and empties the write-ahead log, as CALL db.checkpoint()
                    does, then shows the snapshot's size and how many log bytes it removed.
                    Opening the directory later loads the snapshot instead of replaying the log.
                    An in-memory database has nothing to checkpoint.
      """,
    "export": """
      :export dot FILE       Writes the nodes, relationships and paths of the last result as
                             a Graphviz graph (render with dot -Tsvg FILE).
      :export mermaid FILE   Writes them as a Mermaid flowchart.
      """,
    "history": """
      :history   Lists the history, oldest first, numbered. Up and down arrows walk it and
                 Ctrl-R searches it. It is kept in ~/.quiver_history (or $QUIVER_HISTORY),
                 at most 1000 entries, without repeats of the entry before.
      """,
    "help": ":help [NAME]   Shows the list of commands, or the help of the command NAME.",
    "quit": ":quit, :exit   Leaves the shell, rolling back an open transaction. Ctrl-D too.",
  ]

  /// Other names a topic is found under.
  private static let aliases: [String: String] = [
    "commit": "begin", "rollback": "begin", "transaction": "begin", "transactions": "begin",
    "params": "param", "parameters": "param", "clear": "param", "profile": "explain",
    "exit": "quit", "h": "help", "?": "help", "q": "quit",
  ]

  /// The text for `topic` (with or without its `:`), or nil when there is none.
  package static func topic(_ name: String) -> String? {
    var key = name.trimmingWhitespace().lowercased()
    if key.hasPrefix(":") { key.removeFirst() }
    return topics[aliases[key] ?? key]
  }
}
