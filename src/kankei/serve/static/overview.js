// The store at a glance: the dyads and actors with most events (under the page's filters),
// and a matrix of who acts with whom among the top actors. Every entry opens its dyad.
import { api } from "./api.js";
import { $, el, signed } from "./dom.js";

const MATRIX = 10; // actors in the matrix: more cells would not fit a phone

// A pale tint of the Goldstein colour behind dark text: readable whatever the score.
function tint(g) {
  const hue = Math.round(((Math.max(-10, Math.min(10, g ?? 0)) + 10) / 20) * 120);
  return `hsl(${hue}, 60%, 90%)`;
}

function table(caption, head, rows) {
  return el(
    "table",
    { class: "overview-table" },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows),
  );
}

const num = (v) => el("td", { class: "num", text: String(v) });
const mean = (g) => el("td", { class: "num", text: signed(g) });

function dyadRows(dyads, actions) {
  return dyads.map((d) =>
    el(
      "tr",
      {},
      el("th", { scope: "row" }, el("button", { type: "button", class: "linkish open-dyad", text: `${d.a} ⇄ ${d.b}`, onclick: () => actions.open(d.a, d.b) })),
      num(d.events),
      num(d.ab),
      num(d.ba),
      mean(d.goldstein_mean),
      el("td", {}, el("button", { type: "button", class: "small", text: "+ 比較", title: "compare: draw this dyad beside the current one", "aria-label": `compare ${d.a} ⇄ ${d.b}`, onclick: () => actions.compare(d.a, d.b) })),
    ),
  );
}

// An actor opens its busiest dyad in the list, or itself beside the page's other actor.
function partnerOf(code, dyads, fallback) {
  const d = dyads.find((x) => x.a === code || x.b === code);
  if (d) return d.a === code ? d.b : d.a;
  return fallback === code ? null : fallback;
}

function actorRows(actors, dyads, actions) {
  return actors.map((a) => {
    const partner = partnerOf(a.code, dyads, actions.current());
    return el(
      "tr",
      {},
      el("th", { scope: "row" }, el("button", {
        type: "button",
        class: "linkish open-actor",
        text: a.code,
        title: partner ? `open ${a.code} ⇄ ${partner}` : "",
        disabled: !partner,
        onclick: () => actions.open(a.code, partner),
      })),
      el("td", { lang: "ja", text: (a.names ?? []).slice(0, 2).join("・") }),
      num(a.events),
      num(a.as_source),
      num(a.as_target),
      mean(a.goldstein_mean),
    );
  });
}

function matrix(actors, dyads, actions) {
  const codes = actors.slice(0, MATRIX).map((a) => a.code);
  const cell = new Map(dyads.map((d) => [[d.a, d.b].sort().join(","), d]));
  const rows = codes.map((r) =>
    el(
      "tr",
      {},
      el("th", { scope: "row", text: r }),
      ...codes.map((c) => {
        const d = r === c ? null : cell.get([r, c].sort().join(","));
        if (!d) return el("td", { class: "empty", text: "·" });
        return el("td", { style: `background: ${tint(d.goldstein_mean)}` }, el("button", {
          type: "button",
          class: "cell",
          text: String(d.events),
          title: `${r} ⇄ ${c}: ${d.events} events, mean Goldstein ${signed(d.goldstein_mean)}`,
          "aria-label": `${r} ⇄ ${c}: ${d.events} events`,
          onclick: () => actions.open(r, c),
        }));
      }),
    ),
  );
  return el(
    "table",
    { class: "matrix" },
    el("caption", { text: "誰が誰と — who acts with whom (events; colour: mean Goldstein, among the listed dyads)" }),
    el("thead", {}, el("tr", {}, el("td"), ...codes.map((c) => el("th", { scope: "col", text: c })))),
    el("tbody", {}, ...rows),
  );
}

export async function renderOverview(params, actions) {
  const body = await api("/api/overview", { limit: 20, ...params });
  const { actors = [], dyads = [] } = body;
  if (!actors.length && !dyads.length) {
    $("overview-body").replaceChildren(el("p", { class: "muted", text: "no events match these filters" }));
    return body;
  }
  $("overview-body").replaceChildren(
    matrix(actors, dyads, actions),
    table("二者関係 top dyads", ["dyad", "events", "A→B", "B→A", "mean", ""], dyadRows(dyads, actions)),
    table("主体 top actors", ["code", "名前 names", "events", "as source", "as target", "mean"], actorRows(actors, dyads, actions)),
  );
  return body;
}
