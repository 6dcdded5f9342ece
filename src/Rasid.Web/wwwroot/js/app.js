// Dashboard wiring: filters → one debounced events request (summary fields only) and the timeline, in parallel → map,
// table and timeline; brush → client-side filter when every matching event is loaded (else one more request); hash
// routes #/, #/report, #/event/ID. At most mapLimit events are loaded; the counts say "first N of M" when there are more.
import * as api from "./api.js";
import { t, typeLabel, formatNumber, setLanguage, language, onLanguageChange, initialLanguage } from "./i18n.js";
import { eventTypes } from "./types.js";
import { Timeline } from "./timeline.js";
import { EventMap } from "./map.js";
import { EventTable } from "./table.js";
import { EventDetail } from "./detail.js";
import { ReportPage } from "./report.js";

const $ = (id) => document.getElementById(id);
const mapLimit = 1000; // the API's page size limit: larger selections show the newest 1000 (the count says so)
const fields = "summary"; // what map and table show; the event detail fetches the whole event
const debounceMs = 250;

const session = { user: null };
const state = {
  filters: {},
  brush: null,
  loaded: [], // events matching the filters (without the brush)
  complete: true, // loaded holds every matching event
  total: 0,
  view: [],
  seq: 0,
  controller: null,
  firstFit: true,
};

let renderSeq = 0;
let timeline;
let eventMap;
let table;
let detail;
let report;

function readFilters() {
  const form = $("filters");
  const data = new FormData(form);
  const f = {};
  for (const [k, v] of data.entries()) {
    const s = String(v).trim();
    if (s) f[k] = s;
  }
  return f;
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function inBrush(e) {
  return !state.brush || (e.event_date >= state.brush.from && e.event_date <= state.brush.to);
}

/** Brushed range intersected with the date filters, as API parameters. */
function brushedFilters() {
  const f = { ...state.filters };
  if (state.brush) {
    f.from = f.from && f.from > state.brush.from ? f.from : state.brush.from;
    f.to = f.to && f.to < state.brush.to ? f.to : state.brush.to;
  }
  return f;
}

function perDay(events) {
  const days = new Map();
  for (const e of events) {
    const d = days.get(e.event_date) ?? { date: e.event_date, events: 0, fatalities: 0 };
    d.events += 1;
    d.fatalities += e.fatalities ?? 0;
    days.set(e.event_date, d);
  }
  return [...days.values()];
}

function setLoading(on, message = "") {
  document.body.dataset.loading = on ? "true" : "false";
  $("load-status").textContent = on ? t("status.loading") : message;
}

function abortPrevious() {
  state.controller?.abort();
  state.controller = new AbortController();
  return state.controller.signal;
}

/**
 * A filter changed: the matching events and the timeline in parallel (the timeline is one cheap GROUP BY and saves a
 * second round trip when the events do not all fit in one page).
 */
async function reload() {
  state.filters = readFilters();
  const seq = ++state.seq;
  const signal = abortPrevious();
  setLoading(true);
  try {
    if (renderSeq === 0) performance.mark("rasid-first-request");
    const [result, days] = await Promise.all([
      api.get("/api/events", { ...state.filters, order: "date", limit: mapLimit, offset: 0, fields }, signal),
      api.get("/api/timeline", state.filters, signal),
    ]);
    if (seq !== state.seq) return;
    if (renderSeq === 0) performance.mark("rasid-first-response");
    state.loaded = result.items ?? [];
    state.total = result.total ?? state.loaded.length;
    state.complete = state.loaded.length >= state.total;
    timeline.setData(state.complete ? perDay(state.loaded) : days);
    if (state.complete) {
      state.view = state.loaded.filter(inBrush);
    } else {
      const brushed = state.brush ? await api.get("/api/events", { ...brushedFilters(), order: "date", limit: mapLimit, fields }, signal) : result;
      if (seq !== state.seq) return;
      state.view = brushed.items ?? [];
      if (state.brush) state.total = brushed.total ?? state.view.length;
    }
    showView(!state.brush);
  } catch (e) {
    if (e.name !== "AbortError") setLoading(false, t("status.error", { message: e.message }));
  }
}

/** The brush moved: filter what is loaded, or ask the server when not every event is loaded. */
async function brushChanged(selection) {
  state.brush = selection;
  $("brush-clear").hidden = !selection;
  $("brush-label").textContent = selection ? t("timeline.selected", { from: selection.from, to: selection.to }) : "";
  if (state.complete) {
    state.view = state.loaded.filter(inBrush);
    showView(false);
    return;
  }
  const seq = ++state.seq;
  const signal = abortPrevious();
  setLoading(true);
  try {
    const result = await api.get("/api/events", { ...brushedFilters(), order: "date", limit: mapLimit, fields }, signal);
    if (seq !== state.seq) return;
    state.view = result.items ?? [];
    state.total = result.total ?? state.view.length;
    showView(false);
  } catch (e) {
    if (e.name !== "AbortError") setLoading(false, t("status.error", { message: e.message }));
  }
}

function showView(fit) {
  const t0 = performance.now();
  const placed = eventMap.setEvents(state.view, typeLabel);
  if (fit || state.firstFit) {
    eventMap.fitToEvents();
    state.firstFit = false;
  }
  const t1 = performance.now();
  table.setEvents(state.view);
  renderCounts(placed);
  setLoading(false);
  if (renderSeq === 0) {
    // Page-load figures (bench "web"): navigation start → first map/table data, and where that time went.
    performance.measure("rasid-markers", { start: t0, end: t1 });
    performance.measure("rasid-table", { start: t1, end: performance.now() });
    performance.mark("rasid-first-data");
  }
  renderSeq += 1;
  document.body.dataset.loadSeq = String(renderSeq); // tests wait for this to change after a filter or brush
  document.body.dataset.viewCount = String(state.view.length);
}

function renderCounts(placed = eventMap.placed ?? 0) {
  const shown = state.view.length;
  const total = state.complete ? shown : Math.max(shown, state.total);
  $("table-count").textContent =
    shown < total ? t("table.countPartial", { total: formatNumber(total), shown: formatNumber(shown) }) : t("table.count", { total: formatNumber(total) });
  const unplaced = shown - placed;
  $("map-note").textContent = unplaced > 0 ? t("map.unplaced", { n: formatNumber(unplaced) }) : "";
  // A selection larger than one page: say plainly that map and table hold only its newest part.
  const partial = $("partial-note");
  partial.hidden = shown >= total;
  partial.textContent = shown < total ? t("map.partial", { shown: formatNumber(shown), total: formatNumber(total) }) : "";
  document.body.dataset.total = String(total);
}

function renderLegend() {
  const list = $("legend-items");
  list.replaceChildren();
  for (const type of eventTypes) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = type.color;
    item.append(swatch, document.createTextNode(typeLabel(type.name)));
    item.dataset.eventType = type.name;
    list.append(item);
  }
}

function fillSelect(select, options, keep = true) {
  const value = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const o of options) select.add(new Option(o.label, o.value));
  if (keep && [...select.options].some((o) => o.value === value)) select.value = value;
}

let facetCache = null;

async function loadFacets(country = "") {
  try {
    const facets = await api.get("/api/facets", country ? { country } : {});
    if (!country) {
      facetCache = facets;
      const countries = (facets.countries ?? []).map((c) => ({ value: c.code ?? c.name, label: `${c.name ?? c.code} (${formatNumber(c.count ?? 0)})` }));
      fillSelect($("f-country"), countries);
      const actors = $("actor-list");
      actors.replaceChildren(...(facets.actors ?? []).slice(0, 200).map((a) => new Option(a.name ?? a)));
    }
    const admin1 = (facets.admin1 ?? []).map((a) => ({ value: a.name ?? a, label: `${a.name ?? a} (${formatNumber(a.count ?? 0)})` }));
    fillSelect($("f-admin1"), admin1);
  } catch {
    // Facets only fill the drop-downs; the dashboard works without them.
  }
}

function renderTypeOptions() {
  const counts = new Map((facetCache?.event_types ?? []).map((x) => [x.name ?? x, x.count]));
  fillSelect(
    $("f-type"),
    eventTypes.map((type) => ({ value: type.name, label: counts.has(type.name) ? `${typeLabel(type.name)} (${formatNumber(counts.get(type.name))})` : typeLabel(type.name) })),
  );
}

function updateUser() {
  const user = session.user;
  $("login-button").hidden = !!user;
  $("logout-button").hidden = !user;
  $("user-info").textContent = user ? t("user.signedIn", { name: user.name, role: user.role }) : "";
  detail.updateReviewControls();
  report.updateForUser();
}

function setupLogin() {
  const dialog = $("login-dialog");
  $("login-button").addEventListener("click", () => {
    $("login-error").textContent = "";
    dialog.showModal();
    $("login-name").focus();
  });
  $("login-cancel").addEventListener("click", () => dialog.close());
  $("login-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    try {
      const me = await api.login($("login-name").value, $("login-password").value);
      session.user = { name: me.name, role: me.role };
      $("login-password").value = "";
      dialog.close();
      updateUser();
    } catch {
      $("login-error").textContent = t("login.failed");
    }
  });
  $("logout-button").addEventListener("click", async () => {
    await api.logout().catch(() => {});
    session.user = null;
    updateUser();
  });
}

function renderIngest(status) {
  const el = $("ingest-status");
  if (!status) {
    el.hidden = true;
    return;
  }
  const parts = [];
  const server = status.server ?? {};
  const store = status.store ?? {};
  const queue = status.queue ?? null;
  if (server.in_flight > 0 || server.documents_last_minute > 0) {
    parts.push(t("ingest.running", { inFlight: formatNumber(server.in_flight ?? 0), perMinute: formatNumber(server.documents_last_minute ?? 0) }));
  }
  if (queue) {
    parts.push(t("ingest.queue", { n: formatNumber(queue.queued ?? 0), running: formatNumber(queue.running ?? 0) }));
  }
  if (typeof store.documents === "number") {
    parts.push(t("ingest.store", { documents: formatNumber(store.documents), events: formatNumber(store.incidents ?? store.events ?? 0) }));
  }
  if (parts.length === 0) parts.push(t("ingest.idle"));
  el.hidden = false;
  el.textContent = `${t("ingest.label")}: ${parts.join(" · ")}`;
  el.dataset.inFlight = String(server.in_flight ?? 0);
}

function pollIngest() {
  let failures = 0;
  const tick = async () => {
    try {
      renderIngest(await api.get("/api/ingest/status"));
      failures = 0;
    } catch (e) {
      failures += 1;
      if (e instanceof api.ApiError && e.status === 404) {
        renderIngest(null);
        return; // no such endpoint on this server: stop asking
      }
    }
    setTimeout(tick, Math.min(60000, 5000 * 2 ** failures));
  };
  tick();
}

function route() {
  const hash = location.hash || "#/";
  const eventMatch = hash.match(/^#\/event\/(.+)$/);
  const onReport = hash === "#/report";
  $("view-dashboard").hidden = onReport;
  $("view-report").hidden = !onReport;
  $("nav-dashboard").removeAttribute("aria-current");
  $("nav-report").removeAttribute("aria-current");
  $(onReport ? "nav-report" : "nav-dashboard").setAttribute("aria-current", "page");
  if (!onReport) eventMap.invalidate();
  if (eventMatch) detail.show(decodeURIComponent(eventMatch[1]));
  else detail.hide();
}

function openEvent(id) {
  if (detail.mergeSplit.picking) {
    detail.mergeSplit.pick(id); // choosing the other event of a merge, not opening it
    return;
  }
  location.hash = `#/event/${encodeURIComponent(id)}`;
}

/** A merge or split replaced incidents: open the resulting event and reload map, table and timeline from the store. */
function structureChanged({ open, status, link }) {
  detail.showAfterLoad(status, link);
  const hash = `#/event/${encodeURIComponent(open)}`;
  if (location.hash === hash) detail.show(open);
  else location.hash = hash;
  reload();
}

function eventChanged(e) {
  // Review state changed: update the loaded copy so table and map agree without reloading everything.
  for (const list of [state.loaded, state.view]) {
    const i = list.findIndex((x) => x.event_id === e.event_id);
    if (i >= 0) list[i] = { ...list[i], ...e };
  }
  table.render();
}

function measureHeader() {
  document.documentElement.style.setProperty("--header-h", `${document.querySelector("header.top").offsetHeight}px`);
}

async function main() {
  setLanguage(initialLanguage());
  measureHeader();
  window.addEventListener("resize", measureHeader);
  timeline = new Timeline($("timeline"), brushChanged);
  timeline.onOutside = (before, after) => {
    $("timeline-outside").textContent = before + after > 0 ? t("timeline.outside", { before: formatNumber(before), after: formatNumber(after) }) : "";
  };
  eventMap = new EventMap($("map"), openEvent);
  eventMap.setAttribution(t("map.attribution"));
  table = new EventTable($("events-table"), $("events-body"), { prev: $("page-prev"), next: $("page-next"), label: $("page-label") }, openEvent);
  detail = new EventDetail(
    session,
    eventChanged,
    () => {
      if (location.hash.startsWith("#/event/")) location.hash = "#/";
    },
    { loadedEvents: () => state.view, changed: structureChanged },
  );
  // While a merge partner is being picked, a click on a table row (its date link included) picks instead of opening.
  $("events-body").addEventListener(
    "click",
    (ev) => {
      if (!detail.mergeSplit.picking) return;
      const row = ev.target.closest("tr[data-event-id]");
      if (!row) return;
      ev.preventDefault();
      ev.stopPropagation();
      detail.mergeSplit.pick(row.dataset.eventId);
    },
    true,
  );
  report = new ReportPage(session, () => reload());
  renderLegend();
  renderTypeOptions();
  setupLogin();

  const debounced = debounce(reload, debounceMs);
  const form = $("filters");
  form.addEventListener("input", (ev) => {
    if (ev.target.id === "f-country") loadFacets(ev.target.value).then(() => {});
    debounced();
  });
  form.addEventListener("change", (ev) => {
    if (ev.target.tagName === "SELECT" || ev.target.type === "date") debounced();
  });
  form.addEventListener("submit", (ev) => ev.preventDefault());
  form.addEventListener("reset", () => {
    setTimeout(() => {
      timeline.clear(false);
      state.brush = null;
      $("brush-clear").hidden = true;
      $("brush-label").textContent = "";
      loadFacets();
      reload();
    });
  });
  $("brush-clear").addEventListener("click", () => timeline.clear());
  $("lang-toggle").addEventListener("click", () => setLanguage(language() === "ar" ? "en" : "ar"));
  onLanguageChange(() => {
    measureHeader();
    $("lang-toggle").lang = language() === "ar" ? "en" : "ar";
    renderLegend();
    renderTypeOptions();
    eventMap.setAttribution(t("map.attribution"));
    table.render();
    timeline.render();
    renderCounts();
    updateUser();
    if (detail.current) detail.renderEvent();
    report.render();
    if (state.brush) $("brush-label").textContent = t("timeline.selected", { from: state.brush.from, to: state.brush.to });
  });
  $("lang-toggle").lang = language() === "ar" ? "en" : "ar";
  window.addEventListener("hashchange", route);

  // Events, timeline, facets and the session go out together: the first map and table wait for none of the others.
  route();
  const facetsLoaded = loadFacets().then(renderTypeOptions);
  const sessionKnown = api
    .me()
    .catch(() => null)
    .then((user) => {
      if (session.user) return; // logged in meanwhile
      session.user = user;
      updateUser();
    });
  await reload();
  await Promise.all([facetsLoaded, sessionKnown]);
  pollIngest();
}

main();
