// kankei explorer. Every piece of text from the store reaches the page through textContent
// or text nodes, never as markup.
"use strict";

const PAGE = 30;
const state = { a: null, b: null, by: "year", years: 1, offset: 0, period: null, total: 0 };
let hoverToken = 0;

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, v);
  }
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
    throw new Error(detail);
  }
  return body;
}

function showError(error) {
  const box = $("error");
  if (!error) {
    box.hidden = true;
    return;
  }
  box.textContent = String(error.message || error);
  box.hidden = false;
}

const goldsteinColour = (g) => kankeiChart.goldsteinColour(g);

function signed(x) {
  return (x > 0 ? "+" : "") + x.toFixed(1);
}

// -- actors -------------------------------------------------------------------------------

async function fillActorList(q) {
  const body = await api("/api/actors", { q, limit: 30 });
  const list = $("actor-list");
  list.replaceChildren(
    ...body.items.map((a) => el("option", { value: a.code, label: `${a.code} ${a.names.slice(0, 3).join("・")} (${a.events})` })),
  );
  return body.items;
}

async function resolveActor(value) {
  const text = value.trim();
  if (/^[A-Z0-9]{2,12}$/.test(text)) return text;
  const items = await fillActorList(text);
  if (!items.length) throw new Error(`「${text}」: no actor with this code or name in the store`);
  return items[0].code;
}

// -- chart --------------------------------------------------------------------------------

function drawChart(series, phases) {
  const chart = $("chart");
  kankeiChart.draw(chart, series, phases, { a: state.a, b: state.b, by: state.by });
  if (!chart.dataset.bound) {
    chart.dataset.bound = "1";
    chart.on("plotly_hover", (ev) => showPeriodEvents(ev.points[0].customdata[0]));
    chart.on("plotly_click", (ev) => filterPeriod(ev.points[0].customdata[0]));
    // the document view narrows the chart's column; plotly only watches the window
    new ResizeObserver(() => Plotly.Plots.resize(chart)).observe(chart);
  }
}

function periodYears(period) {
  const from = Number(String(period).slice(0, 4));
  return [from, from + state.years - 1];
}

async function showPeriodEvents(period) {
  const token = ++hoverToken;
  const [from, to] = periodYears(period);
  const body = await api("/api/events", { dyad: `${state.a},${state.b}`, from, to, limit: 8 });
  if (token !== hoverToken) return;
  $("hover-title").textContent = `${period}: ${body.total} events`;
  $("hover-title").className = "";
  $("hover-events").replaceChildren(
    ...body.items.map((e) => el("li", { text: `${e.date ?? e.year} ${e.source}→${e.target} ${e.code} ${e.code_name_ja ?? ""} 「${e.predicate}」 ${signed(e.goldstein)}` })),
  );
}

function renderPhases(phases) {
  $("phase-list").replaceChildren(
    ...phases.map((p) => {
      const tops = p.top_events.slice(0, 3).map((e) => `${e.code_name_ja ?? e.code}「${e.predicate}」`).join("、");
      const item = el(
        "li",
        {},
        el("span", { class: `phase-label phase-${p.label}`, text: p.label }),
        ` ${p.start}–${p.end}: ${p.events} events, mean ${signed(p.goldstein_mean)}`,
        tops ? ` — ${tops}` : "",
      );
      item.addEventListener("click", () => filterPeriod(null, [p.start_year, p.end_year]));
      return item;
    }),
  );
  if (!phases.length) $("phase-list").replaceChildren(el("li", { class: "muted", text: "no dated events for this dyad" }));
}

// -- events -------------------------------------------------------------------------------

function highlighted(sentence, marks) {
  // marks: [start, end, className] relative to the sentence; later overlapping marks lose
  const kept = [];
  for (const m of marks.sort((x, y) => x[0] - y[0])) {
    if (m[0] < 0 || m[1] > sentence.length || m[0] >= m[1]) continue;
    if (kept.length && m[0] < kept[kept.length - 1][1]) continue;
    kept.push(m);
  }
  const out = [];
  let at = 0;
  for (const [start, end, cls] of kept) {
    if (start > at) out.push(document.createTextNode(sentence.slice(at, start)));
    out.push(el("mark", { class: cls, text: sentence.slice(start, end) }));
    at = end;
  }
  if (at < sentence.length) out.push(document.createTextNode(sentence.slice(at)));
  return out;
}

function eventMarks(e, sentence, base) {
  const marks = [[e.pred_start - base, e.pred_end - base, "pred"]];
  for (const words of [e.source_text, e.target_text]) {
    if (!words) continue;
    const at = sentence.indexOf(words);
    if (at >= 0) marks.push([at, at + words.length, "actor"]);
  }
  return marks;
}

function eventCard(e) {
  const flags = [];
  if (e.negated) flags.push(el("span", { class: "badge", text: "否定 negated" }));
  if (e.mode !== "asserted") flags.push(el("span", { class: "badge", text: e.mode }));
  const card = el(
    "article",
    { class: "event", tabIndex: 0, "data-id": e.id, "data-doc": e.doc_id, "data-sentence": String(e.sentence_index) },
    el(
      "div",
      { class: "ev-head" },
      el("span", { class: "ev-date", text: e.date ?? (e.year ? String(e.year) : "日付なし") }),
      el("span", { class: "ev-actors", text: `${e.source ?? "?"}${e.source_text ? ` (${e.source_text})` : ""} → ${e.target ?? "?"}${e.target_text ? ` (${e.target_text})` : ""}` }),
      el("span", { class: "ev-code", text: `${e.code} ${e.code_name_ja ?? ""} / ${e.code_name ?? ""}` }),
      el("span", { class: "ev-gs", text: signed(e.goldstein), style: `color: ${goldsteinColour(e.goldstein)}` }),
      ...flags,
    ),
    el("p", { class: "sentence" }, ...highlighted(e.sentence, eventMarks(e, e.sentence, e.sent_start))),
    el("div", { class: "ev-foot", text: `${e.doc} · 文 ${e.sentence_index + 1} · ${e.rule}` }),
    el("div", { class: "ev-rules", title: "extraction rules that fired (kankei rules lists them)", text: (e.rules ?? []).join(" · ") }),
  );
  card.style.borderLeftColor = goldsteinColour(e.goldstein);
  const open = () => openDocument(e.doc_id, e.sentence_index);
  card.addEventListener("click", open);
  card.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") open();
  });
  return card;
}

async function loadEvents(append = false) {
  if (!append) state.offset = 0;
  const [from, to] = state.period ?? [null, null];
  const body = await api("/api/events", { dyad: `${state.a},${state.b}`, from, to, limit: PAGE, offset: state.offset });
  const cards = body.items.map(eventCard);
  if (append) $("timeline").append(...cards);
  else $("timeline").replaceChildren(...cards);
  state.offset += body.items.length;
  state.total = body.total;
  const span = state.period ? ` ${state.period[0]}–${state.period[1]}` : "";
  $("event-count").textContent = `${body.total} events${span}`;
  $("more").hidden = state.offset >= Math.min(body.total, 5000);
  $("clear-period").hidden = !state.period;
}

function filterPeriod(period, range) {
  state.period = range ?? periodYears(period);
  loadEvents().catch(showError);
}

// -- document view ------------------------------------------------------------------------

async function openDocument(docId, sentenceIndex) {
  const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  $("doc-title").textContent = doc.title || doc.name;
  $("doc-meta").textContent = `${doc.name} · ${doc.fmt} · ${doc.doc_date ?? "日付不明"}`;
  const withEvents = new Map();
  for (const e of doc.events) {
    if (!withEvents.has(e.sentence_index)) withEvents.set(e.sentence_index, []);
    withEvents.get(e.sentence_index).push(e);
  }
  const parts = [];
  let at = 0;
  let focus = null;
  for (const s of doc.sentences) {
    if (s.start > at) parts.push(document.createTextNode(doc.text.slice(at, s.start)));
    const text = doc.text.slice(s.start, s.end);
    const events = withEvents.get(s.index) ?? [];
    const marks = s.index === sentenceIndex ? events.flatMap((e) => eventMarks(e, text, s.start)) : [];
    const span = el("span", { id: `s-${s.index}`, class: "sentence-span" }, ...highlighted(text, marks));
    if (events.length) span.classList.add("has-event");
    if (s.index === sentenceIndex) {
      span.classList.add("focus");
      focus = span;
    }
    parts.push(span);
    at = Math.max(at, s.end);
  }
  if (at < doc.text.length) parts.push(document.createTextNode(doc.text.slice(at)));
  $("doc-text").replaceChildren(...parts);
  $("doc-view").hidden = false;
  if (focus) focus.scrollIntoView({ block: "center" });
}

// -- wiring -------------------------------------------------------------------------------

async function showDyad() {
  showError(null);
  state.a = await resolveActor($("actor-a").value);
  state.b = await resolveActor($("actor-b").value);
  state.by = $("period").value;
  state.years = kankeiChart.yearsPer(state.by);
  state.period = null;
  $("actor-a").value = state.a;
  $("actor-b").value = state.b;
  history.replaceState(null, "", `#a=${state.a}&b=${state.b}&by=${state.by}`);
  const [series, phases] = await Promise.all([
    api("/api/series", { a: state.a, b: state.b, by: state.by }),
    api("/api/phases", { a: state.a, b: state.b, by: state.by }),
  ]);
  $("chart-title").textContent = `${state.a} ⇄ ${state.b}: Goldstein by ${state.by}`;
  drawChart(series, phases.phases);
  renderPhases(phases.phases);
  await loadEvents();
}

async function start() {
  const meta = await api("/api/meta");
  $("meta").textContent = `${meta.db}: ${meta.documents} documents, ${meta.events} events`;
  const params = new URLSearchParams(window.location.hash.slice(1));
  const actors = await fillActorList("");
  const fallback = actors.length >= 2 ? [actors[0].code, actors[1].code] : ["USA", "SUN"];
  const known = new Set(actors.map((a) => a.code));
  const a = params.get("a") ?? (known.has("USA") && known.has("SUN") ? "USA" : fallback[0]);
  const b = params.get("b") ?? (known.has("USA") && known.has("SUN") ? "SUN" : fallback[1]);
  $("actor-a").value = a;
  $("actor-b").value = b;
  if (params.get("by")) $("period").value = params.get("by");
  await showDyad();
}

document.addEventListener("DOMContentLoaded", () => {
  $("dyad-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    showDyad().catch(showError);
  });
  for (const id of ["actor-a", "actor-b"]) {
    $(id).addEventListener("input", (ev) => {
      fillActorList(ev.target.value.trim()).catch(showError);
    });
  }
  $("more").addEventListener("click", () => loadEvents(true).catch(showError));
  $("clear-period").addEventListener("click", () => {
    state.period = null;
    loadEvents().catch(showError);
  });
  $("doc-close").addEventListener("click", () => {
    $("doc-view").hidden = true;
  });
  start().catch(showError);
});
