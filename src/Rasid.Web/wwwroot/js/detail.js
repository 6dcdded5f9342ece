// Event detail: the Arabic source text (RTL) with the event's evidence spans marked, the English note beside it, its
// fields, sources, place candidates, review history and (for analysts) review actions, merge and split included.
import * as api from "./api.js";
import { t, typeLabel, formatNumber } from "./i18n.js";
import { renderHighlighted } from "./highlight.js";
import { eventTypes } from "./types.js";
import { MergeSplit } from "./mergesplit.js";

const $ = (id) => document.getElementById(id);

/** Evidence spans of this event that lie in document docId and really cover their recorded text. */
export function evidenceFor(detail, docId, text) {
  const fromMentions = (detail.mentions ?? []).filter((m) => m.document_id === docId).flatMap((m) => m.evidence ?? []);
  const own = detail.event.document_id === docId ? detail.event.evidence ?? [] : [];
  const spans = fromMentions.length > 0 ? fromMentions : own;
  return spans.filter((s) => s.end > s.start && s.end <= text.length && (!s.text || text.slice(s.start, s.end) === s.text));
}

function li(text, className) {
  const item = document.createElement("li");
  if (className) item.className = className;
  item.textContent = text;
  return item;
}

/** One review history entry as a sentence: who did what, when (merge and split name the events involved). */
export function historyLine(h) {
  const who = h.user ?? "";
  const when = String(h.at ?? "").slice(0, 16).replace("T", " ");
  if (h.action === "merge") return t("history.merge", { when, who, from: h.old_value ?? "", to: h.new_value ?? "" });
  if (h.action === "split") {
    const mention = String(h.field ?? "").replace(/^mention /, "");
    return t("history.split", { when, who, mention, from: h.old_value ?? "", to: h.new_value ?? "" });
  }
  const action = h.action ? t(`history.action.${h.action}`) : "";
  const change = h.field ? ` ${h.field}: ${h.old_value ?? ""} → ${h.new_value ?? ""}` : "";
  return `${when} ${who} ${action}${change}`.trim();
}

export class EventDetail {
  /** structure: hooks for merge and split (loadedEvents(), changed({ open, status, link })), see MergeSplit. */
  constructor(session, onChanged, onClose, structure) {
    this.session = session;
    this.onChanged = onChanged;
    this.onClose = onClose;
    this.current = null;
    this.pendingStatus = null;
    this.mergeSplit = new MergeSplit(this, structure);
    $("detail-close").addEventListener("click", () => this.onClose());
    document.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && !$("detail").hidden && !this.mergeSplit.picking && !document.querySelector("dialog[open]")) this.onClose();
    });
    for (const b of $("review-buttons").querySelectorAll("button")) {
      b.addEventListener("click", () => {
        const action = b.dataset.action;
        if (action === "edit") this.showEditForm();
        else if (action === "merge") this.mergeSplit.openMerge();
        else if (action === "split") this.mergeSplit.openSplit();
        else this.review(action);
      });
    }
  }

  hide() {
    $("detail").hidden = true;
    this.current = null;
    this.mergeSplit.stopPicking();
    this.mergeSplit.hideForms();
  }

  /** Shown in the review status once the next event has loaded (e.g. the event a merge produced). */
  showAfterLoad(status, link) {
    this.pendingStatus = { status, link };
  }

  renderPendingStatus() {
    const pending = this.pendingStatus;
    this.pendingStatus = null;
    if (!pending) return;
    const el = $("review-status");
    el.textContent = pending.status;
    if (pending.link) {
      const a = document.createElement("a");
      a.href = `#/event/${encodeURIComponent(pending.link)}`;
      a.id = "review-status-link";
      a.className = "mono";
      a.textContent = ` ${t("split.openNew", { id: pending.link })}`;
      el.append(" ", a);
    }
  }

  async show(id) {
    const panel = $("detail");
    panel.hidden = false;
    panel.dataset.eventId = id;
    panel.setAttribute("aria-busy", "true");
    $("detail-id").textContent = id;
    $("review-status").textContent = "";
    $("review-edit").hidden = true;
    this.mergeSplit.stopPicking();
    this.mergeSplit.hideForms();
    $("detail-source").textContent = t("status.loading");
    try {
      const detail = await api.get(`/api/events/${encodeURIComponent(id)}`);
      if (panel.dataset.eventId !== id) return;
      this.current = detail;
      this.renderEvent();
      this.renderPendingStatus();
      await this.showDocument(detail.event.document_id);
    } catch (e) {
      $("detail-source").textContent = t("status.error", { message: e.message });
    } finally {
      panel.removeAttribute("aria-busy");
    }
    $("detail-close").focus({ preventScroll: true });
  }

  async showDocument(docId) {
    const target = $("detail-source");
    if (!docId) {
      target.textContent = t("detail.noText");
      return;
    }
    const doc = await api.get(`/api/documents/${encodeURIComponent(docId)}`);
    const text = doc.text ?? "";
    $("detail-doc-title").textContent = doc.title ?? "";
    target.dataset.documentId = docId;
    renderHighlighted(target, text, evidenceFor(this.current, docId, text));
    target.querySelector("mark")?.scrollIntoView({ block: "nearest" });
    for (const item of $("detail-sources").querySelectorAll("li")) item.classList.toggle("current", item.dataset.documentId === docId);
  }

  renderEvent() {
    const { event: e, sources = [], history = [] } = this.current;
    $("detail-state").textContent = t(`state.${e.review_state ?? "unreviewed"}`);
    $("detail-state").dataset.state = e.review_state ?? "unreviewed";
    $("detail-note").textContent = e.notes ?? "";

    const fields = $("detail-fields");
    fields.replaceChildren();
    const add = (key, value) => {
      if (value === null || value === undefined || value === "") return;
      const dt = document.createElement("dt");
      dt.textContent = t(`field.${key}`);
      const dd = document.createElement("dd");
      dd.textContent = String(value);
      dd.dataset.field = key;
      fields.append(dt, dd);
    };
    add("event_date", e.time_precision ? `${e.event_date} (${t(`precision.time.${e.time_precision}`)})` : e.event_date);
    add("event_type", typeLabel(e.event_type));
    add("sub_event_type", e.sub_event_type);
    add("actor1", e.actor1);
    add("assoc_actor_1", e.assoc_actor_1);
    add("actor2", e.actor2);
    add("assoc_actor_2", e.assoc_actor_2);
    add("interaction", e.interaction);
    add("country", e.country);
    add("admin1", e.admin1);
    add("admin2", e.admin2);
    add("admin3", e.admin3);
    add("location", e.location);
    add("location_ar", e.location_ar);
    if (typeof e.latitude === "number") {
      const precision = e.geo_precision ? ` (${t(`precision.geo.${e.geo_precision}`)})` : "";
      add("coordinates", `${e.latitude.toFixed(4)}, ${e.longitude.toFixed(4)}${precision}`);
    }
    add("fatalities", formatNumber(e.fatalities ?? 0));
    if (e.fatalities_low != null || e.fatalities_high != null) add("fatalities_range", `${e.fatalities_low ?? "?"}–${e.fatalities_high ?? "?"}`);
    add("modality", e.modality);
    if (typeof e.confidence === "number") add("confidence", e.confidence.toFixed(2));
    add("review_state", t(`state.${e.review_state ?? "unreviewed"}`));
    for (const dd of fields.querySelectorAll('dd[data-field="location_ar"]')) {
      dd.lang = "ar";
      dd.dir = "rtl";
    }

    const sourceList = $("detail-sources");
    sourceList.replaceChildren();
    for (const s of sources) {
      const item = document.createElement("li");
      item.dataset.documentId = s.document_id;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "link arabic";
      button.lang = "ar";
      button.dir = "auto";
      button.textContent = s.title || s.document_id;
      button.title = t("detail.showDoc");
      button.addEventListener("click", () => this.showDocument(s.document_id));
      item.append(button, document.createTextNode(` — ${[s.source, s.published].filter(Boolean).join(", ")}`));
      if (s.url) {
        const a = document.createElement("a");
        a.href = s.url;
        a.rel = "noreferrer noopener";
        a.target = "_blank";
        a.textContent = " ↗";
        item.append(a);
      }
      sourceList.append(item);
    }

    const candidates = $("detail-candidates");
    candidates.replaceChildren();
    const cands = e.place_candidates ?? [];
    if (cands.length === 0) candidates.append(li(t("detail.noCandidates"), "muted"));
    for (const c of cands) {
      candidates.append(li(`${c.name} — ${[c.admin1, c.country_code].filter(Boolean).join(", ")} (${Number(c.latitude).toFixed(3)}, ${Number(c.longitude).toFixed(3)}; ${Number(c.score ?? 0).toFixed(2)})`));
    }

    const hist = $("detail-history");
    hist.replaceChildren();
    if (history.length === 0) hist.append(li(t("detail.noHistory"), "muted"));
    for (const h of history) {
      const item = li(historyLine(h));
      item.dataset.field = h.field ?? "";
      item.dataset.action = h.action ?? "";
      item.dataset.user = h.user ?? "";
      hist.append(item);
    }
    this.updateReviewControls();
  }

  updateReviewControls() {
    const canReview = this.session.user && ["analyst", "admin"].includes(this.session.user.role);
    $("review-buttons").hidden = !canReview;
    $("review-hint").hidden = !!canReview;
    if (!canReview) {
      $("review-edit").hidden = true;
      this.mergeSplit.hideForms();
      this.mergeSplit.stopPicking();
    }
  }

  showEditForm() {
    const e = this.current.event;
    const form = $("review-edit");
    form.replaceChildren();
    const editable = [
      ["event_type", "select"],
      ["sub_event_type", "text"],
      ["actor1", "text"],
      ["actor2", "text"],
      ["admin1", "text"],
      ["location", "text"],
      ["fatalities", "number"],
      ["notes", "textarea"],
    ];
    for (const [key, kind] of editable) {
      const label = document.createElement("label");
      const span = document.createElement("span");
      span.textContent = t(`field.${key}`);
      let input;
      if (kind === "select") {
        input = document.createElement("select");
        for (const type of eventTypes) {
          const o = new Option(typeLabel(type.name), type.name);
          input.append(o);
        }
      } else if (kind === "textarea") {
        input = document.createElement("textarea");
        input.rows = 3;
      } else {
        input = document.createElement("input");
        input.type = kind;
        if (kind === "number") input.min = "0";
      }
      input.name = key;
      input.value = e[key] ?? "";
      input.dataset.original = String(e[key] ?? "");
      label.append(span, input);
      form.append(label);
    }
    const save = document.createElement("button");
    save.type = "submit";
    save.textContent = t("review.save");
    const cancel = document.createElement("button");
    cancel.type = "button";
    cancel.textContent = t("review.cancel");
    cancel.addEventListener("click", () => (form.hidden = true));
    form.append(save, cancel);
    form.onsubmit = (ev) => {
      ev.preventDefault();
      const fields = {};
      for (const input of form.querySelectorAll("[name]")) {
        if (input.value !== input.dataset.original) fields[input.name] = input.value; // the API takes every field as a string
      }
      if (Object.keys(fields).length > 0) this.review("edit", fields);
      form.hidden = true;
    };
    form.hidden = false;
    form.querySelector("[name]").focus();
  }

  async review(action, fields = undefined) {
    const id = this.current?.event?.event_id;
    if (!id) return;
    const status = $("review-status");
    status.textContent = t("status.loading");
    try {
      await api.post(`/api/events/${encodeURIComponent(id)}/review`, fields ? { action, fields } : { action });
      this.current = await api.get(`/api/events/${encodeURIComponent(id)}`);
      this.renderEvent();
      status.textContent = t("review.done", { action: t(`review.${action}`) });
      this.onChanged(this.current.event);
    } catch (e) {
      status.textContent = t("review.failed", { message: e.message });
    }
  }
}
