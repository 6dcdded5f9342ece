// Evidence highlighting: spans are [start,end) UTF-16 offsets into the original text, the same as JS string indices.

/** Sorted, merged copy of spans clipped to [0,length): overlapping or touching spans become one. */
export function mergeSpans(spans, length) {
  const clipped = spans
    .map((s) => ({ start: Math.max(0, s.start | 0), end: Math.min(length, s.end | 0) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged = [];
  for (const s of clipped) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Fills container with text, each span wrapped in <mark data-start data-end>; no HTML is parsed, so the text is shown
 * exactly as stored.
 */
export function renderHighlighted(container, text, spans) {
  container.replaceChildren();
  let at = 0;
  for (const s of mergeSpans(spans, text.length)) {
    if (s.start > at) container.append(document.createTextNode(text.slice(at, s.start)));
    const mark = document.createElement("mark");
    mark.dataset.start = String(s.start);
    mark.dataset.end = String(s.end);
    mark.textContent = text.slice(s.start, s.end);
    container.append(mark);
    at = s.end;
  }
  if (at < text.length) container.append(document.createTextNode(text.slice(at)));
}
