// The document panel: the whole text with the sentences that hold events tinted and the
// chosen sentence marked and scrolled to. On a phone it covers the screen (style.css).
import { api } from "./api.js";
import { $, el } from "./dom.js";
import { eventMarks, highlighted } from "./events.js";

let opener = null; // the element to give the focus back to when the panel closes
let token = 0;

function sentenceNodes(doc, sentenceIndex) {
  const withEvents = new Map();
  for (const e of doc.events) {
    if (!withEvents.has(e.sentence_index)) withEvents.set(e.sentence_index, []);
    withEvents.get(e.sentence_index).push(e);
  }
  const parts = [];
  let at = 0;
  let focus = null;
  // the server masks markup for display (#, <ref>, [[ ]] become zero-width spaces) in a text
  // of the same length, so every stored offset still fits it; any other text is not used
  const shown = doc.display_text && doc.display_text.length === doc.text.length ? doc.display_text : doc.text;
  for (const s of doc.sentences) {
    if (s.start > at) parts.push(document.createTextNode(shown.slice(at, s.start)));
    const text = shown.slice(s.start, s.end);
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
  if (at < shown.length) parts.push(document.createTextNode(shown.slice(at)));
  return { parts, focus };
}

export async function openDocument(docId, sentenceIndex) {
  const mine = ++token;
  opener = document.activeElement;
  const doc = await api(`/api/documents/${encodeURIComponent(docId)}`);
  if (mine !== token) return; // a later click won
  $("doc-title").textContent = doc.title || doc.name;
  $("doc-meta").textContent = `${doc.name} · ${doc.fmt} · ${doc.doc_date ?? "日付不明"}`;
  const { parts, focus } = sentenceNodes(doc, sentenceIndex);
  $("doc-text").replaceChildren(...parts);
  $("doc-view").hidden = false;
  document.body.classList.add("doc-open");
  $("doc-close").focus({ preventScroll: true });
  if (focus) focus.scrollIntoView({ block: "center" });
}

export function closeDocument() {
  if ($("doc-view").hidden) return false;
  $("doc-view").hidden = true;
  document.body.classList.remove("doc-open");
  if (opener && document.contains(opener)) opener.focus({ preventScroll: true });
  return true;
}
