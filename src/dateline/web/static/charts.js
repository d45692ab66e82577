// Charts of the timeline, network and map pages, drawn with plotly.js from the JSON the page embeds.
// Each chart element gets data-rendered="yes" once plotly has drawn it (the browser tests wait for that).
(function () {
  "use strict";
  const COOP = "#217a4b", CONFLICT = "#b3372b", INK = "#1f2328", MUTED = "#667085", GRID = "#eceff3";
  const CONFIG = { displaylogo: false, responsive: true, topojsonURL: "/assets/topojson/", modeBarButtonsToRemove: ["select2d", "lasso2d"] };
  const FONT = { family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size: 12, color: INK };

  function data() {
    const node = document.getElementById("chart-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  function draw(element, traces, layout) {
    const base = { font: FONT, paper_bgcolor: "#fff", plot_bgcolor: "#fff", margin: { l: 50, r: 50, t: 16, b: 40 } };
    return Plotly.newPlot(element, traces, Object.assign(base, layout), CONFIG).then(() => {
      element.dataset.rendered = "yes";
    });
  }

  // Goldstein in [-10, 10] as a colour from conflict red through grey to cooperation green.
  function goldsteinColour(value) {
    if (value === null || value === undefined) return MUTED;
    const t = Math.max(-1, Math.min(1, value / 6));
    const [r, g, b] = t >= 0 ? mix([150, 155, 165], [33, 122, 75], t) : mix([150, 155, 165], [179, 55, 43], -t);
    return "rgb(" + r + "," + g + "," + b + ")";
  }
  function mix(a, b, t) { return a.map((x, i) => Math.round(x + (b[i] - x) * t)); }

  function timeline(element, points) {
    const x = points.map((m) => m.period);
    const coop = points.map((m) => m.q1 + m.q2), conflict = points.map((m) => m.q3 + m.q4);
    // Cooperation goes up, conflict down; both axes are symmetric so their zero lines coincide.
    const top = Math.max(1, ...coop, ...conflict), step = Math.max(1, Math.ceil(top / 4));
    const ticks = [];
    for (let v = -step * 4; v <= step * 4; v += step) ticks.push(v);
    const traces = [
      { type: "bar", name: "cooperation (Q1–2)", x, y: coop, marker: { color: COOP }, hovertemplate: "%{x}: %{y} cooperation<extra></extra>" },
      { type: "bar", name: "conflict (Q3–4)", x, y: conflict.map((n) => -n), customdata: conflict, marker: { color: CONFLICT }, hovertemplate: "%{x}: %{customdata} conflict<extra></extra>" },
      { type: "scatter", mode: "lines+markers", name: "mean Goldstein", x, y: points.map((m) => m.goldstein_mean), yaxis: "y2", line: { color: INK, width: 1.5 }, marker: { size: 5 }, hovertemplate: "%{x}: mean Goldstein %{y}<extra></extra>" },
    ];
    return draw(element, traces, {
      barmode: "relative", bargap: 0.4,
      xaxis: { type: "category", gridcolor: GRID },
      yaxis: { title: { text: "asserted events" }, range: [-step * 4.4, step * 4.4], tickvals: ticks, ticktext: ticks.map(Math.abs), zeroline: true, zerolinecolor: "#98a2b3", gridcolor: GRID },
      yaxis2: { title: { text: "mean Goldstein" }, overlaying: "y", side: "right", range: [-11, 11], tickvals: [-10, -5, 0, 5, 10], showgrid: false, zeroline: false },
      legend: { orientation: "h", y: 1.1, x: 0 },
    });
  }

  function network(element, graph) {
    const at = Object.fromEntries(graph.nodes.map((n) => [n.id, n]));
    const most = Math.max(...graph.edges.map((e) => e.events));
    const annotations = graph.edges.map((e) => ({
      x: at[e.target].x, y: at[e.target].y, ax: at[e.source].x, ay: at[e.source].y,
      xref: "x", yref: "y", axref: "x", ayref: "y", text: "", showarrow: true, arrowhead: 2, arrowsize: 1,
      standoff: 10, startstandoff: 8, arrowwidth: 1 + 4 * Math.sqrt(e.events / most),
      arrowcolor: goldsteinColour(e.goldstein_mean), opacity: 0.8,
      hovertext: e.source + " → " + e.target + ": " + e.events + " events, mean Goldstein " + e.goldstein_mean,
    }));
    const biggest = Math.max(...graph.nodes.map((n) => n.events));
    const nodes = {
      type: "scatter", mode: "markers+text", x: graph.nodes.map((n) => n.x), y: graph.nodes.map((n) => n.y),
      text: graph.nodes.map((n) => n.id), textposition: graph.nodes.map(labelPosition),
      customdata: graph.nodes.map((n) => n.events), hovertemplate: "%{text}: %{customdata} events<extra></extra>",
      marker: { size: graph.nodes.map((n) => 10 + 18 * Math.sqrt(n.events / biggest)), color: "#dfe6f5", line: { color: "#2855a6", width: 1.5 } },
      textfont: { family: "ui-monospace, Menlo, Consolas, monospace", size: 12 },
    };
    const axis = { visible: false, range: [-1.35, 1.35] };
    return draw(element, [nodes], { annotations, xaxis: axis, yaxis: Object.assign({ scaleanchor: "x" }, axis), showlegend: false, margin: { l: 10, r: 10, t: 10, b: 10 } }).then(() => {
      element.on("plotly_click", (event) => { location.href = "/?actor=" + encodeURIComponent(event.points[0].text); });
    });
  }

  // Labels sit outside the circle of nodes, away from the arrows inside it.
  function labelPosition(node) {
    const vertical = node.y > 0.5 ? "top" : node.y < -0.5 ? "bottom" : "middle";
    const horizontal = node.x > 0.3 ? "right" : node.x < -0.3 ? "left" : "center";
    return vertical === "middle" && horizontal === "center" ? "top center" : vertical + " " + horizontal;
  }

  function map(element, points) {
    const most = Math.max(...points.map((p) => p.events));
    const marker = {
      size: points.map((p) => 8 + 26 * Math.sqrt(p.events / most)), color: points.map((p) => goldsteinColour(p.goldstein_mean)),
      line: { color: "#fff", width: 1 }, opacity: 0.85,
    };
    const hover = "%{text}<br>%{customdata[0]} events in %{customdata[1]} articles<br>mean Goldstein %{customdata[2]}<extra></extra>";
    const common = { text: points.map((p) => p.name), customdata: points.map((p) => [p.events, p.articles, p.goldstein_mean]), hovertemplate: hover, marker };
    const trace = Object.assign({ type: "scattergeo", mode: "markers", lat: points.map((p) => p.lat), lon: points.map((p) => p.lon) }, common);
    const layout = {
      geo: {
        projection: { type: "natural earth", scale: 1 }, fitbounds: false, lonaxis: { range: [-180, 180] }, lataxis: { range: [-60, 85] },
        showcountries: true, countrycolor: "#c3c9d2", showland: true, landcolor: "#eef0f3", showocean: false,
        showcoastlines: true, coastlinecolor: "#b6bdc8", showframe: false, showlakes: false,
      },
      margin: { l: 0, r: 0, t: 0, b: 0 },
    };
    return draw(element, [trace], layout).then(() => {
      element.on("plotly_click", (event) => { location.href = "/?place=" + encodeURIComponent(event.points[0].text); });
    });
  }

  const payload = data();
  const charts = { "timeline-chart": timeline, "network-chart": network, "map-chart": map };
  for (const [id, render] of Object.entries(charts)) {
    const element = document.getElementById(id);
    if (element && payload) render(element, payload).catch((error) => { element.dataset.rendered = "error"; element.textContent = "The chart could not be drawn: " + error; });
  }
})();
