// The Goldstein curve with its phase bands, shared by the explorer and the report.
"use strict";

const kankeiChart = (() => {
  const PHASE_COLOUR = { cooperative: "#2e8b57", mixed: "#c9a227", hostile: "#c0392b" };

  function goldsteinColour(g) {
    const hue = Math.round(((Math.max(-10, Math.min(10, g)) + 10) / 20) * 120);
    return `hsl(${hue}, 65%, 42%)`;
  }

  // years per period: decade = 10, "5y" = 5, year and month = 1
  function yearsPer(by) {
    return by === "decade" ? 10 : /^\d+y$/.test(by) ? parseInt(by, 10) : 1;
  }

  function draw(node, series, phases, opts) {
    const monthly = opts.by === "month";
    const xOf = (period) => (monthly ? `${period}-01` : Number(period));
    const trace = (points, name, style) => ({
      x: points.map((p) => xOf(p.period)),
      y: points.map((p) => p.goldstein_mean),
      customdata: points.map((p) => [p.period, p.events, p.goldstein_sum]),
      name,
      type: "scatter",
      mode: "lines+markers",
      connectgaps: false,
      hovertemplate: "%{customdata[0]}: mean %{y:+.2f}, %{customdata[1]} events<extra>" + name + "</extra>",
      ...style,
    });
    const both = series.both;
    const traces = [
      trace(both, `${opts.a} ⇄ ${opts.b}`, {
        line: { color: "#1d232a", width: 2.5 },
        marker: {
          size: both.map((p) => 6 + Math.min(14, 2 * p.events)),
          color: both.map((p) => goldsteinColour(p.goldstein_mean ?? 0)),
        },
      }),
      trace(series.ab, `${opts.a} → ${opts.b}`, { line: { color: "#3a78c2", dash: "dot", width: 1.5 }, marker: { size: 5 } }),
      trace(series.ba, `${opts.b} → ${opts.a}`, { line: { color: "#c2703a", dash: "dot", width: 1.5 }, marker: { size: 5 } }),
    ];
    const years = yearsPer(opts.by);
    const x0 = (p) => (monthly ? `${p.start}-01` : Number(p.start) - years / 2);
    const x1 = (p) => (monthly ? `${p.end}-28` : Number(p.end) + years / 2);
    const shapes = phases.map((p) => ({
      type: "rect",
      xref: "x",
      yref: "paper",
      x0: x0(p),
      x1: x1(p),
      y0: 0,
      y1: 1,
      fillcolor: PHASE_COLOUR[p.label],
      opacity: 0.14,
      line: { width: 0 },
      layer: "below",
    }));
    const annotations = phases.map((p) => ({
      x: x0(p),
      xanchor: "left",
      y: 1,
      xref: "x",
      yref: "paper",
      yanchor: "bottom",
      text: p.label,
      showarrow: false,
      font: { size: 10, color: PHASE_COLOUR[p.label] },
    }));
    const layout = {
      margin: { l: 50, r: 20, t: 30, b: 40 },
      yaxis: { title: { text: "Goldstein (mean)" }, range: [-10.5, 10.5], zeroline: true },
      xaxis: { type: monthly ? "date" : "linear" },
      legend: { orientation: "h", y: -0.15 },
      shapes,
      annotations,
      hovermode: "closest",
    };
    return Plotly.react(node, traces, layout, { responsive: true, displaylogo: false });
  }

  return { draw, goldsteinColour, yearsPer, PHASE_COLOUR };
})();
