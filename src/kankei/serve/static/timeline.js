// Which events a part of the view stands for, and the timeline and hover list that show
// them. A selection is a period or a phase (years, or months at month granularity), the
// undated events, or everything; each is turned into the same /api/events filters the
// series was counted with, so that every count on the page agrees.
import { api } from "./api.js";
import { $, el } from "./dom.js";
import { eventCard, hoverItem } from "./events.js";
import { filterParams, yearOf } from "./view.js";

const PAGE = 30;
const isMonth = (p) => /^\d{4}-\d{2}$/.test(String(p));

// The /api/events parameters of a selection.
export function selection(view, dyad, from, to, undated) {
  const params = { dyad, ...filterParams(view) };
  if (undated) {
    // by month, a date of a year alone leaves an event off the curve too
    return { params: { ...params, dated: view.by === "month" ? "nomonth" : "false" } };
  }
  if (from === null || from === undefined) return { params };
  // (the API bounds by month as well as by year: YYYY-MM keeps events dated to the month)
  params.from = isMonth(from) ? from : yearOf(from);
  params.to = isMonth(to) ? to : yearOf(to);
  return { params };
}

// The selected range of a chart period: [from, to] in the view's units.
export function periodRange(by, period) {
  if (by === "month") return [period, period];
  const years = kankeiChart.yearsPer(by);
  return [String(period), String(Number(period) + years - 1)];
}

// A page of a selection.
export async function fetchPage(sel, offset, limit) {
  const body = await api("/api/events", { ...sel.params, limit, offset });
  return { total: body.total, items: body.items };
}

export class Timeline {
  constructor(open) {
    this.open = open;
    this.token = 0;
  }

  async load(sel, label) {
    const token = ++this.token;
    this.sel = sel;
    this.offset = 0;
    const page = await fetchPage(sel, 0, PAGE);
    if (token !== this.token) return null;
    this.total = page.total;
    this.label = label;
    $("timeline").replaceChildren(...page.items.map((e) => eventCard(e, this.open)));
    this.offset = page.items.length;
    this.update();
    return page;
  }

  async more() {
    const token = this.token;
    const page = await fetchPage(this.sel, this.offset, PAGE);
    if (token !== this.token) return;
    $("timeline").append(...page.items.map((e) => eventCard(e, this.open)));
    this.offset += page.items.length;
    this.update();
  }

  update() {
    const windowed = this.total > 5000 ? " (pages reach the first 5,000; the CSV and JSONL links hold all)" : "";
    $("event-count").textContent = `${this.total} events${this.label ? ` — ${this.label}` : ""}${windowed}`;
    $("more").hidden = this.offset >= Math.min(this.total, 5000);
    if (!this.total) $("timeline").replaceChildren(el("p", { class: "muted", text: "no events" }));
  }
}

// The hover list: the first events of one period of one dyad, and how many there are.
export class HoverList {
  constructor(open) {
    this.open = open;
    this.token = 0;
  }

  async show(view, dyad, period) {
    const token = ++this.token;
    const [from, to] = periodRange(view.by, period);
    const page = await fetchPage(selection(view, dyad, from, to, false), 0, 8);
    if (token !== this.token) return;
    const title = $("hover-title");
    title.textContent = `${period} ${dyad.replace(",", " ⇄ ")}: ${page.total} events${page.total > 8 ? " (first 8; click the point for all)" : ""}`;
    title.className = "";
    $("hover-events").replaceChildren(...page.items.map((e) => hoverItem(e, this.open)));
  }
}
