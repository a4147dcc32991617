// kankei explorer: the wiring. The view lives in the address (view.js); every change of
// it goes through navigate(), and render() draws whatever view the address holds, so that
// links, Back and Forward all show the view they name.
import { api, apiUrl } from "./api.js";
import { $, activate, el, signed } from "./dom.js";
import { closeDocument, openDocument } from "./docview.js";
import { downloadPng, downloadSvg } from "./export.js";
import { buildFilters, describeFilters, readFilters, showFilters } from "./filters.js";
import { renderOverview } from "./overview.js";
import { HoverList, Timeline, periodRange, selection } from "./timeline.js";
import { filterParams, readView, viewSearch } from "./view.js";

let view = readView(window.location);
let renderToken = 0;
let errorSource = null;
const known = new Set(); // actor codes the store holds

const open = (e) => openDocument(e.doc_id, e.sentence_index).catch((err) => showError(err, "document"));
const timeline = new Timeline(open);
const hover = new HoverList(open);

// An error stays until the same kind of request, or a whole view, next succeeds.
function showError(error, source = "render") {
  errorSource = source;
  $("error").textContent = String(error.message || error);
  $("error").hidden = false;
}
function clearError(source = "render") {
  if (source === "render" || source === errorSource) $("error").hidden = true;
}

// -- actors -------------------------------------------------------------------------------

async function fillActorList(q) {
  const body = await api("/api/actors", { q, limit: 30 });
  $("actor-list").replaceChildren(
    ...body.items.map((a) => el("option", { value: a.code, label: `${a.code} ${a.names.slice(0, 3).join("・")} (${a.events})` })),
  );
  clearError("actors");
  return body.items;
}

async function resolveActor(value) {
  const text = value.trim();
  if (/^[A-Z0-9]{2,12}$/.test(text)) return text;
  const items = await fillActorList(text);
  if (!items.length) throw new Error(`「${text}」: no actor with this code or name in the store`);
  return items[0].code;
}

// -- navigation ---------------------------------------------------------------------------

function navigate(changes, { replace = false } = {}) {
  view = { ...view, ...changes };
  const url = viewSearch(view);
  if (url !== window.location.search) history[replace ? "replaceState" : "pushState"](null, "", url);
  render();
}

const openDyad = (a, b) => navigate({ a, b, from: null, to: null, undated: false, tab: "dyad" });

async function render() {
  const token = ++renderToken;
  $("actor-a").value = view.a ?? "";
  $("actor-b").value = view.b ?? "";
  $("period").value = view.by;
  showFilters(view);
  const overview = view.tab === "overview";
  $("overview").hidden = !overview;
  $("dyad-view").hidden = overview;
  $("tab-dyad").setAttribute("aria-pressed", String(!overview));
  $("tab-overview").setAttribute("aria-pressed", String(overview));
  try {
    if (overview) await showOverview();
    else await showDyad(token);
    if (token === renderToken) clearError();
  } catch (err) {
    if (token === renderToken) showError(err);
  }
}

async function showOverview() {
  const what = describeFilters(view);
  $("overview-note").textContent = what ? `— ${what}` : "";
  await renderOverview(filterParams(view), {
    open: openDyad,
    compare: (a, b) => navigate({ vs: [...new Set([...view.vs, `${a},${b}`])], tab: "dyad" }),
    current: () => view.b,
  });
}

// -- the dyad view ------------------------------------------------------------------------

async function showDyad(token) {
  const { a, b, by } = view;
  const filters = filterParams(view);
  const [series, phases, ...compared] = await Promise.all([
    api("/api/series", { a, b, by, ...filters }),
    api("/api/phases", { a, b, by, ...filters }),
    ...view.vs.map((key) => api("/api/series", { a: key.split(",")[0], b: key.split(",")[1], by, ...filters })),
  ]);
  if (token !== renderToken) return;
  const what = describeFilters(view);
  $("chart-title").textContent = `${a} ⇄ ${b}: ${{ mean: "mean Goldstein", sum: "Goldstein sum", count: "events" }[view.measure]} by ${by}${what ? ` (${what})` : ""}`;
  const compare = compared.map((s, i) => ({ a: view.vs[i].split(",")[0], b: view.vs[i].split(",")[1], series: s }));
  kankeiChart.draw($("chart"), series, phases.phases, { a, b, by, measure: view.measure, compare });
  bindChart();
  renderCompareList();
  renderPhases(phases.phases);
  const onCurve = series.both.reduce((n, p) => n + p.events, 0);
  setDataLinks();
  await Promise.all([curveNote(series, onCurve), loadTimeline()]);
}

async function curveNote(series, onCurve) {
  // the series says how many matching events it left off the curve for want of a date
  const undated = series.undated ?? 0;
  const note = $("curve-note");
  note.replaceChildren(`${onCurve} events on the curve, ${undated} undated not shown`);
  if (undated) {
    note.append(" ", el("button", { type: "button", id: "show-undated", class: "small", text: "日付なしを表示 list the undated", onclick: () => navigate({ undated: true, from: null, to: null }) }));
  }
  const message = $("chart-message");
  message.hidden = onCurve > 0;
  if (onCurve > 0) return;
  // say why the chart is empty: an actor the store does not know, or only the filters
  const missing = [];
  for (const code of [view.a, view.b]) {
    if (known.has(code)) continue;
    const found = await api("/api/actors", { q: code, limit: 50 });
    if (!found.items.some((x) => x.code === code)) missing.push(code);
    else known.add(code);
  }
  message.textContent = missing.length
    ? `no events for ${missing.join(" or ")}: no actor with this code in the store`
    : `no dated events between ${view.a} and ${view.b}${describeFilters(view) ? " with these filters" : ""}`;
}

function bindChart() {
  const chart = $("chart");
  if (chart.dataset.bound) return;
  chart.dataset.bound = "1";
  const point = (ev) => ev.points[0].customdata;
  chart.on("plotly_hover", (ev) => hover.show(view, point(ev)[3], point(ev)[0]).catch((err) => showError(err, "hover")));
  chart.on("plotly_click", (ev) => {
    const [period, , , dyad] = point(ev);
    if (dyad !== `${view.a},${view.b}`) return; // a compared dyad: hover lists its events
    const [from, to] = periodRange(view.by, period);
    navigate({ from, to, undated: false });
  });
  // the document view narrows the chart's column; plotly only watches the window
  new ResizeObserver(() => Plotly.Plots.resize(chart)).observe(chart);
}

function renderPhases(phases) {
  const list = $("phase-list");
  if (!phases.length) {
    list.replaceChildren(el("li", { class: "muted", text: "no dated events for this dyad" }));
    return;
  }
  list.replaceChildren(
    ...phases.map((p) => {
      const tops = p.top_events.slice(0, 3).map((e) => `${e.code_name_ja ?? e.code}「${e.predicate}」`).join("、");
      const [from, to] = view.by === "month" ? [p.start, p.end] : [String(p.start_year), String(p.end_year)];
      const item = el(
        "li",
        { class: "phase", "aria-label": `${p.label} ${p.start}–${p.end}, ${p.events} events: list them` },
        el("span", { class: `phase-label phase-${p.label}`, text: p.label }),
        ` ${p.start}–${p.end}: ${p.events} events, mean ${signed(p.goldstein_mean)}`,
        tops ? ` — ${tops}` : "",
      );
      if (view.from === from && view.to === to) item.classList.add("selected");
      return activate(item, () => navigate({ from, to, undated: false }));
    }),
  );
}

function timelineSelection() {
  return selection(view, `${view.a},${view.b}`, view.from, view.to, view.undated);
}

async function loadTimeline() {
  const label = view.undated ? "日付なし undated" : view.from ? (view.from === view.to ? view.from : `${view.from}–${view.to}`) : "";
  $("clear-period").hidden = !view.from && !view.undated;
  await timeline.load(timelineSelection(), label);
}

// The data behind the view: the timeline's events and the curve's series, as files.
function setDataLinks() {
  const { params } = timelineSelection();
  const name = `kankei-${view.a}-${view.b}`;
  $("dl-events-csv").href = apiUrl("/api/events", { ...params, format: "csv" });
  $("dl-events-csv").download = `${name}-events.csv`;
  $("dl-events-jsonl").href = apiUrl("/api/events", { ...params, format: "jsonl" });
  $("dl-events-jsonl").download = `${name}-events.jsonl`;
  $("dl-series-csv").href = apiUrl("/api/series", { a: view.a, b: view.b, by: view.by, ...filterParams(view), format: "csv" });
  $("dl-series-csv").download = `${name}-series-${view.by}.csv`;
}

function renderCompareList() {
  $("compare-list").replaceChildren(
    ...view.vs.map((key) =>
      el("span", { class: "chip" }, key.replace(",", " ⇄ "), el("button", {
        type: "button",
        class: "small",
        text: "×",
        "aria-label": `remove ${key.replace(",", " ⇄ ")}`,
        onclick: () => navigate({ vs: view.vs.filter((k) => k !== key) }),
      })),
    ),
  );
}

async function addComparison() {
  const parts = $("compare-input").value.trim().split(/[\s,\-–⇄]+/).filter(Boolean);
  if (parts.length !== 2) throw new Error("compare: give two actors, e.g. CHN-SUN or 中国 ソ連");
  const key = `${await resolveActor(parts[0])},${await resolveActor(parts[1])}`;
  $("compare-input").value = "";
  if (key !== `${view.a},${view.b}` && !view.vs.includes(key)) navigate({ vs: [...view.vs, key] });
}

// -- start --------------------------------------------------------------------------------

function wire() {
  $("dyad-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    (async () => {
      const a = await resolveActor($("actor-a").value);
      const b = await resolveActor($("actor-b").value);
      const dyadChanged = a !== view.a || b !== view.b;
      navigate({ a, b, by: $("period").value, from: dyadChanged ? null : view.from, to: dyadChanged ? null : view.to, undated: dyadChanged ? false : view.undated, tab: "dyad" });
    })().catch((err) => showError(err));
  });
  // a period of another granularity means something else: the selection goes
  $("period").addEventListener("change", () => navigate({ by: $("period").value, from: null, to: null }));
  for (const id of ["actor-a", "actor-b"]) {
    $(id).addEventListener("input", (ev) => fillActorList(ev.target.value.trim()).catch((err) => showError(err, "actors")));
  }
  $("compare-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    addComparison().catch((err) => showError(err, "compare"));
  });
  $("tab-dyad").addEventListener("click", () => navigate({ tab: "dyad" }));
  $("tab-overview").addEventListener("click", () => navigate({ tab: "overview" }));
  $("more").addEventListener("click", () => timeline.more().catch((err) => showError(err)));
  $("clear-period").addEventListener("click", () => navigate({ from: null, to: null, undated: false }));
  $("doc-close").addEventListener("click", closeDocument);
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    if (!closeDocument()) document.querySelectorAll("#filters details[open]").forEach((d) => d.removeAttribute("open"));
  });
  const name = () => `kankei-${view.a}-${view.b}-${view.measure}-${view.by}`;
  $("dl-png").addEventListener("click", () => downloadPng($("chart"), name()).catch((err) => showError(err, "export")));
  $("dl-svg").addEventListener("click", () => downloadSvg($("chart"), name()).catch((err) => showError(err, "export")));
  window.addEventListener("popstate", () => {
    view = readView(window.location);
    render();
  });
}

async function start() {
  wire();
  const [meta, actors] = await Promise.all([
    api("/api/meta"),
    fillActorList("").catch((err) => {
      showError(err, "actors");
      return [];
    }),
  ]);
  $("meta").textContent = `${meta.db}: ${meta.documents} documents, ${meta.events} events`;
  buildFilters(meta, (changes) => navigate({ ...changes, from: view.from, to: view.to }));
  for (const a of actors) known.add(a.code);
  if (!view.a || !view.b) {
    const usaSun = known.has("USA") && known.has("SUN");
    view.a = view.a ?? (usaSun ? "USA" : actors[0]?.code ?? "USA");
    view.b = view.b ?? (usaSun ? "SUN" : actors[1]?.code ?? "SUN");
  }
  navigate({}, { replace: true });
}

start().catch((err) => showError(err));
