// The filter controls: QuadClass, CAMEO root, PLOVER category, mode, minimum confidence and
// the measure drawn. They only read and write the view; app.js does the rest.
import { $, el } from "./dom.js";
import { MODES } from "./view.js";

const QUAD_NAMES = ["1 Verbal cooperation", "2 Material cooperation", "3 Verbal conflict", "4 Material conflict"];
const MEASURE_NAMES = { mean: "平均 mean Goldstein", sum: "合計 Goldstein sum", count: "件数 events by QuadClass" };

function checkbox(name, value, label) {
  return el("label", { class: "check" }, el("input", { type: "checkbox", name, value }), ` ${label}`);
}

// A group of checkboxes in a <details>, whose summary says what is chosen.
function group(id, title, boxes) {
  return el("details", { class: "filter-group", id }, el("summary", { text: title }), el("div", { class: "checks" }, ...boxes));
}

export function buildFilters(meta, onChange) {
  const roots = (meta.roots ?? []).map((r) => checkbox("root", r.root, `${r.root} ${r.name ?? ""}`));
  const plover = (meta.plover ?? []).map((p) => checkbox("plover", p, p));
  const measure = el(
    "fieldset",
    { class: "measure" },
    el("legend", { text: "尺度 measure" }),
    ...Object.entries(MEASURE_NAMES).map(([value, label]) =>
      el("label", { class: "check" }, el("input", { type: "radio", name: "measure", value }), ` ${label}`),
    ),
  );
  $("filters").replaceChildren(
    measure,
    group("f-quad", "QuadClass", QUAD_NAMES.map((name, i) => checkbox("quad", String(i + 1), name))),
    group("f-root", "CAMEO root", roots.length ? roots : [el("span", { class: "muted", text: "no roots from /api/meta" })]),
    group("f-plover", "PLOVER", plover.length ? plover : [el("span", { class: "muted", text: "no categories from /api/meta" })]),
    group("f-mode", "mode", MODES.map((m) => checkbox("mode", m, m))),
    el(
      "label",
      { class: "conf" },
      "最低信頼度 min confidence ",
      el("input", { type: "number", id: "f-conf", name: "min_confidence", min: "0", max: "1", step: "0.05", placeholder: "0" }),
    ),
  );
  $("filters").addEventListener("change", () => onChange(readFilters()));
}

const checked = (name) => [...document.querySelectorAll(`#filters input[name=${name}]:checked`)].map((i) => i.value);

export function readFilters() {
  const conf = Number.parseFloat($("f-conf").value);
  const mode = checked("mode");
  return {
    quad: checked("quad"),
    root: checked("root"),
    plover: checked("plover"),
    // no mode at all would mean "every mode" to /api/events and "asserted" to the series
    mode: mode.length ? mode : ["asserted"],
    minConfidence: conf > 0 && conf <= 1 ? conf : null,
    measure: checked("measure")[0] ?? "mean",
  };
}

function summarise(id, title, values) {
  const summary = document.querySelector(`#${id} summary`);
  summary.textContent = values.length ? `${title}: ${values.join(", ")}` : title;
}

export function showFilters(view) {
  for (const name of ["quad", "root", "plover", "mode"]) {
    for (const box of document.querySelectorAll(`#filters input[name=${name}]`)) box.checked = view[name].includes(box.value);
  }
  for (const radio of document.querySelectorAll("#filters input[name=measure]")) radio.checked = radio.value === view.measure;
  $("f-conf").value = view.minConfidence ?? "";
  summarise("f-quad", "QuadClass", view.quad);
  summarise("f-root", "CAMEO root", view.root);
  summarise("f-plover", "PLOVER", view.plover);
  summarise("f-mode", "mode", view.mode);
}

// For the page's headings: what the filters leave in, in a few words.
export function describeFilters(view) {
  const parts = [];
  if (view.quad.length) parts.push(`QuadClass ${view.quad.join("/")}`);
  if (view.root.length) parts.push(`root ${view.root.join("/")}`);
  if (view.plover.length) parts.push(view.plover.join("/"));
  if (view.mode.join() !== "asserted") parts.push(`mode ${view.mode.join("/")}`);
  if (view.minConfidence) parts.push(`confidence ≥ ${view.minConfidence}`);
  return parts.join(", ");
}
