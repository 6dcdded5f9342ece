// ACLED event types and their map colours (colour-blind-safe Okabe–Ito palette).
export const eventTypes = [
  { name: "Battles", color: "#D55E00" },
  { name: "Explosions/Remote violence", color: "#CC79A7" },
  { name: "Violence against civilians", color: "#0072B2" },
  { name: "Protests", color: "#009E73" },
  { name: "Riots", color: "#E69F00" },
  { name: "Strategic developments", color: "#56B4E9" },
];

const otherColor = "#777777";

export function colorOf(type) {
  return eventTypes.find((t) => t.name === type)?.color ?? otherColor;
}

/** Marker radius in pixels: grows with the square root of fatalities so a massacre does not hide its neighbours. */
export function radiusOf(fatalities) {
  return Math.min(22, 5 + 2.2 * Math.sqrt(Math.max(0, fatalities || 0)));
}
