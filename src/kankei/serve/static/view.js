// The view the page shows, kept in the address (?a=USA&b=SUN&by=month&quad=4…), so that a
// link reopens the same view and Back/Forward walk through the views the reader saw.

export const MODES = ["asserted", "desired", "future", "hypothetical"];
export const MEASURES = ["mean", "sum", "count"];
const BY = /^(year|month|decade|\d{1,3}y)$/;
const CODE = /^[A-Z0-9]{2,12}$/;
const PERIOD = /^\d{4}(-\d{2})?$/;

export function emptyView() {
  return {
    a: null,
    b: null,
    by: "year",
    measure: "mean",
    quad: [],
    root: [],
    plover: [],
    mode: ["asserted"],
    minConfidence: null,
    from: null, // the selected period or phase: years, or YYYY-MM at month granularity
    to: null,
    undated: false, // the timeline lists the events left off the curve
    vs: [], // dyads drawn beside this one, "C,D"
    tab: "dyad",
  };
}

// A link may come from anywhere: keep only values the page can use.
export function readView(location) {
  const q = new URLSearchParams(location.search);
  if (![...q.keys()].length && location.hash.length > 1) {
    // links of the earlier explorer carried the view in the fragment
    for (const [k, v] of new URLSearchParams(location.hash.slice(1))) q.append(k, v);
  }
  const view = emptyView();
  const code = (v) => (v && CODE.test(v) ? v : null);
  view.a = code(q.get("a"));
  view.b = code(q.get("b"));
  if (BY.test(q.get("by") || "")) view.by = q.get("by");
  if (MEASURES.includes(q.get("measure"))) view.measure = q.get("measure");
  view.quad = q.getAll("quad").filter((v) => /^[1-4]$/.test(v));
  view.root = q.getAll("root").filter((v) => /^\d{2}$/.test(v));
  view.plover = q.getAll("plover").filter((v) => /^[A-Z_]{2,40}$/.test(v));
  const modes = q.getAll("mode").filter((v) => MODES.includes(v));
  if (modes.length) view.mode = modes;
  const conf = Number.parseFloat(q.get("min_confidence"));
  if (conf > 0 && conf <= 1) view.minConfidence = conf;
  if (PERIOD.test(q.get("from") || "") && PERIOD.test(q.get("to") || "")) {
    view.from = q.get("from");
    view.to = q.get("to");
  }
  view.undated = q.get("undated") === "1";
  view.vs = q.getAll("vs").filter((v) => /^[A-Z0-9]{2,12},[A-Z0-9]{2,12}$/.test(v));
  if (q.get("view") === "overview") view.tab = "overview";
  return view;
}

export function viewSearch(view) {
  const q = new URLSearchParams();
  if (view.a) q.set("a", view.a);
  if (view.b) q.set("b", view.b);
  q.set("by", view.by);
  if (view.measure !== "mean") q.set("measure", view.measure);
  for (const [key, values] of [["quad", view.quad], ["root", view.root], ["plover", view.plover], ["mode", view.mode]]) {
    for (const v of values) q.append(key, v);
  }
  if (view.minConfidence) q.set("min_confidence", String(view.minConfidence));
  if (view.from) {
    q.set("from", view.from);
    q.set("to", view.to);
  }
  if (view.undated) q.set("undated", "1");
  for (const v of view.vs) q.append("vs", v);
  if (view.tab === "overview") q.set("view", "overview");
  return `?${q}`;
}

// The filters every API call gets, so that the chart, the phases, the hover list and the
// timeline count the same events. Mode and negation are always explicit: /api/events
// would otherwise return every mode, while the series counts asserted events only.
export function filterParams(view) {
  return {
    quad: view.quad,
    root: view.root,
    plover: view.plover,
    mode: view.mode.length ? view.mode : ["asserted"],
    min_confidence: view.minConfidence ?? null,
    negated: "false",
  };
}

export function yearOf(period) {
  return Number(String(period).slice(0, 4));
}
