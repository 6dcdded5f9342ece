// Event table: sortable by any column (client side over the loaded events), paged.
import { t, typeLabel, formatNumber } from "./i18n.js";
import { colorOf } from "./types.js";

const pageSize = 25;

const placeOf = (e) => [e.location, e.admin1, e.country].filter(Boolean).join(", ");

function sortValue(e, key) {
  if (key === "place") return placeOf(e);
  const v = e[key];
  return v === null || v === undefined ? "" : v;
}

export class EventTable {
  constructor(table, body, pager, onOpen) {
    this.table = table;
    this.body = body;
    this.pager = pager;
    this.onOpen = onOpen;
    this.events = [];
    this.sort = { key: "event_date", dir: "descending" };
    this.page = 0;
    for (const th of table.querySelectorAll("th[data-sort]")) {
      th.querySelector("button").addEventListener("click", () => this.sortBy(th.dataset.sort));
    }
    pager.prev.addEventListener("click", () => this.goto(this.page - 1));
    pager.next.addEventListener("click", () => this.goto(this.page + 1));
  }

  setEvents(events) {
    this.events = events;
    this.page = 0;
    this.render();
  }

  sortBy(key) {
    const dir = this.sort.key === key && this.sort.dir === "descending" ? "ascending" : "descending";
    this.sort = { key, dir };
    this.page = 0;
    this.render();
  }

  goto(page) {
    this.page = Math.max(0, Math.min(page, this.pages() - 1));
    this.render();
  }

  pages() {
    return Math.max(1, Math.ceil(this.events.length / pageSize));
  }

  sorted() {
    const { key, dir } = this.sort;
    const sign = dir === "ascending" ? 1 : -1;
    return [...this.events].sort((a, b) => {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return c !== 0 ? sign * c : String(a.event_id).localeCompare(String(b.event_id));
    });
  }

  render() {
    for (const th of this.table.querySelectorAll("th[data-sort]")) {
      if (th.dataset.sort === this.sort.key) th.setAttribute("aria-sort", this.sort.dir);
      else th.removeAttribute("aria-sort");
    }
    const rows = this.sorted().slice(this.page * pageSize, (this.page + 1) * pageSize);
    this.body.replaceChildren();
    if (rows.length === 0) {
      const tr = document.createElement("tr");
      const td = document.createElement("td");
      td.colSpan = 8;
      td.className = "empty";
      td.textContent = t("table.none");
      tr.append(td);
      this.body.append(tr);
    }
    for (const e of rows) {
      const tr = document.createElement("tr");
      tr.dataset.eventId = e.event_id;
      tr.dataset.eventType = e.event_type;
      tr.dataset.date = e.event_date;
      const cells = [
        e.event_date,
        typeLabel(e.event_type),
        e.sub_event_type ?? "",
        e.actor1 ?? "",
        e.actor2 ?? "",
        placeOf(e),
        formatNumber(e.fatalities ?? 0),
        t(`state.${e.review_state ?? "unreviewed"}`),
      ];
      cells.forEach((text, i) => {
        const td = document.createElement("td");
        if (i === 0) {
          const a = document.createElement("a");
          a.href = `#/event/${encodeURIComponent(e.event_id)}`;
          a.textContent = text;
          a.setAttribute("aria-label", t("table.open", { id: e.event_id }));
          td.append(a);
        } else if (i === 1) {
          const swatch = document.createElement("span");
          swatch.className = "swatch";
          swatch.style.background = colorOf(e.event_type);
          td.append(swatch, document.createTextNode(text));
        } else {
          td.textContent = text;
        }
        if (i === 6) td.className = "num";
        if (i === 7) td.className = `state state-${e.review_state ?? "unreviewed"}`;
        tr.append(td);
      });
      tr.addEventListener("click", (ev) => {
        if (ev.target.closest("a")) return;
        this.onOpen(e.event_id);
      });
      this.body.append(tr);
    }
    this.pager.label.textContent = t("table.page", { page: formatNumber(this.page + 1), pages: formatNumber(this.pages()) });
    this.pager.prev.disabled = this.page === 0;
    this.pager.next.disabled = this.page >= this.pages() - 1;
  }
}
