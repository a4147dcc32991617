// Event cards of the timeline, the lines of the hover list, and the sentence with its
// predicate and actors marked.
import { activate, el, signed } from "./dom.js";

const colour = (g) => kankeiChart.goldsteinColour(g);

export function highlighted(sentence, marks) {
  // marks: [start, end, className] relative to the sentence; later overlapping marks lose
  const kept = [];
  for (const m of [...marks].sort((x, y) => x[0] - y[0])) {
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

// The predicate by its offsets when the shown text is the stored one; by its words when the
// server gave a cleaned display text whose offsets differ.
export function eventMarks(e, sentence, base, byOffsets = true) {
  const marks = [];
  if (byOffsets) marks.push([e.pred_start - base, e.pred_end - base, "pred"]);
  else if (e.predicate && sentence.includes(e.predicate)) {
    const at = sentence.indexOf(e.predicate);
    marks.push([at, at + e.predicate.length, "pred"]);
  }
  for (const words of [e.source_text, e.target_text]) {
    if (!words) continue;
    const at = sentence.indexOf(words);
    if (at >= 0) marks.push([at, at + words.length, "actor"]);
  }
  return marks;
}

function badges(e) {
  const out = [];
  if (e.negated) out.push(el("span", { class: "badge", text: "否定 negated" }));
  if (e.mode && e.mode !== "asserted") out.push(el("span", { class: `badge mode-${e.mode}`, text: e.mode }));
  if (e.year === null || e.year === undefined) out.push(el("span", { class: "badge", text: "日付なし undated" }));
  return out;
}

export const dateOf = (e) => e.date ?? (e.year ? String(e.year) : "日付なし");

export function eventCard(e, open) {
  const sentence = e.display_sentence ?? e.sentence;
  const card = el(
    "article",
    { class: "event", "data-id": e.id, "data-doc": e.doc_id, "data-sentence": String(e.sentence_index) },
    el(
      "div",
      { class: "ev-head" },
      el("span", { class: "ev-date", text: dateOf(e) }),
      el("span", { class: "ev-actors", text: `${e.source ?? "?"}${e.source_text ? ` (${e.source_text})` : ""} → ${e.target ?? "?"}${e.target_text ? ` (${e.target_text})` : ""}` }),
      el("span", { class: "ev-code", text: `${e.code} ${e.code_name_ja ?? ""} / ${e.code_name ?? ""}` }),
      el("span", { class: "ev-gs", text: signed(e.goldstein), style: `color: ${colour(e.goldstein)}` }),
      ...badges(e),
    ),
    el("p", { class: "sentence" }, ...highlighted(sentence, eventMarks(e, sentence, e.sent_start, sentence === e.sentence))),
    el("div", { class: "ev-foot", text: `${e.doc_title || e.doc} · 文 ${e.sentence_index + 1} · ${e.rule}` }),
    el("div", { class: "ev-rules", title: "extraction rules that fired (kankei rules lists them)", text: (e.rules ?? []).join(" · ") }),
  );
  card.setAttribute("aria-label", `${dateOf(e)} ${e.source ?? "?"}→${e.target ?? "?"} ${e.code_name ?? e.code}: open the document`);
  card.style.borderLeftColor = colour(e.goldstein);
  return activate(card, () => open(e));
}

export function hoverItem(e, open) {
  const item = el(
    "li",
    { class: "hover-event" },
    `${dateOf(e)} ${e.source}→${e.target} ${e.code} ${e.code_name_ja ?? ""} 「${e.predicate}」 `,
    el("span", { class: "ev-gs", text: signed(e.goldstein), style: `color: ${colour(e.goldstein)}` }),
    ...badges(e),
  );
  return activate(item, () => open(e));
}
