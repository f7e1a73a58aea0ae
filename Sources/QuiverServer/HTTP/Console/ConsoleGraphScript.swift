// graph.js: the force-directed drawing in SVG. Nodes are circles coloured by label (or by a
// community column) and sized by a centrality column, captioned by a chosen property;
// relationships are lines labelled by type. Repulsion uses a grid of cells so a tick costs
// about O(n) rather than O(n²); several ticks run per frame until the layout settles. Drag a
// node, drag the background to pan, wheel to zoom, click for properties, double-click to expand.

/// The console's graph script.
enum ConsoleGraphScript {
  static let js = #"""
    "use strict";
    window.QuiverGraph = (function () {
      const SVG = "http://www.w3.org/2000/svg";
      const PALETTE = ["#4c8eda", "#f79767", "#57c7e3", "#f16667", "#d9c8ae", "#8dcc93", "#ecb5c9", "#ffc454", "#da7194", "#569480", "#c990c0", "#a5abb6"];
      const CELL = 90;

      function colour(key) {
        let h = 0;
        const s = String(key);
        for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
        return PALETTE[Math.abs(h) % PALETTE.length];
      }

      function make(tag, attrs, parent) {
        const el = document.createElementNS(SVG, tag);
        Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
        if (parent) parent.appendChild(el);
        return el;
      }

      /** A drawing in `svg`; `options.onSelect(item)` and `options.onExpand(node)` are called on
          click and double-click. */
      function Graph(svg, options) {
        this.svg = svg;
        this.options = options;
        this.nodes = new Map();
        this.rels = new Map();
        this.caption = "name";
        this.view = { x: 0, y: 0, k: 1 };
        this.frame = null;
        svg.textContent = "";
        this.viewport = make("g", {}, svg);
        this.edgeLayer = make("g", { class: "edges" }, this.viewport);
        this.nodeLayer = make("g", { class: "nodes" }, this.viewport);
        this.listen();
      }

      /** Replaces the drawing with `nodes` and `rels` (at most `limit` nodes); returns how many
          nodes there were and how many are drawn. */
      Graph.prototype.show = function (nodes, rels, limit, extras) {
        this.nodes.clear();
        this.rels.clear();
        this.edgeLayer.textContent = "";
        this.nodeLayer.textContent = "";
        this.view = { x: this.svg.clientWidth / 2 || 400, y: this.svg.clientHeight / 2 || 300, k: 1 };
        this.userMoved = false;
        return this.add(nodes, rels, limit, extras);
      };

      /** Adds nodes and relationships not drawn yet, new nodes placed near `near` when given. */
      Graph.prototype.add = function (nodes, rels, limit, extras, near) {
        const total = new Set(Array.from(this.nodes.keys()).concat(nodes.map(function (n) { return n.id; }))).size;
        const self = this;
        extras = extras || {};
        nodes.forEach(function (n) {
          if (self.nodes.has(n.id) || self.nodes.size >= limit) return;
          const i = self.nodes.size;
          const r = 10 * Math.sqrt(0.5 + i), a = i * 2.39996;
          const node = { id: n.id, labels: n.labels, props: n.props, x: (near ? near.x : 0) + r * Math.cos(a), y: (near ? near.y : 0) + r * Math.sin(a), vx: 0, vy: 0 };
          const weight = extras.size && extras.size[n.id];
          node.radius = weight === undefined ? 18 : 10 + 22 * weight;
          const group = extras.group && extras.group[n.id];
          node.colour = colour(group !== undefined ? "g" + group : (n.labels[0] || ""));
          node.el = make("g", { "data-node": n.id, class: "node" }, self.nodeLayer);
          make("circle", { r: node.radius, fill: node.colour, stroke: "#fff", "stroke-width": 2 }, node.el);
          node.label = make("text", { "text-anchor": "middle", dy: node.radius + 12 }, node.el);
          self.nodes.set(n.id, node);
        });
        rels.forEach(function (r) {
          if (self.rels.has(r.id) || !self.nodes.has(r.start) || !self.nodes.has(r.end)) return;
          const rel = { id: r.id, type: r.type, props: r.props, source: self.nodes.get(r.start), target: self.nodes.get(r.end) };
          rel.line = make("line", { "data-rel": r.id, stroke: "#a5abb6", "stroke-width": 1.5 }, self.edgeLayer);
          rel.label = make("text", { class: "edge-label", "text-anchor": "middle" }, self.edgeLayer);
          rel.label.textContent = r.type;
          self.rels.set(r.id, rel);
        });
        // Relationship types are drawn on small graphs only; on large ones they are clutter.
        this.edgeLabels = this.rels.size <= 400;
        this.edgeLayer.setAttribute("class", this.edgeLabels ? "edges" : "edges no-labels");
        this.setCaption(this.caption);
        this.start();
        return { total: total, shown: this.nodes.size, relationships: this.rels.size };
      };

      /** Captions every node with property `key` (its label when it has none). */
      Graph.prototype.setCaption = function (key) {
        this.caption = key;
        this.nodes.forEach(function (n) {
          const v = n.props[key];
          n.label.textContent = v === undefined || v === null ? (n.labels[0] || n.id) : String(v);
        });
      };

      /** The property keys of the drawn nodes, most common first. */
      Graph.prototype.keys = function () {
        const counts = {};
        this.nodes.forEach(function (n) { Object.keys(n.props).forEach(function (k) { counts[k] = (counts[k] || 0) + 1; }); });
        return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); });
      };

      /** One step of the simulation at temperature `alpha`. */
      Graph.prototype.tick = function (alpha) {
        const nodes = Array.from(this.nodes.values());
        const grid = new Map();
        // Cells keyed by a number (column * 2^16 + row, offset to stay positive): no strings.
        function key(cx, cy) { return (cx + 32768) * 65536 + cy + 32768; }
        nodes.forEach(function (n) {
          const k = key(Math.floor(n.x / CELL), Math.floor(n.y / CELL));
          let cell = grid.get(k);
          if (!cell) grid.set(k, cell = []);
          cell.push(n);
        });
        nodes.forEach(function (n) {
          const cx = Math.floor(n.x / CELL), cy = Math.floor(n.y / CELL);
          for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
            const cell = grid.get(key(cx + dx, cy + dy));
            if (!cell) continue;
            for (let i = 0; i < cell.length; i++) {
              const m = cell[i];
              if (m === n) continue;
              let x = n.x - m.x, y = n.y - m.y, d2 = x * x + y * y;
              if (d2 > CELL * CELL) continue;
              if (d2 < 1) { x = Math.random() - 0.5; y = Math.random() - 0.5; d2 = 1; }
              const f = 900 * alpha / d2;
              n.vx += x * f; n.vy += y * f;
            }
          }
          n.vx -= n.x * 0.004 * alpha; n.vy -= n.y * 0.004 * alpha;
        });
        this.rels.forEach(function (r) {
          const x = r.target.x - r.source.x, y = r.target.y - r.source.y;
          const d = Math.sqrt(x * x + y * y) || 1;
          const f = (d - 70) / d * 0.08 * alpha;
          r.source.vx += x * f; r.source.vy += y * f;
          r.target.vx -= x * f; r.target.vy -= y * f;
        });
        const dragged = this.dragged;
        nodes.forEach(function (n) {
          if (n === dragged) { n.vx = n.vy = 0; return; }
          n.vx *= 0.6; n.vy *= 0.6;
          n.x += n.vx; n.y += n.vy;
        });
      };

      /** Pans and zooms so that every node is in view (unless the user has moved the view). */
      Graph.prototype.fit = function () {
        const width = this.svg.clientWidth, height = this.svg.clientHeight;
        if (this.userMoved || !width || !height || !this.nodes.size) return;
        let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
        this.nodes.forEach(function (n) {
          x0 = Math.min(x0, n.x - n.radius); y0 = Math.min(y0, n.y - n.radius);
          x1 = Math.max(x1, n.x + n.radius); y1 = Math.max(y1, n.y + n.radius + 14);
        });
        const k = Math.min(2, 0.9 * Math.min(width / Math.max(1, x1 - x0), height / Math.max(1, y1 - y0)));
        this.view = { k: k, x: width / 2 - k * (x0 + x1) / 2, y: height / 2 - k * (y0 + y1) / 2 };
        this.render();
      };

      Graph.prototype.render = function () {
        this.viewport.setAttribute("transform", "translate(" + this.view.x + "," + this.view.y + ") scale(" + this.view.k + ")");
        this.nodes.forEach(function (n) { n.el.setAttribute("transform", "translate(" + n.x.toFixed(1) + "," + n.y.toFixed(1) + ")"); });
        const labels = this.edgeLabels;
        this.rels.forEach(function (r) {
          r.line.setAttribute("x1", r.source.x.toFixed(1)); r.line.setAttribute("y1", r.source.y.toFixed(1));
          r.line.setAttribute("x2", r.target.x.toFixed(1)); r.line.setAttribute("y2", r.target.y.toFixed(1));
          if (!labels) return;
          r.label.setAttribute("x", ((r.source.x + r.target.x) / 2).toFixed(1));
          r.label.setAttribute("y", ((r.source.y + r.target.y) / 2).toFixed(1));
        });
      };

      /** Runs the simulation until it cools, several ticks per frame; marks the SVG
          `data-settled` with the milliseconds it took. */
      Graph.prototype.start = function () {
        const self = this;
        this.alpha = 1;
        this.svg.removeAttribute("data-settled");
        const begun = performance.now();
        if (this.frame) cancelAnimationFrame(this.frame);
        let budget = 14;
        function step() {
          const until = performance.now() + budget;
          while (self.alpha > 0.02 && performance.now() < until) {
            self.tick(self.alpha);
            self.alpha *= 0.97;
          }
          const drawn = performance.now();
          self.render();
          // Drawing thousands of SVG elements can cost far more than a tick: spend several times
          // the drawing's cost on ticks per frame, so a large graph settles in a few frames.
          budget = Math.max(14, 8 * (performance.now() - drawn));
          if (self.alpha > 0.02 || self.dragged) {
            self.frame = requestAnimationFrame(step);
          } else {
            self.frame = null;
            self.fit();
            self.svg.setAttribute("data-settled", String(Math.round(performance.now() - begun)));
          }
        }
        this.frame = requestAnimationFrame(step);
      };

      Graph.prototype.point = function (event) {
        const box = this.svg.getBoundingClientRect();
        return { x: (event.clientX - box.left - this.view.x) / this.view.k, y: (event.clientY - box.top - this.view.y) / this.view.k };
      };

      Graph.prototype.listen = function () {
        const self = this, svg = this.svg;
        let pan = null, moved = false;
        svg.addEventListener("pointerdown", function (event) {
          moved = false;
          const nodeEl = event.target.closest("[data-node]");
          if (nodeEl) {
            self.dragged = self.nodes.get(nodeEl.getAttribute("data-node"));
            if (!self.frame) { self.alpha = 0.3; self.start(); }
          } else {
            pan = { x: event.clientX - self.view.x, y: event.clientY - self.view.y };
          }
          svg.setPointerCapture(event.pointerId);
        });
        svg.addEventListener("pointermove", function (event) {
          if (self.dragged) {
            const p = self.point(event);
            self.dragged.x = p.x; self.dragged.y = p.y; moved = true;
            self.render();
          } else if (pan) {
            self.view.x = event.clientX - pan.x; self.view.y = event.clientY - pan.y; moved = true; self.userMoved = true;
            self.render();
          }
        });
        svg.addEventListener("pointerup", function (event) {
          const target = document.elementFromPoint(event.clientX, event.clientY) || event.target;
          if (!moved) {
            const nodeEl = target.closest && target.closest("[data-node]");
            const relEl = target.closest && target.closest("[data-rel]");
            if (nodeEl) self.options.onSelect(self.nodes.get(nodeEl.getAttribute("data-node")), "node");
            else if (relEl) self.options.onSelect(self.rels.get(relEl.getAttribute("data-rel")), "rel");
            else self.options.onSelect(null);
          }
          self.dragged = null; pan = null;
        });
        svg.addEventListener("dblclick", function (event) {
          // Pointer capture makes the SVG the event's target: find the node under the pointer.
          const target = document.elementFromPoint(event.clientX, event.clientY) || event.target;
          const nodeEl = target.closest && target.closest("[data-node]");
          if (nodeEl) self.options.onExpand(self.nodes.get(nodeEl.getAttribute("data-node")));
        });
        svg.addEventListener("wheel", function (event) {
          event.preventDefault();
          const box = svg.getBoundingClientRect();
          const mx = event.clientX - box.left, my = event.clientY - box.top;
          const k = Math.min(8, Math.max(0.1, self.view.k * (event.deltaY < 0 ? 1.15 : 1 / 1.15)));
          self.view.x = mx - (mx - self.view.x) * k / self.view.k;
          self.view.y = my - (my - self.view.y) * k / self.view.k;
          self.view.k = k;
          self.userMoved = true;
          self.render();
        }, { passive: false });
      };

      return { Graph: Graph, colour: colour };
    })();
    """#
}
