// Merge and split for analysts. Merge: pick the other event (its id, a nearby suggestion, or a click in the table or on
// the map), compare both side by side, confirm. Split: tick the mentions (one per source report) that form a new event.
// Both go to POST /api/events/{id}/review; the store writes who did it into the review history.
import * as api from "./api.js";
import { t, typeLabel, formatNumber } from "./i18n.js";

const $ = (id) => document.getElementById(id);
const suggestionDays = 3;
const maxSuggestions = 6;

const placeOf = (e) => [e.location, e.admin1, e.country].filter(Boolean).join(", ");

function daysBetween(a, b) {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86400000;
}

/** Squared degree distance, scaled for latitude: enough to rank neighbours, no need for great circles here. */
function nearness(a, b) {
  if (typeof a.latitude !== "number" || typeof b.latitude !== "number") return Number.POSITIVE_INFINITY;
  const dy = a.latitude - b.latitude;
  const dx = (a.longitude - b.longitude) * Math.cos((a.latitude * Math.PI) / 180);
  return dx * dx + dy * dy;
}

/** Loaded events that could be the same incident as e: same type, within a few days, nearest first. */
export function mergeSuggestions(e, loaded) {
  return loaded
    .filter((x) => x.event_id !== e.event_id && x.event_type === e.event_type && daysBetween(x.event_date, e.event_date) <= suggestionDays)
    .map((x) => ({ x, d: nearness(x, e), days: daysBetween(x.event_date, e.event_date) }))
    .sort((p, q) => p.d - q.d || p.days - q.days || String(p.x.event_id).localeCompare(String(q.x.event_id)))
    .slice(0, maxSuggestions)
    .map((p) => p.x);
}

function summary(e) {
  return `${e.event_date} · ${typeLabel(e.event_type)} · ${placeOf(e) || "—"} · ${t("merge.fatalities", { n: formatNumber(e.fatalities ?? 0) })}`;
}

export class MergeSplit {
  /**
   * @param detail the EventDetail whose current event is merged or split
   * @param hooks loadedEvents(): events the dashboard has loaded; changed({ open, status }): the store's incidents changed
   */
  constructor(detail, hooks) {
    this.detail = detail;
    this.hooks = hooks;
    this.picking = false;
    this.other = null;
    $("review-merge").addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.compare($("merge-id").value.trim());
    });
    $("merge-cancel-form").addEventListener("click", () => this.hideForms());
    $("merge-pick").addEventListener("click", () => this.startPicking());
    $("pick-cancel").addEventListener("click", () => this.stopPicking());
    $("merge-dialog-cancel").addEventListener("click", () => $("merge-dialog").close());
    $("merge-confirm-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.merge();
    });
    $("review-split").addEventListener("submit", (ev) => {
      ev.preventDefault();
      this.split();
    });
    $("review-split").addEventListener("change", () => this.updateSplitSummary());
    $("split-cancel").addEventListener("click", () => this.hideForms());
    document.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" && this.picking) {
        ev.preventDefault();
        this.stopPicking();
      }
    });
  }

  get event() {
    return this.detail.current?.event ?? null;
  }

  hideForms() {
    $("review-merge").hidden = true;
    $("review-split").hidden = true;
  }

  status(text) {
    $("review-status").textContent = text;
  }

  // ---- merge ----

  openMerge() {
    const e = this.event;
    if (!e) return;
    $("review-edit").hidden = true;
    $("review-split").hidden = true;
    $("merge-id").value = "";
    const list = $("merge-suggestions");
    list.replaceChildren();
    const suggestions = mergeSuggestions(e, this.hooks.loadedEvents());
    if (suggestions.length === 0) {
      const li = document.createElement("li");
      li.className = "muted";
      li.textContent = t("merge.noSuggestions");
      list.append(li);
    }
    for (const x of suggestions) {
      const li = document.createElement("li");
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.dataset.eventId = x.event_id;
      b.textContent = summary(x);
      b.title = x.event_id;
      b.addEventListener("click", () => {
        $("merge-id").value = x.event_id;
        this.compare(x.event_id);
      });
      li.append(b);
      list.append(li);
    }
    $("review-merge").hidden = false;
    $("merge-id").focus();
  }

  startPicking() {
    const e = this.event;
    if (!e) return;
    this.picking = true;
    document.body.dataset.picking = "merge";
    $("detail").classList.add("picking");
    $("pick-text").textContent = t("merge.pickBanner", { id: e.event_id });
    $("pick-banner").hidden = false;
  }

  stopPicking() {
    this.picking = false;
    delete document.body.dataset.picking;
    $("detail").classList.remove("picking");
    $("pick-banner").hidden = true;
  }

  /** An event clicked in the table or on the map while picking. */
  pick(id) {
    if (id === this.event?.event_id) {
      $("pick-text").textContent = t("merge.pickOther", { id });
      return;
    }
    this.stopPicking();
    $("merge-id").value = id;
    this.compare(id);
  }

  async compare(otherId) {
    const e = this.event;
    if (!e) return;
    if (!otherId) {
      this.status(t("merge.needId"));
      return;
    }
    if (otherId === e.event_id) {
      this.status(t("merge.self"));
      return;
    }
    this.status(t("status.loading"));
    let other;
    try {
      other = (await api.get(`/api/events/${encodeURIComponent(otherId)}`)).event;
    } catch (err) {
      this.status(err instanceof api.ApiError && err.status === 404 ? t("merge.notFound", { id: otherId }) : t("review.failed", { message: err.message }));
      return;
    }
    this.status("");
    this.other = other;
    this.renderComparison(e, other);
    $("merge-error").textContent = "";
    $("merge-dialog").showModal();
    $("merge-confirm").focus();
  }

  renderComparison(a, b) {
    $("merge-col-a").textContent = t("merge.thisEvent");
    $("merge-col-b").textContent = t("merge.otherEvent");
    const rows = [
      ["event_id", (e) => e.event_id],
      ["event_date", (e) => e.event_date],
      ["event_type", (e) => typeLabel(e.event_type)],
      ["sub_event_type", (e) => e.sub_event_type],
      ["actor1", (e) => e.actor1],
      ["actor2", (e) => e.actor2],
      ["location", (e) => placeOf(e)],
      ["fatalities", (e) => formatNumber(e.fatalities ?? 0)],
      ["sources", (e) => formatNumber(e.source_count ?? 1)],
      ["review_state", (e) => t(`state.${e.review_state ?? "unreviewed"}`)],
      ["notes", (e) => e.notes],
    ];
    const body = $("merge-rows");
    body.replaceChildren();
    for (const [key, get] of rows) {
      const tr = document.createElement("tr");
      tr.dataset.field = key;
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = t(`field.${key}`);
      const va = String(get(a) ?? "");
      const vb = String(get(b) ?? "");
      const ta = document.createElement("td");
      ta.textContent = va;
      const tb = document.createElement("td");
      tb.textContent = vb;
      if (va !== vb) tr.className = "differs";
      if (key === "event_id") {
        ta.className = "mono";
        tb.className = "mono";
      }
      tr.append(th, ta, tb);
      body.append(tr);
    }
    $("merge-dialog-help").textContent = t("merge.confirmHelp", { n: formatNumber((a.source_count ?? 1) + (b.source_count ?? 1)) });
  }

  async merge() {
    const e = this.event;
    const other = this.other;
    if (!e || !other) return;
    $("merge-confirm").disabled = true;
    try {
      const answer = await api.post(`/api/events/${encodeURIComponent(e.event_id)}/review`, { action: "merge", merge_with: other.event_id });
      $("merge-dialog").close();
      this.hideForms();
      const merged = answer.event;
      this.hooks.changed({
        open: merged.event_id,
        status: t("merge.done", { a: e.event_id, b: other.event_id, id: merged.event_id, n: formatNumber(merged.source_count ?? 1) }),
      });
    } catch (err) {
      $("merge-error").textContent = t("review.failed", { message: err.message });
    } finally {
      $("merge-confirm").disabled = false;
    }
  }

  // ---- split ----

  openSplit() {
    const detail = this.detail.current;
    if (!detail) return;
    $("review-edit").hidden = true;
    $("review-merge").hidden = true;
    const mentions = detail.mentions ?? [];
    if (mentions.length < 2) {
      this.status(t("split.needTwo"));
      return;
    }
    const titles = new Map((detail.sources ?? []).map((s) => [s.document_id, s.title || s.document_id]));
    const list = $("split-mentions");
    list.replaceChildren();
    for (const m of mentions) {
      const li = document.createElement("li");
      li.dataset.mentionId = m.event_id;
      li.dataset.documentId = m.document_id;
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.name = "mention_ids";
      box.value = m.event_id;
      const head = document.createElement("span");
      head.textContent = summary(m);
      const source = document.createElement("span");
      source.className = "split-source arabic";
      source.lang = "ar";
      source.dir = "auto";
      source.textContent = titles.get(m.document_id) ?? m.document_id;
      label.append(box, head, source);
      const quote = (m.evidence ?? []).map((s) => s.text).filter(Boolean).slice(0, 3).join(" … ");
      li.append(label);
      if (quote) {
        const q = document.createElement("blockquote");
        q.className = "arabic";
        q.lang = "ar";
        q.dir = "rtl";
        q.textContent = quote;
        li.append(q);
      }
      list.append(li);
    }
    $("review-split").hidden = false;
    this.updateSplitSummary();
    list.querySelector("input")?.focus();
  }

  selectedMentions() {
    return [...$("split-mentions").querySelectorAll("input[name=mention_ids]:checked")].map((b) => b.value);
  }

  updateSplitSummary() {
    const total = $("split-mentions").querySelectorAll("input[name=mention_ids]").length;
    const n = this.selectedMentions().length;
    const ok = n > 0 && n < total;
    $("split-submit").disabled = !ok;
    $("split-summary").textContent = n === 0 ? t("split.pickSome") : n === total ? t("split.notAll") : t("split.summary", { n: formatNumber(n), m: formatNumber(total - n) });
  }

  async split() {
    const e = this.event;
    const ids = this.selectedMentions();
    if (!e || ids.length === 0) return;
    $("split-submit").disabled = true;
    this.status(t("status.loading"));
    try {
      const answer = await api.post(`/api/events/${encodeURIComponent(e.event_id)}/review`, { action: "split", mention_ids: ids });
      this.hideForms();
      const kept = answer.event;
      const off = answer.split_off;
      this.hooks.changed({
        open: kept.event_id,
        status: t("split.done", { id: e.event_id, kept: kept.event_id, off: off?.event_id ?? "?" }),
        link: off?.event_id,
      });
    } catch (err) {
      this.status(t("review.failed", { message: err.message }));
      this.updateSplitSummary();
    }
  }
}
