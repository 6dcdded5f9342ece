// Leaflet map over the offline basemap (no tile server): one clustered marker per placed event.
import { colorOf, radiusOf } from "./types.js";

/* global L */
export class EventMap {
  constructor(container, onOpen) {
    this.onOpen = onOpen;
    this.map = L.map(container, { zoomControl: true, attributionControl: true, minZoom: 2, maxZoom: 12, worldCopyJump: true, preferCanvas: false });
    this.map.setView([27, 40], 4);
    this.map.attributionControl.setPrefix(false);
    this.attribution = "";
    this.map.createPane("admin1");
    this.map.getPane("admin1").style.zIndex = 250;
    this.clusters = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      iconCreateFunction: (cluster) => this.clusterIcon(cluster),
    });
    this.map.addLayer(this.clusters);
    this.basemapReady = this.loadBasemap();
  }

  async loadBasemap() {
    try {
      const response = await fetch("data/basemap.json");
      const data = await response.json();
      const t0 = performance.now();
      const countries = { ...data, features: data.features.filter((f) => f.properties.kind === "country") };
      const admin1 = { ...data, features: data.features.filter((f) => f.properties.kind === "admin1") };
      L.geoJSON(countries, { interactive: false, style: { color: "#8a8f98", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(this.map);
      L.geoJSON(admin1, { pane: "admin1", interactive: false, style: { color: "#b3a98f", weight: 0.6, dashArray: "3 3", fill: false } }).addTo(this.map);
      performance.measure("rasid-basemap", { start: t0, end: performance.now() });
    } catch {
      // The map still works without outlines.
    }
  }

  clusterIcon(cluster) {
    const children = cluster.getAllChildMarkers();
    const counts = new Map();
    for (const m of children) counts.set(m.options.eventType, (counts.get(m.options.eventType) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const n = children.length;
    const size = Math.min(54, 26 + Math.log2(n) * 4);
    // Elements styled through the CSSOM, not style="" markup: the server's CSP (style-src 'self') forbids the latter.
    const badge = document.createElement("span");
    badge.dataset.count = String(n);
    badge.style.background = colorOf(top);
    badge.textContent = String(n);
    return L.divIcon({ html: badge, className: "event-cluster", iconSize: [size, size] });
  }

  setEvents(events, typeLabel) {
    this.clusters.clearLayers();
    const markers = [];
    for (const e of events) {
      if (typeof e.latitude !== "number" || typeof e.longitude !== "number") continue;
      const r = radiusOf(e.fatalities);
      const dot = document.createElement("span");
      dot.style.background = colorOf(e.event_type);
      dot.style.width = `${2 * r}px`;
      dot.style.height = `${2 * r}px`;
      const icon = L.divIcon({ className: "event-marker", html: dot, iconSize: [2 * r, 2 * r] });
      const label = `${e.event_date} · ${typeLabel(e.event_type)} · ${e.location ?? e.admin1 ?? ""}`;
      const marker = L.marker([e.latitude, e.longitude], { icon, title: label, alt: label, keyboard: true, eventType: e.event_type, riseOnHover: true });
      marker.on("click", () => this.onOpen(e.event_id));
      marker.on("add", () => {
        const node = marker.getElement();
        if (node) {
          node.dataset.eventId = e.event_id;
          node.dataset.eventType = e.event_type;
        }
      });
      markers.push(marker);
    }
    this.clusters.addLayers(markers);
    this.placed = markers.length;
    return markers.length;
  }

  setAttribution(text) {
    if (this.attribution) this.map.attributionControl.removeAttribution(this.attribution);
    this.attribution = text;
    this.map.attributionControl.addAttribution(text);
  }

  fitToEvents() {
    const bounds = this.clusters.getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds.pad(0.2), { maxZoom: 8 });
  }

  invalidate() {
    this.map.invalidateSize();
  }
}
