// eventwire dashboard: one module, no dependencies, no build step.
// Every value from the store is untrusted: elements are built with createElement and filled with
// textContent, links are made only for http(s) URLs, and the page's CSP allows no inline script.

const FILTERS = ["since", "until", "country", "role", "actor", "type", "quad_class", "min_confidence", "q",
  "place", "bbox", "dyad", "historical"];
const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
const QUAD_LABELS = {
  verbal_cooperation: "verbal cooperation", material_cooperation: "material cooperation",
  verbal_conflict: "verbal conflict", material_conflict: "material conflict",
};
const PAGE_SIZE = 50;
const SVG = "http://www.w3.org/2000/svg";

// ---- small DOM helpers -------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function clear(node) {
  node.replaceChildren();
  return node;
}

// A link for an untrusted URL: only http(s) becomes a link, anything else stays text.
function externalLink(url, label) {
  const safe = safeUrl(url);
  if (!safe) return el("span", { class: "unsafe-url", text: label || url || "" });
  return el("a", { href: safe, rel: "noopener noreferrer", target: "_blank", text: label || safe });
}

function safeUrl(url) {
  if (typeof url !== "string" || !url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// ---- the URL is the state ------------------------------------------------------------------------

function currentParams() {
  return new URLSearchParams(window.location.search);
}

function filterParams(params = currentParams()) {
  const out = new URLSearchParams();
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) out.set(key, value);
  }
  return out;
}

// A dashboard link with these filters plus `extra` (null values removed).
function pageUrl(filters, extra = {}) {
  const params = new URLSearchParams(filters);
  for (const [key, value] of Object.entries(extra)) {
    if (value === null || value === undefined || value === "") params.delete(key);
    else params.set(key, value);
  }
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

function navigate(url) {
  window.history.pushState(null, "", url);
  render();
}

// Same-page links: keep the page, change the URL, redraw.
function internalLink(url, label, attrs = {}) {
  return el("a", {
    href: url, text: label, ...attrs,
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      navigate(url);
    },
  });
}

// ---- API -----------------------------------------------------------------------------------------

class ApiError extends Error {}

async function api(path, params) {
  const query = params && params.toString();
  const response = await fetch(query ? `${path}?${query}` : path, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && (body.detail || body.error);
    throw new ApiError(typeof detail === "string" ? detail : `${path}: HTTP ${response.status}`);
  }
  return body;
}

function showStatus(message, isError = false) {
  const status = document.getElementById("status");
  status.textContent = message || "";
  status.classList.toggle("error", Boolean(isError));
}

// ---- labels --------------------------------------------------------------------------------------

function actorLabel(actor) {
  if (!actor) return "";
  const name = actor.name || actor.text || "";
  const code = actor.code || [actor.country, actor.sector].filter(Boolean).join("");
  return code && code !== name ? `${name} (${code})` : name;
}

function actorsLabel(actors) {
  return (actors || []).map(actorLabel).join("; ") || "-";
}

function placeLabel(location) {
  if (!location) return "-";
  const name = location.name || location.text || "";
  return location.country ? `${name}, ${location.country}` : name;
}

function flagsOf(event) {
  return ["negated", "hypothetical", "future", "historical"].filter((flag) => event[flag]);
}

function eventDate(event) {
  return (event.date && event.date.value) || event.first_reported || "undated";
}

// ---- filters form --------------------------------------------------------------------------------

function fillFilterForm() {
  const form = document.getElementById("filters");
  const params = currentParams();
  for (const input of form.elements) {
    if (input.name) input.value = params.get(input.name) || "";
  }
}

function setUpFilterForm() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const input of form.elements) {
      if (input.name && input.value.trim()) params.set(input.name, input.value.trim());
    }
    // Filters the form does not show (a dyad, a map box, a role) stay until cleared.
    const kept = currentParams();
    for (const key of ["dyad", "bbox", "interval", "by", "limit"]) {
      if (kept.get(key)) params.set(key, kept.get(key));
    }
    navigate(pageUrl(params));
  });
  document.getElementById("clear-filters").addEventListener("click", (event) => {
    event.preventDefault();
    navigate("/");
  });
}

function activeFilterChips(filters) {
  const hidden = ["dyad", "bbox"].filter((key) => filters.get(key));
  if (!hidden.length) return null;
  return el("p", { class: "chips" }, hidden.map((key) => {
    const without = new URLSearchParams(filters);
    without.delete(key);
    return el("span", { class: "chip" }, `${key}: ${filters.get(key)} `,
      internalLink(pageUrl(without), "×", { title: `remove the ${key} filter`, class: "chip-remove" }));
  }));
}

// ---- overview: timeline, dyads, map, table ---------------------------------------------------------

async function renderOverview() {
  const params = currentParams();
  const filters = filterParams(params);
  const chips = activeFilterChips(filters);
  const status = document.getElementById("status");
  status.after(...(chips ? [chips] : []));
  renderExportLinks(filters);
  // Each panel draws as soon as its own data arrives; the marks are read by benchmarks/dashboard_paint.py.
  const panels = { events: renderTable(params, filters), timeline: renderTimeline(params, filters),
    dyads: renderDyads(filters), map: renderMap(filters) };
  const results = await Promise.allSettled(Object.entries(panels).map(([name, job]) => job.then(
    () => performance.mark(`eventwire-${name === "events" ? "table" : name}`),
    (error) => {
      // A panel whose query failed says why; the others still draw.
      document.getElementById(`${name}-panel`).append(el("p", { class: "error panel-error", text: error.message }));
      throw error;
    })));
  const failed = results.find((r) => r.status === "rejected");
  showStatus(failed ? String(failed.reason.message || failed.reason) : "", Boolean(failed));
}

function renderExportLinks(filters) {
  const box = clear(document.getElementById("export"));
  box.append("Download the selection: ");
  for (const format of ["csv", "jsonl", "parquet"]) {
    const params = new URLSearchParams(filters);
    params.set("format", format);
    box.append(el("a", { href: `/api/export?${params}`, download: `events.${format}`, text: format.toUpperCase() }), " ");
  }
}

const COLUMNS = [
  { label: "Date", sort: "date" },
  { label: "Type" },
  { label: "Source" },
  { label: "Target" },
  { label: "Place" },
  { label: "Articles", sort: "num_articles" },
  { label: "Confidence", sort: "confidence" },
];

// Rows per page: ?limit= in the URL (1 to 1000), else PAGE_SIZE.
function pageSize(params) {
  const asked = Number.parseInt(params.get("limit") || "", 10);
  return String(asked >= 1 && asked <= 1000 ? asked : PAGE_SIZE);
}

async function renderTable(params, filters) {
  const sort = params.get("sort") || "-date";
  const query = new URLSearchParams(filters);
  query.set("sort", sort);
  query.set("limit", pageSize(params));
  if (params.get("cursor")) query.set("cursor", params.get("cursor"));
  const table = document.getElementById("events");
  const base = new URLSearchParams(filters);
  if (params.get("limit")) base.set("limit", pageSize(params));
  renderTableHead(table.tHead, base, sort);
  const body = clear(table.tBodies[0]);
  body.append(el("tr", {}, el("td", { colspan: COLUMNS.length, class: "loading", text: "loading…" })));
  const page = await api("/api/events", query);
  clear(body);
  for (const event of page.events) body.append(eventRow(event, filters));
  if (!page.events.length) {
    const why = [...filters.keys()].length ? "No event matches these filters."
      : "The store holds no event yet: `eventwire ingest FILES` codes articles into it.";
    body.append(el("tr", {}, el("td", { colspan: COLUMNS.length, text: why })));
  }
  const pager = clear(document.getElementById("pager"));
  if (params.get("cursor")) pager.append(internalLink(pageUrl(base, { sort }), "« first page", { id: "first-page" }), " ");
  if (page.next) pager.append(internalLink(pageUrl(base, { sort, cursor: page.next }), "next page »", { id: "next-page" }));
}

function renderTableHead(head, base, sort) {
  const row = el("tr");
  for (const column of COLUMNS) {
    if (!column.sort) {
      row.append(el("th", { text: column.label }));
      continue;
    }
    const descending = `-${column.sort}`;
    const active = sort === column.sort || sort === descending;
    const next = sort === descending ? column.sort : descending;
    const arrow = active ? (sort === descending ? " ▼" : " ▲") : "";
    row.append(el("th", { "aria-sort": active ? (sort === descending ? "descending" : "ascending") : null },
      internalLink(pageUrl(base, { sort: next }), column.label + arrow, { class: "sort", "data-sort": column.sort })));
  }
  clear(head).append(row);
}

function eventRow(event, filters) {
  const open = pageUrl(filters, { event: event.event_id });
  const type = el("td", {}, internalLink(open, event.event_type, { class: "event-link" }),
    event.cameo ? el("span", { class: "cameo", text: ` ${event.cameo}` }) : null,
    flagsOf(event).map((flag) => el("span", { class: `flag flag-${flag}`, text: flag })));
  return el("tr", { class: `quad-${event.quad_class}`, "data-event-id": event.event_id },
    el("td", { text: eventDate(event) }),
    type,
    el("td", { text: actorsLabel(event.source) }),
    el("td", { text: actorsLabel(event.target) }),
    el("td", { text: placeLabel(event.location) }),
    el("td", { class: "num", text: event.num_articles ?? 1 }),
    el("td", { class: "num", text: Number(event.confidence).toFixed(2) }));
}

// ---- timeline ------------------------------------------------------------------------------------------

// /api/timeline's buckets ({period, events, by: {group: n}}) as [{period, counts}].
function timelineBuckets(body) {
  return body.buckets.map((bucket) => ({ period: bucket.period, counts: bucket.by || { events: bucket.events } }));
}

async function renderTimeline(params, filters) {
  const interval = params.get("interval") || "month";
  const by = params.get("by") || "quad_class";
  renderTimelineControls(filters, interval, by);
  const query = new URLSearchParams(filters);
  query.set("interval", interval);
  query.set("by", by);
  const box = clear(document.getElementById("timeline"));
  const buckets = timelineBuckets(await api("/api/timeline", query));
  if (!buckets.length) {
    box.append(el("p", { class: "empty", text: "No dated event." }));
    return;
  }
  const series = by === "quad_class" ? QUADS : [...new Set(buckets.flatMap((b) => Object.keys(b.counts)))].sort();
  box.append(timelineChart(buckets, series, interval, by, filters));
}

function renderTimelineControls(filters, interval, by) {
  const box = clear(document.getElementById("timeline-controls"));
  for (const option of ["day", "week", "month"]) {
    box.append(option === interval ? el("strong", { text: option })
      : internalLink(pageUrl(currentParams(), { interval: option }), option), " ");
  }
  box.append(" · by ");
  for (const [option, label] of [["quad_class", "quad class"], ["event_type", "type"]]) {
    box.append(option === by ? el("strong", { text: label })
      : internalLink(pageUrl(currentParams(), { by: option }), label), " ");
  }
}

function timelineChart(buckets, series, interval, by, filters) {
  const width = 560;
  const height = 200;
  const margin = { left: 36, right: 8, top: 8, bottom: 22 };
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const totals = buckets.map((b) => series.reduce((sum, s) => sum + (b.counts[s] || 0), 0));
  const max = Math.max(1, ...totals);
  const step = plotWidth / buckets.length;
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-chart", role: "img",
    "aria-label": `events per ${interval}, stacked by ${by}` });
  chart.append(svg("text", { x: margin.left - 4, y: margin.top + 8, class: "axis", "text-anchor": "end", text: max }));
  chart.append(svg("text", { x: margin.left - 4, y: margin.top + plotHeight, class: "axis", "text-anchor": "end", text: 0 }));
  const colours = seriesColours(series, by);
  buckets.forEach((bucket, i) => {
    let y = margin.top + plotHeight;
    for (const name of series) {
      const count = bucket.counts[name] || 0;
      if (!count) continue;
      const h = (count / max) * plotHeight;
      y -= h;
      chart.append(svg("rect", { x: margin.left + i * step, y, width: Math.max(step - 1, 0.5), height: h,
        class: `bar ${colours[name]}` }, svg("title", { text: `${bucket.period}: ${count} ${name.replaceAll("_", " ")}` })));
    }
  });
  for (const i of [0, Math.floor(buckets.length / 2), buckets.length - 1]) {
    chart.append(svg("text", { x: margin.left + (i + 0.5) * step, y: height - 6, class: "axis",
      "text-anchor": i === 0 ? "start" : i === buckets.length - 1 ? "end" : "middle", text: buckets[i].period }));
  }
  addBrush(chart, buckets, interval, margin, plotHeight, step, filters);
  return el("div", {}, chart, legend(series, colours));
}

function seriesColours(series, by) {
  const colours = {};
  series.forEach((name, i) => { colours[name] = by === "quad_class" ? `quad-${name}` : `series-${i % 16}`; });
  return colours;
}

function legend(series, colours) {
  return el("p", { class: "legend" }, series.map((name) => el("span", { class: "legend-item" },
    el("span", { class: `swatch ${colours[name]}` }), name.replaceAll("_", " "))));
}

// Dragging across the chart selects buckets; releasing sets since/until to their dates.
function addBrush(chart, buckets, interval, margin, plotHeight, step, filters) {
  const brush = svg("rect", { class: "brush", x: 0, y: margin.top, width: 0, height: plotHeight, visibility: "hidden" });
  const overlay = svg("rect", { class: "brush-overlay", x: margin.left, y: margin.top, width: step * buckets.length,
    height: plotHeight });
  chart.append(brush, overlay);
  let start = null;
  const bucketAt = (event) => {
    const point = chart.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    const local = point.matrixTransform(chart.getScreenCTM().inverse());
    return Math.min(buckets.length - 1, Math.max(0, Math.floor((local.x - margin.left) / step)));
  };
  const draw = (a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    setAttrs(brush, { x: margin.left + lo * step, width: (hi - lo + 1) * step, visibility: "visible" });
  };
  overlay.addEventListener("pointerdown", (event) => {
    start = bucketAt(event);
    overlay.setPointerCapture(event.pointerId);
    draw(start, start);
  });
  overlay.addEventListener("pointermove", (event) => { if (start !== null) draw(start, bucketAt(event)); });
  overlay.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const end = bucketAt(event);
    const [lo, hi] = start <= end ? [start, end] : [end, start];
    start = null;
    navigate(pageUrl(currentParams(), { since: buckets[lo].period, until: bucketEnd(buckets[hi].period, interval), cursor: null }));
  });
}

function bucketEnd(period, interval) {
  const date = new Date(`${period}T00:00:00Z`);
  if (interval === "week") date.setUTCDate(date.getUTCDate() + 6);
  else if (interval === "month") date.setUTCMonth(date.getUTCMonth() + 1, 0);
  return date.toISOString().slice(0, 10);
}

// ---- dyads ---------------------------------------------------------------------------------------------

// /api/dyads's pairs ({source, target, events, by_quad_class}) as [{source, target, counts, total}].
function dyadPairs(body) {
  return body.dyads.map((dyad) => ({ source: dyad.source, target: dyad.target, counts: dyad.by_quad_class,
    total: dyad.events }));
}

// On a large store, ranking the pairs of every event ever stored is slow and says little: with no
// dates chosen, the matrix covers the latest DYAD_WINDOW_DAYS days of the selection.
const LARGE_STORE = 200000;
const DYAD_WINDOW_DAYS = 90;

async function dyadWindow(filters) {
  if (filters.get("since") || filters.get("until")) return null;
  const health = await api("/api/health");
  if (!(health.events > LARGE_STORE)) return null;
  const query = new URLSearchParams(filters);
  query.set("limit", "1");
  query.set("sort", "-date");
  const latest = (await api("/api/events", query)).events[0];
  const day = latest && latest.date && latest.date.value;
  if (!day) return null;
  const start = new Date(`${day}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (DYAD_WINDOW_DAYS - 1));
  return { since: start.toISOString().slice(0, 10), until: day };
}

async function renderDyads(filters) {
  const box = clear(document.getElementById("dyads"));
  const span = await dyadWindow(filters);
  const scope = span ? new URLSearchParams({ ...Object.fromEntries(filters), ...span }) : filters;
  document.getElementById("dyads-hint").textContent = span
    ? `the latest ${DYAD_WINDOW_DAYS} days of the selection, ${span.since} to ${span.until} (set dates to see others); click a cell to filter`
    : "source (rows) to target (columns); click a cell to filter";
  const query = new URLSearchParams(scope);
  query.set("limit", "50");
  const pairs = dyadPairs(await api("/api/dyads", query)).filter((p) => p.source !== "-" && p.target !== "-");
  if (!pairs.length) {
    box.append(el("p", { class: "empty", text: "No event with both a source and a target." }));
    return;
  }
  box.append(dyadMatrix(pairs, scope));
}

function dyadMatrix(pairs, filters) {
  const top = (key) => {
    const totals = new Map();
    for (const p of pairs) totals.set(p[key], (totals.get(p[key]) || 0) + p.total);
    return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10).map((e) => e[0]);
  };
  const sources = top("source");
  const targets = top("target");
  const byKey = new Map(pairs.map((p) => [`${p.source}\u0000${p.target}`, p]));
  const max = Math.max(...pairs.map((p) => p.total));
  const table = el("table", { class: "matrix" });
  table.append(el("thead", {}, el("tr", {}, el("th", { text: "source \\ target" }),
    targets.map((t) => el("th", { class: "col", text: t })))));
  const body = el("tbody");
  for (const source of sources) {
    const row = el("tr", {}, el("th", { text: source }));
    for (const target of targets) {
      const pair = byKey.get(`${source}\u0000${target}`);
      if (!pair) {
        row.append(el("td"));
        continue;
      }
      const dominant = QUADS.reduce((a, b) => ((pair.counts[b] || 0) > (pair.counts[a] || 0) ? b : a));
      const title = `${source} → ${target}: ` + QUADS.filter((q) => pair.counts[q])
        .map((q) => `${pair.counts[q]} ${QUAD_LABELS[q]}`).join(", ");
      const link = internalLink(pageUrl(filters, { dyad: `${source},${target}`, cursor: null }), String(pair.total),
        { class: "dyad", title, "data-source": source, "data-target": target });
      const strength = 0.25 + 0.75 * (pair.total / max);
      row.append(el("td", { class: `cell quad-${dominant} strength-${Math.round(strength * 4)}` }, link,
        el("span", { class: "mini" }, QUADS.map((q) => (pair.counts[q]
          ? el("span", { class: `mini-bar quad-${q}`, title: QUAD_LABELS[q], text: pair.counts[q] }) : null)))));
    }
    body.append(row);
  }
  table.append(body);
  return el("div", { class: "matrix-wrap" }, table, legend(QUADS, seriesColours(QUADS, "quad_class")));
}

// ---- map -------------------------------------------------------------------------------------------------

const MAP = { width: 720, height: 360, latTop: 84, latBottom: -58 };
let boundaries = null;

function project(lon, lat) {
  const x = ((lon + 180) / 360) * MAP.width;
  const y = ((MAP.latTop - lat) / (MAP.latTop - MAP.latBottom)) * MAP.height;
  return [x, y];
}

function unproject(x, y) {
  return [(x / MAP.width) * 360 - 180, MAP.latTop - (y / MAP.height) * (MAP.latTop - MAP.latBottom)];
}

async function countryPaths() {
  if (!boundaries) {
    const response = await fetch("/ui/countries.geojson");
    if (!response.ok) throw new ApiError("map boundaries: HTTP " + response.status);
    const collection = await response.json();
    boundaries = collection.features.map((feature) => ({
      id: feature.id,
      name: feature.properties.name,
      d: feature.geometry.coordinates.map((polygon) => polygon.map((ring) => "M" + ring.map(([lon, lat]) => {
        const [x, y] = project(lon, lat);
        return `${x.toFixed(1)},${y.toFixed(1)}`;
      }).join("L") + "Z").join("")).join(""),
    }));
  }
  return boundaries;
}

async function renderMap(filters) {
  const box = clear(document.getElementById("map"));
  const query = new URLSearchParams(filters);
  query.set("limit", "1000");
  query.set("sort", "-date");
  const [paths, page] = await Promise.all([countryPaths(), api("/api/events", query)]);
  const located = page.events.filter((e) => e.location && typeof e.location.lat === "number" && typeof e.location.lon === "number");
  const frame = mapFrame(located);
  const chart = svg("svg", { viewBox: `${frame.x.toFixed(1)} ${frame.y.toFixed(1)} ${frame.w.toFixed(1)} ${frame.h.toFixed(1)}`,
    class: "map-chart", role: "img", "aria-label": "event locations" });
  const highlighted = new Set((filters.get("country") || "").toUpperCase().split(",").filter(Boolean));
  const land = svg("g", { class: "land" });
  for (const country of paths) {
    land.append(svg("path", { d: country.d, class: highlighted.has(country.id) ? "country selected" : "country",
      "data-iso3": country.id }, svg("title", { text: country.name })));
  }
  chart.append(land);
  const pixel = frame.w / MAP.width; // map units per pixel of the unzoomed map
  const clusters = clusterPoints(located, 8 * pixel);
  const points = svg("g", { class: "points", "font-size": (8 * pixel).toFixed(2) });
  for (const cluster of clusters) points.append(mapPoint(cluster, filters, pixel));
  chart.append(points);
  const shown = page.next ? `the latest ${page.events.length} events of the selection` : `${page.events.length} events`;
  box.append(chart, el("p", { class: "hint", text: `${located.length} located of ${shown}; a cluster takes the colour of its latest event.` }),
    legend(QUADS, seriesColours(QUADS, "quad_class")));
}

// The part of the world the points are in (the whole map when they are spread out), 2:1 wide.
function mapFrame(located) {
  const whole = { x: 0, y: 0, w: MAP.width, h: MAP.height };
  if (!located.length) return whole;
  const points = located.map((e) => project(e.location.lon, e.location.lat));
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let w = Math.max(x1 - x0 + 60, 100);
  let h = Math.max(y1 - y0 + 60, 50);
  if (w > 2 * h) h = w / 2;
  else w = 2 * h;
  if (w >= MAP.width * 0.8) return whole;
  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  return { x: clamp((x0 + x1 - w) / 2, 0, MAP.width - w), y: clamp((y0 + y1 - h) / 2, 0, MAP.height - h), w, h };
}

// Points closer than a few pixels join one cluster, drawn bigger with its count.
function clusterPoints(events, cell) {
  const cells = new Map();
  for (const event of events) {
    const [x, y] = project(event.location.lon, event.location.lat);
    const key = `${Math.floor(x / cell)},${Math.floor(y / cell)}`;
    const cluster = cells.get(key) || { events: [], x: 0, y: 0 };
    cluster.events.push(event);
    cluster.x += x;
    cluster.y += y;
    cells.set(key, cluster);
  }
  return [...cells.values()].map((c) => ({ events: c.events, x: c.x / c.events.length, y: c.y / c.events.length }));
}

function mapPoint(cluster, filters, pixel) {
  const count = cluster.events.length;
  const radius = (3 + Math.sqrt(count) * 1.6) * pixel;
  const reach = 8 * pixel;
  const first = cluster.events[0];
  const names = [...new Set(cluster.events.map((e) => placeLabel(e.location)))].slice(0, 3).join("; ");
  let url;
  if (count === 1) {
    url = pageUrl(filters, { event: first.event_id });
  } else {
    const [west, north] = unproject(cluster.x - reach, cluster.y - reach);
    const [east, south] = unproject(cluster.x + reach, cluster.y + reach);
    url = pageUrl(filters, { bbox: [west, south, east, north].map((v) => v.toFixed(2)).join(","), cursor: null });
  }
  const group = svg("a", { href: url, class: count === 1 ? "point" : "point cluster", "data-count": count,
    "data-event-id": count === 1 ? first.event_id : null });
  group.addEventListener("click", (event) => {
    event.preventDefault();
    navigate(url);
  });
  group.append(svg("circle", { cx: cluster.x.toFixed(1), cy: cluster.y.toFixed(1), r: radius.toFixed(2),
    class: `quad-${first.quad_class}` }), svg("title", { text: count === 1
    ? `${first.event_type} at ${names}, ${eventDate(first)}` : `${count} events near ${names}` }));
  if (count > 1) {
    group.append(svg("text", { x: cluster.x.toFixed(1), y: (cluster.y + 3 * pixel).toFixed(2), "text-anchor": "middle", text: count }));
  }
  return group;
}

// ---- highlighted text --------------------------------------------------------------------------------

// `text` begins at document offset `base`; each span {start, end, kind, label} is in document
// offsets. Overlapping spans split the text so every piece carries the kinds that cover it.
function markedText(text, base, spans) {
  const inside = spans.map((s) => ({ ...s, start: s.start - base, end: s.end - base }))
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > 0 && s.start < text.length && s.end > s.start)
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }));
  const cuts = [...new Set([0, text.length, ...inside.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i += 1) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const covering = inside.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) {
      pieces.push(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(covering.map((s) => s.kind))];
    pieces.push(el("mark", { class: kinds.map((k) => `hl hl-${k}`).join(" "), "data-kind": kinds.join(" "),
      title: [...new Set(covering.map((s) => s.label))].join("; ") }, piece));
  }
  return pieces;
}

// The spans of one coded record (event or mention): trigger, actors, place, date words.
function recordSpans(record, sentence) {
  const spans = [];
  if (record.trigger) spans.push({ ...record.trigger, kind: "trigger", label: `trigger → ${record.event_type}` });
  for (const role of ["source", "target"]) {
    for (const actor of record[role] || []) spans.push({ start: actor.start, end: actor.end, kind: role, label: `${role}: ${actorLabel(actor)}` });
  }
  const location = record.location;
  if (location && Number.isInteger(location.start)) {
    spans.push({ start: location.start, end: location.end, kind: "place", label: `place: ${placeLabel(location)}` });
  }
  const date = record.date;
  if (date && date.text && sentence) {
    // The coder keeps the date's words, not their offsets: find them in the sentence.
    const at = sentence.text.indexOf(date.text);
    if (at >= 0) spans.push({ start: sentence.start + at, end: sentence.start + at + date.text.length, kind: "date", label: `date: ${date.value}` });
  }
  return spans;
}

// ---- reasons by field ------------------------------------------------------------------------------------

const FIELD_ORDER = ["Event type", "Date", "Source", "Target", "Reported by", "Place", "Flags", "Confidence", "Merge", "Other"];

// The record's reasons are keyed by the field they explain (Event.to_dict): the row of each field.
const FIELD_OF_REASONS = {
  type: "Event type", modality: "Flags", source: "Source", target: "Target", reported_by: "Reported by",
  date: "Date", location: "Place", confidence: "Confidence", merge: "Merge", other: "Other",
};

function reasonsByField(reasons) {
  const groups = new Map(FIELD_ORDER.map((f) => [f, []]));
  for (const [key, texts] of Object.entries(reasons || {})) {
    groups.get(FIELD_OF_REASONS[key] || "Other").push(...texts);
  }
  return [...groups.entries()].filter(([, list]) => list.length);
}

// ---- event view ------------------------------------------------------------------------------------------

async function renderEvent(eventId) {
  const view = clear(document.getElementById("event-view"));
  const filters = filterParams();
  view.append(internalLink(pageUrl(filters), "← back to the events", { class: "back" }));
  const body = await api(`/api/events/${encodeURIComponent(eventId)}`);
  const event = body.event || body;
  document.title = `${event.event_type} · eventwire`;
  view.append(el("h1", {}, `${event.event_type} `, el("span", { class: "cameo", text: event.cameo ? `CAMEO ${event.cameo}` : "" }),
    flagsOf(event).map((flag) => el("span", { class: `flag flag-${flag}`, text: flag }))));
  view.append(el("p", { class: "evidence", id: "evidence" }, markedText(event.sentence.text, event.sentence.start, recordSpans(event, event.sentence))));
  view.append(highlightLegend());
  view.append(fieldsTable(event));
  const mentions = event.mentions || [];
  view.append(el("h2", { text: `Mentions: ${mentions.length} in ${event.num_articles ?? mentions.length} article(s) from ${event.num_sources ?? "?"} source(s)` }));
  const list = el("ol", { class: "mentions" });
  for (const mention of mentions) list.append(mentionItem(mention, filters));
  view.append(list);
}

function highlightLegend() {
  return el("p", { class: "legend" }, ["trigger", "source", "target", "date", "place"].map((kind) =>
    el("mark", { class: `hl hl-${kind}`, text: kind })));
}

function fieldsTable(event) {
  const values = {
    "Event type": `${event.event_type}${event.mode ? ` (${event.mode})` : ""}, CAMEO ${event.cameo || "-"}, ${QUAD_LABELS[event.quad_class] || event.quad_class}`,
    Date: `${eventDate(event)}${event.date && event.date.granularity ? ` (${event.date.granularity})` : ""}${event.date && event.date.text ? ` from “${event.date.text}”` : ""}`,
    Source: actorsLabel(event.source),
    Target: actorsLabel(event.target),
    "Reported by": actorsLabel(event.reported_by),
    Place: placeLabel(event.location),
    Flags: flagsOf(event).join(", ") || "none",
    Confidence: Number(event.confidence).toFixed(2),
    Merge: `${event.num_articles ?? 1} article(s), first reported ${event.first_reported || "-"}, last ${event.last_reported || "-"}`,
    Other: "",
  };
  const reasons = new Map(reasonsByField(event.reasons));
  const table = el("table", { class: "fields", id: "fields" }, el("thead", {}, el("tr", {},
    el("th", { text: "Field" }), el("th", { text: "Value" }), el("th", { text: "Why" }))));
  const body = el("tbody");
  for (const field of FIELD_ORDER) {
    const why = reasons.get(field) || [];
    if (!why.length && !values[field]) continue;
    body.append(el("tr", { "data-field": field }, el("th", { text: field }), el("td", { text: values[field] }),
      el("td", {}, el("ul", { class: "reasons" }, why.map((r) => el("li", { text: r }))))));
  }
  table.append(body);
  return table;
}

function mentionItem(mention, filters) {
  const meta = el("p", { class: "mention-meta" },
    el("strong", { text: mention.source || "unknown outlet" }), ` · ${mention.published || "undated"} · `,
    mention.url ? externalLink(mention.url, "original") : el("span", { text: "no link" }), " · ",
    internalLink(pageUrl(filters, { article: mention.doc_id }), "article as coded", { class: "article-link" }));
  const sentence = mention.sentence;
  const text = sentence ? markedText(sentence.text, sentence.start, mention.trigger ? [{ ...mention.trigger, kind: "trigger", label: mention.event_type }] : []) : [];
  return el("li", { class: "mention", "data-mention-id": mention.mention_id }, meta, el("p", { class: "evidence" }, text));
}

// ---- article view ----------------------------------------------------------------------------------------

async function renderArticle(docId) {
  const view = clear(document.getElementById("article-view"));
  const filters = filterParams();
  view.append(internalLink(pageUrl(filters), "← back to the events", { class: "back" }));
  const article = await api(`/api/articles/${encodeURIComponent(docId)}`);
  document.title = `${article.title || article.doc_id} · eventwire`;
  view.append(el("h1", { id: "article-title", text: article.title || "(no title)" }));
  view.append(el("p", { class: "mention-meta" }, [article.source, article.pub_date].filter(Boolean).join(" · "),
    article.url ? [" · ", externalLink(article.url, article.url)] : null, ` · ${article.doc_id}`));
  if (article.status && article.status !== "coded") {
    view.append(el("p", { class: "error", text: `${article.status}: ${article.reason || "no reason given"}` }));
  }
  const mentions = article.events || article.mentions || [];
  const spans = mentions.flatMap((m, i) => recordSpans(m, m.sentence).map((s) => ({ ...s, label: `${i + 1}. ${s.label}` })));
  const text = article.text || "";
  view.append(highlightLegend());
  view.append(el("div", { class: "article-text", id: "article-text" }, markedText(text, 0, spans)));
  view.append(el("h2", { text: `${mentions.length} event mention(s) in this article` }));
  const list = el("ol", { class: "article-events" });
  for (const mention of mentions) {
    const eventId = mention.merged_event_id || mention.event_id;
    list.append(el("li", {}, internalLink(pageUrl(filters, { event: eventId }), mention.event_type, { class: "event-link" }),
      ` ${actorsLabel(mention.source)} → ${actorsLabel(mention.target)}, ${eventDate(mention)}, ${placeLabel(mention.location)}`,
      ` (confidence ${Number(mention.confidence).toFixed(2)})`));
  }
  view.append(list);
  const removed = article.cleaning || [];
  view.append(el("h2", { text: "What the cleaner removed" }));
  view.append(removed.length ? el("ul", { class: "cleaning", id: "cleaning" }, removed.map((r) => el("li", { text: r })))
    : el("p", { id: "cleaning", text: "Nothing: the text is as it was read." }));
}

// ---- page --------------------------------------------------------------------------------------------------

async function render() {
  const params = currentParams();
  fillFilterForm();
  for (const stale of document.querySelectorAll(".chips, .panel-error")) stale.remove();
  const views = { overview: document.getElementById("overview"), event: document.getElementById("event-view"),
    article: document.getElementById("article-view") };
  const shown = params.get("event") ? "event" : params.get("article") ? "article" : "overview";
  for (const [name, node] of Object.entries(views)) node.hidden = name !== shown;
  document.title = "eventwire";
  document.body.dataset.ready = "false";
  showStatus("");
  try {
    if (shown === "event") await renderEvent(params.get("event"));
    else if (shown === "article") await renderArticle(params.get("article"));
    else await renderOverview();
  } catch (error) {
    showStatus(error instanceof ApiError ? error.message : `could not draw the page: ${error.message}`, true);
  }
  document.body.dataset.ready = "true";
  performance.mark("eventwire-drawn"); // read by benchmarks/dashboard_paint.py
  window.scrollTo(0, 0);
}

window.addEventListener("popstate", render);
setUpFilterForm();
render();
