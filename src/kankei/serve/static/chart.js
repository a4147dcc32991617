// The Goldstein curve with its phase bands, shared by the explorer and the report (which
// inlines this file as a classic script: it must stay self-contained, with no imports).
"use strict";

const kankeiChart = (() => {
  // band fills are pale (opacity 0.14); the label colours are dark enough for text on white
  const PHASE_COLOUR = { cooperative: "#2e8b57", mixed: "#c9a227", hostile: "#c0392b" };
  const PHASE_TEXT = { cooperative: "#1e6b40", mixed: "#7a5c00", hostile: "#a8322a" };
  const QUADS = [
    ["q1", "1 Verbal cooperation", "#7fbf8e"],
    ["q2", "2 Material cooperation", "#2e7d4f"],
    ["q3", "3 Verbal conflict", "#e8a25c"],
    ["q4", "4 Material conflict", "#b8322a"],
  ];
  const COMPARE = ["#7b3fa0", "#0f7c8c", "#8a6d00", "#a0306c"];

  // WCAG relative luminance and contrast ratio, to keep coloured text readable
  function luminance([r, g, b]) {
    const lin = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  }
  function contrast(x, y) {
    const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
    return (hi + 0.05) / (lo + 0.05);
  }
  function hslToRgb(h, s, l) {
    const k = (n) => (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    const f = (n) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
    return [f(0), f(8), f(4)].map((v) => Math.round(v * 255));
  }

  // red (−10) through yellow to green (+10); yellows and greens are darkened until the
  // colour reaches 4.5:1 on white (with a margin), since scores are printed in it
  function goldsteinColour(g) {
    const hue = Math.round(((Math.max(-10, Math.min(10, g)) + 10) / 20) * 120);
    let light = 42;
    while (light > 15 && contrast(hslToRgb(hue, 0.65, light / 100), [255, 255, 255]) < 4.7) light -= 1;
    return `hsl(${hue}, 65%, ${light}%)`;
  }

  // years per period: decade = 10, "5y" = 5, year and month = 1
  function yearsPer(by) {
    return by === "decade" ? 10 : /^\d+y$/.test(by) ? parseInt(by, 10) : 1;
  }

  const Y = {
    mean: ["goldstein_mean", "Goldstein (mean)"],
    sum: ["goldstein_sum", "Goldstein (sum)"],
    count: ["events", "events"],
  };

  function traces(series, opts, xOf) {
    const measure = opts.measure || "mean";
    const key = `${opts.a},${opts.b}`;
    const custom = (points) => points.map((p) => [p.period, p.events, p.goldstein_sum, key]);
    const line = (points, name, style, field = Y[measure][0]) => ({
      x: points.map((p) => xOf(p.period)),
      y: points.map((p) => (p.events || field === "events" ? p[field] : null)),
      customdata: custom(points),
      name,
      type: "scatter",
      mode: "lines+markers",
      connectgaps: false,
      hovertemplate: `%{customdata[0]}: %{y:.2f}, %{customdata[1]} events<extra>${name}</extra>`,
      ...style,
    });
    const both = series.both;
    const out = [];
    if (measure === "count") {
      // events per QuadClass, stacked: the bars' height is the period's count
      for (const [q, name, colour] of QUADS) {
        out.push({
          x: both.map((p) => xOf(p.period)),
          y: both.map((p) => p[q] || 0),
          customdata: custom(both),
          name,
          type: "bar",
          marker: { color: colour },
          hovertemplate: `%{customdata[0]}: %{y} of %{customdata[1]} events<extra>${name}</extra>`,
        });
      }
    } else {
      out.push(
        line(both, `${opts.a} ⇄ ${opts.b}`, {
          line: { color: "#1d232a", width: 2.5 },
          marker: {
            size: both.map((p) => 6 + Math.min(14, 2 * p.events)),
            color: both.map((p) => goldsteinColour(p.goldstein_mean ?? 0)),
          },
        }),
        line(series.ab, `${opts.a} → ${opts.b}`, { line: { color: "#3a78c2", dash: "dot", width: 1.5 }, marker: { size: 5 } }),
        line(series.ba, `${opts.b} → ${opts.a}`, { line: { color: "#c2703a", dash: "dot", width: 1.5 }, marker: { size: 5 } }),
      );
    }
    (opts.compare || []).forEach((c, i) => {
      const t = line(c.series.both, `${c.a} ⇄ ${c.b}`, { line: { color: COMPARE[i % COMPARE.length], width: 2 }, marker: { size: 6 } });
      t.customdata = c.series.both.map((p) => [p.period, p.events, p.goldstein_sum, `${c.a},${c.b}`]);
      out.push(t);
    });
    return out;
  }

  function bands(phases, monthly, years) {
    const x0 = (p) => (monthly ? `${p.start}-01` : Number(p.start) - years / 2);
    const x1 = (p) => (monthly ? `${p.end}-28` : Number(p.end) + years / 2);
    const shapes = phases.map((p) => ({
      type: "rect", xref: "x", yref: "paper", x0: x0(p), x1: x1(p), y0: 0, y1: 1,
      fillcolor: PHASE_COLOUR[p.label], opacity: 0.14, line: { width: 0 }, layer: "below",
    }));
    const annotations = phases.map((p) => ({
      x: x0(p), xanchor: "left", y: 1, xref: "x", yref: "paper", yanchor: "bottom",
      text: p.label, showarrow: false, font: { size: 10, color: PHASE_TEXT[p.label] },
    }));
    return { shapes, annotations };
  }

  // Nothing on the page may talk to a host but the server: no logo link, no "send to
  // cloud" / Chart Studio buttons. Plotly's own image button is removed too: its PNG goes
  // through a blob: image the page's Content-Security-Policy blocks (the explorer offers
  // its own PNG and SVG downloads, see export.js).
  const CONFIG = {
    responsive: true,
    displaylogo: false,
    showSendToCloud: false,
    showEditInChartStudio: false,
    showLink: false,
    // (plotly.js 4 names the share button sendChartToCloud, earlier versions sendDataToCloud)
    modeBarButtonsToRemove: ["toImage", "sendDataToCloud", "sendChartToCloud"],
  };

  function draw(node, series, phases, opts) {
    const monthly = opts.by === "month";
    const xOf = (period) => (monthly ? `${period}-01` : Number(period));
    const measure = opts.measure || "mean";
    const { shapes, annotations } = bands(phases, monthly, yearsPer(opts.by));
    const layout = {
      margin: { l: 55, r: 20, t: 30, b: 40 },
      yaxis: measure === "mean"
        ? { title: { text: Y.mean[1] }, range: [-10.5, 10.5], zeroline: true }
        : { title: { text: Y[measure][1] }, zeroline: true, rangemode: measure === "count" ? "tozero" : "normal" },
      xaxis: { type: monthly ? "date" : "linear" },
      barmode: "stack",
      legend: { orientation: "h", y: -0.15 },
      shapes,
      annotations,
      hovermode: "closest",
    };
    return Plotly.react(node, traces(series, opts, xOf), layout, CONFIG);
  }

  return { draw, goldsteinColour, yearsPer, contrast, PHASE_COLOUR, PHASE_TEXT, QUADS, CONFIG };
})();
