// Paste or upload an Arabic report and see its events at once: POST /api/extract (nothing stored), or POST
// /api/documents when an analyst asks to store it.
import * as api from "./api.js";
import { t, typeLabel, formatNumber } from "./i18n.js";
import { renderHighlighted } from "./highlight.js";
import { colorOf } from "./types.js";

const $ = (id) => document.getElementById(id);

export class ReportPage {
  constructor(session, onStored) {
    this.session = session;
    this.onStored = onStored;
    this.last = null;
    $("report-published").value = new Date().toISOString().slice(0, 10);
    $("report-file").addEventListener("change", async (ev) => {
      const file = ev.target.files?.[0];
      if (!file) return;
      $("report-text").value = (await file.text()).replace(/^\uFEFF/, "");
      if (!$("report-title-field").value) $("report-title-field").value = file.name.replace(/\.txt$/i, "");
    });
    $("report-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.submit();
    });
  }

  updateForUser() {
    const canStore = this.session.user && ["analyst", "admin"].includes(this.session.user.role);
    $("report-store-label").hidden = !canStore;
    if (!canStore) $("report-store").checked = false;
  }

  async submit() {
    const text = $("report-text").value;
    const status = $("report-status");
    if (!text.trim()) {
      status.textContent = t("report.empty");
      return;
    }
    const body = { text, published: $("report-published").value };
    const country = $("report-country").value.trim().toUpperCase();
    if (country) body.country_hint = country;
    const store = $("report-store").checked && !$("report-store-label").hidden;
    if (store && $("report-title-field").value.trim()) body.title = $("report-title-field").value.trim();
    status.textContent = t("report.working");
    $("report-submit").disabled = true;
    try {
      const result = await api.post(store ? "/api/documents" : "/api/extract", body);
      this.last = { text, events: result.events ?? [], documentId: result.document_id };
      this.render();
      if (store) this.onStored();
    } catch (e) {
      status.textContent = t("status.error", { message: e.message });
    } finally {
      $("report-submit").disabled = false;
    }
  }

  render() {
    if (!this.last) return;
    const { text, events, documentId } = this.last;
    const status = $("report-status");
    status.textContent = events.length === 0 ? t("report.none") : t("report.found", { n: formatNumber(events.length) });
    if (documentId) status.textContent += ` ${t("report.stored", { id: documentId })}`;
    $("report-result").hidden = false;
    renderHighlighted($("report-source"), text, events.flatMap((e) => e.evidence ?? []));
    const list = $("report-events");
    list.replaceChildren();
    for (const e of events) {
      const item = document.createElement("li");
      item.className = "event-card";
      item.dataset.eventType = e.event_type;
      item.style.borderInlineStartColor = colorOf(e.event_type);
      const head = document.createElement("p");
      head.className = "card-head";
      const place = [e.location, e.admin1, e.country].filter(Boolean).join(", ");
      head.textContent = [e.event_date, `${typeLabel(e.event_type)} / ${e.sub_event_type ?? ""}`, place, `${t("field.fatalities")}: ${formatNumber(e.fatalities ?? 0)}`]
        .filter(Boolean)
        .join(" · ");
      const actors = document.createElement("p");
      actors.textContent = [e.actor1, e.actor2].filter(Boolean).join(" — ");
      const note = document.createElement("p");
      note.className = "note";
      note.lang = "en";
      note.dir = "ltr";
      note.textContent = e.notes ?? "";
      const quotes = document.createElement("blockquote");
      quotes.className = "arabic evidence";
      quotes.lang = "ar";
      quotes.dir = "rtl";
      quotes.textContent = (e.evidence ?? []).map((s) => s.text).join(" … ");
      item.append(head, actors, note, quotes);
      list.append(item);
    }
  }
}
