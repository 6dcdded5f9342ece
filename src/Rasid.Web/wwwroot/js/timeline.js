// Histogram of events per day (SVG) with a hand-written brush: drag to select a day range, Escape or the clear
// button to drop it. The brush reports whole days [from, to] (inclusive, yyyy-mm-dd).
const svgNs = "http://www.w3.org/2000/svg";
const dayMs = 86400000;

const toDay = (s) => Date.parse(`${s}T00:00:00Z`);
const fromDay = (ms) => new Date(ms).toISOString().slice(0, 10);

function el(name, attrs = {}) {
  const e = document.createElementNS(svgNs, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export class Timeline {
  constructor(container, onBrush) {
    this.container = container;
    this.onBrush = onBrush;
    this.days = [];
    this.selection = null;
    this.height = 120;
    this.pad = { left: 34, right: 8, top: 8, bottom: 22 };
    new ResizeObserver(() => this.render()).observe(container);
  }

  setData(rows) {
    this.days = [...rows].filter((r) => r.date).sort((a, b) => (a.date < b.date ? -1 : 1));
    this.render();
  }

  clear(notify = true) {
    this.selection = null;
    this.render();
    if (notify) this.onBrush(null);
  }

  /**
   * Drawn day range. A few stray dates years away (a background mention resolved to its own year) would squash the
   * real activity into one bar, so when the full span is far wider than the span holding 98% of events, only that
   * span is drawn and the rest is counted in a note.
   */
  range() {
    if (this.days.length === 0) return null;
    const full = { start: toDay(this.days[0].date), end: toDay(this.days[this.days.length - 1].date) + dayMs };
    const total = this.days.reduce((n, d) => n + d.events, 0);
    let seen = 0;
    let lo = this.days[0].date;
    let hi = this.days[this.days.length - 1].date;
    let loSet = false;
    for (const d of this.days) {
      seen += d.events;
      if (!loSet && seen > total * 0.01) {
        lo = d.date;
        loSet = true;
      }
      if (seen >= total * 0.99) {
        hi = d.date;
        break;
      }
    }
    const core = { start: toDay(lo), end: toDay(hi) + dayMs };
    return full.end - full.start > 4 * (core.end - core.start) + 30 * dayMs ? core : full;
  }

  render() {
    const width = Math.max(200, this.container.clientWidth || 600);
    const { left, right, top, bottom } = this.pad;
    const svg = el("svg", { width, height: this.height, class: "timeline-svg", role: "img", "aria-label": this.container.getAttribute("aria-label") ?? "" });
    this.svg = svg;
    const range = this.range();
    if (this.selection) {
      svg.dataset.from = this.selection.from;
      svg.dataset.to = this.selection.to;
    }
    if (range) {
      svg.dataset.first = this.days[0].date;
      svg.dataset.last = this.days[this.days.length - 1].date;
    }
    this.container.replaceChildren(svg);
    if (!range) return;
    const before = this.days.filter((d) => toDay(d.date) < range.start).reduce((n, d) => n + d.events, 0);
    const after = this.days.filter((d) => toDay(d.date) >= range.end).reduce((n, d) => n + d.events, 0);
    if (this.onOutside) this.onOutside(before, after);

    const innerW = width - left - right;
    const innerH = this.height - top - bottom;
    const x = (ms) => left + ((ms - range.start) / (range.end - range.start)) * innerW;
    this.x = x;
    this.invert = (px) => range.start + ((px - left) / innerW) * (range.end - range.start);
    const max = Math.max(1, ...this.days.filter((d) => toDay(d.date) >= range.start && toDay(d.date) < range.end).map((d) => d.events));
    const barW = Math.max(1, innerW / ((range.end - range.start) / dayMs) - 1);

    svg.append(el("line", { x1: left, x2: width - right, y1: top + innerH, y2: top + innerH, class: "axis" }));
    const maxLabel = el("text", { x: left - 4, y: top + 8, "text-anchor": "end", class: "tick" });
    maxLabel.textContent = String(max);
    svg.append(maxLabel);

    const bars = el("g", { class: "bars" });
    for (const d of this.days) {
      const ms = toDay(d.date);
      if (ms < range.start || ms >= range.end) continue;
      const h = (d.events / max) * innerH;
      const inSel = !this.selection || (d.date >= this.selection.from && d.date <= this.selection.to);
      const bar = el("rect", { x: x(ms), y: top + innerH - h, width: barW, height: h, class: inSel ? "bar" : "bar out" });
      bar.dataset.date = d.date;
      bar.dataset.events = String(d.events);
      const title = el("title");
      title.textContent = `${d.date}: ${d.events} / ${d.fatalities ?? 0}`;
      bar.append(title);
      bars.append(bar);
    }
    svg.append(bars);

    // Month ticks, or the two ends when the range is short.
    const ticks = el("g", { class: "ticks" });
    const first = new Date(range.start);
    const spanDays = (range.end - range.start) / dayMs;
    const labels = [];
    if (spanDays > 45) {
      for (let d = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1); d < range.end; d = Date.UTC(new Date(d).getUTCFullYear(), new Date(d).getUTCMonth() + 1, 1)) {
        labels.push([d, fromDay(d).slice(0, 7)]);
      }
    } else {
      labels.push([range.start, this.days[0].date], [range.end - dayMs, this.days[this.days.length - 1].date]);
    }
    const minGap = 52;
    let lastX = -Infinity;
    for (const [ms, text] of labels) {
      const px = x(ms);
      if (px - lastX < minGap) continue;
      lastX = px;
      const tk = el("text", { x: px, y: this.height - 6, "text-anchor": "middle", class: "tick" });
      tk.textContent = text;
      ticks.append(tk);
    }
    svg.append(ticks);

    if (this.selection) {
      const x0 = x(toDay(this.selection.from));
      const x1 = x(toDay(this.selection.to) + dayMs);
      svg.append(el("rect", { x: x0, y: top, width: Math.max(1, x1 - x0), height: innerH, class: "brush-selection" }));
    }
    const overlay = el("rect", { x: left, y: top, width: innerW, height: innerH, class: "brush-overlay", tabindex: 0 });
    overlay.setAttribute("aria-label", this.container.dataset.help ?? "");
    svg.append(overlay);
    this.attachBrush(svg, overlay);
  }

  attachBrush(svg, overlay) {
    let startPx = null;
    let preview = null;
    const localX = (ev) => ev.clientX - svg.getBoundingClientRect().left;
    overlay.addEventListener("pointerdown", (ev) => {
      startPx = localX(ev);
      overlay.setPointerCapture(ev.pointerId);
      preview = el("rect", { x: startPx, y: this.pad.top, width: 1, height: this.height - this.pad.top - this.pad.bottom, class: "brush-selection preview" });
      svg.insertBefore(preview, overlay);
    });
    overlay.addEventListener("pointermove", (ev) => {
      if (startPx === null || !preview) return;
      const px = localX(ev);
      preview.setAttribute("x", String(Math.min(px, startPx)));
      preview.setAttribute("width", String(Math.max(1, Math.abs(px - startPx))));
    });
    const finish = (ev) => {
      if (startPx === null) return;
      const endPx = localX(ev);
      const a = Math.min(startPx, endPx);
      const b = Math.max(startPx, endPx);
      startPx = null;
      if (b - a < 3) {
        // A click without a drag drops the selection.
        if (this.selection) this.clear();
        else this.render();
        return;
      }
      const range = this.range();
      const clamp = (ms) => Math.min(range.end - 1, Math.max(range.start, ms));
      const from = fromDay(Math.floor(clamp(this.invert(a)) / dayMs) * dayMs);
      const to = fromDay(Math.floor(clamp(this.invert(b)) / dayMs) * dayMs);
      this.selection = { from, to };
      this.render();
      this.onBrush(this.selection);
    };
    overlay.addEventListener("pointerup", finish);
    overlay.addEventListener("pointercancel", () => {
      startPx = null;
      this.render();
    });
    overlay.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && this.selection) this.clear();
    });
  }
}
