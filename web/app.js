// veille's web page: actor pickers, a monthly timeline of cooperation vs conflict, the
// actor graph, the event list, and each event's evidence highlighted in its document.
// Plain DOM and SVG; everything from the JSON API of the same server.
"use strict";

const $ = (sel) => document.querySelector(sel);
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, parent) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  if (parent) parent.appendChild(el);
  return el;
}

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== undefined && v !== null) q.set(k, v);
  const url = "/api/" + path + (q.toString() ? "?" + q : "");
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function showError(e) { $("#error").textContent = e ? String(e.message || e) : ""; }

// Goldstein -10..+10 -> red .. amber .. green.
function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, (g || 0) / 10));
  const mix = (a, b, u) => Math.round(a + (b - a) * u);
  const [from, to, u] = t < 0 ? [[230, 195, 92], [192, 57, 43], -t] : [[230, 195, 92], [46, 139, 87], t];
  return `rgb(${mix(from[0], to[0], u)},${mix(from[1], to[1], u)},${mix(from[2], to[2], u)})`;
}

// UTF-8 byte offsets (the API's spans) -> indexes into the JS (UTF-16) string.
function byteIndex(text) {
  const map = new Map();
  let bytes = 0, i = 0;
  for (const ch of text) {
    map.set(bytes, i);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  map.set(bytes, i);
  return (b) => {
    if (map.has(b)) return map.get(b);
    throw new Error("offset " + b + " is not on a character boundary");
  };
}

const state = { a: "", b: "", from: "", to: "", q: "", actors: [] };

function readFilters() {
  state.a = $("#actor-a").value;
  state.b = $("#actor-b").value;
  state.from = $("#from").value.trim();
  state.to = $("#to").value.trim();
  state.q = $("#words").value.trim();
}

async function loadActors() {
  const { actors } = await api("actors", { limit: 200 });
  state.actors = actors;
  for (const sel of [$("#actor-a"), $("#actor-b")]) {
    for (const a of actors) {
      const label = `${a.name} (${a.actor || a.id}) · ${a.events}`;
      sel.appendChild(el("option", { value: a.id }, label));
    }
  }
  $("#actor-a").insertBefore(el("option", { value: "" }, "(all actors)"), $("#actor-a").firstChild);
  $("#actor-a").value = "";
}

function renderTimeline(months) {
  const root = $("#timeline");
  root.replaceChildren();
  const W = 720, H = 240, L = 36, R = 36, T = 12, B = 34, mid = T + (H - T - B) / 2;
  if (!months.length) {
    svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", id: "timeline-empty" }, root).textContent =
      state.a ? "no dated events" : "choose an actor";
    return;
  }
  const maxCount = Math.max(1, ...months.map((m) => Math.max(m.cooperation, m.conflict)));
  const maxGold = Math.max(1, ...months.map((m) => Math.abs(m.goldstein || 0)));
  const step = (W - L - R) / months.length, bw = Math.max(2, Math.min(28, step * 0.7));
  const half = (H - T - B) / 2;
  svg("line", { x1: L, x2: W - R, y1: mid, y2: mid, class: "axis" }, root);
  svg("text", { x: L - 4, y: T + 8, "text-anchor": "end" }, root).textContent = maxCount;
  svg("text", { x: L - 4, y: H - B, "text-anchor": "end" }, root).textContent = maxCount;
  const points = [];
  const every = Math.ceil(months.length / 12);
  months.forEach((m, i) => {
    const x = L + step * i + (step - bw) / 2, cx = L + step * i + step / 2;
    const hc = (m.cooperation / maxCount) * half, hf = (m.conflict / maxCount) * half;
    const g = svg("g", { class: "month", "data-month": m.month }, root);
    svg("rect", { x, y: mid - hc, width: bw, height: hc, class: "bar coop" }, g);
    svg("rect", { x, y: mid, width: bw, height: hf, class: "bar conf" }, g);
    svg("title", {}, g).textContent =
      `${m.month}: ${m.events} events, ${m.cooperation} cooperation, ${m.conflict} conflict, Goldstein ${m.goldstein}`;
    if (i % every === 0) svg("text", { x: cx, y: H - B + 14, "text-anchor": "middle" }, root).textContent = m.month;
    points.push([cx, mid - ((m.goldstein || 0) / maxGold) * half]);
  });
  svg("polyline", { points: points.map((p) => p.join(",")).join(" "), class: "gold" }, root);
  for (const [x, y] of points) svg("circle", { cx: x, cy: y, r: 2.5, class: "gold-dot" }, root);
  svg("text", { x: W - R + 4, y: T + 8 }, root).textContent = "+" + maxGold;
  svg("text", { x: W - R + 4, y: H - B }, root).textContent = "−" + maxGold;
}

function renderGraph(graph) {
  const root = $("#graph");
  root.replaceChildren();
  const W = 520, H = 420, cx = W / 2, cy = H / 2, r = Math.min(W, H) / 2 - 70;
  const nodes = graph.nodes.slice().sort((x, y) => y.events - x.events).slice(0, 40);
  const pos = new Map();
  nodes.forEach((n, i) => {
    const t = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos.set(n.id, [cx + r * Math.cos(t), cy + r * Math.sin(t), t]);
  });
  const maxE = Math.max(1, ...graph.edges.map((e) => e.events));
  for (const e of graph.edges) {
    if (!pos.has(e.a) || !pos.has(e.b)) continue;
    const [x1, y1] = pos.get(e.a), [x2, y2] = pos.get(e.b);
    const line = svg("line", {
      x1, y1, x2, y2, class: "edge", "data-a": e.a, "data-b": e.b,
      stroke: goldsteinColour(e.goldstein), "stroke-width": (1 + 7 * Math.sqrt(e.events / maxE)).toFixed(2),
    }, root);
    svg("title", {}, line).textContent =
      `${e.a_name} – ${e.b_name}: ${e.events} events, mean Goldstein ${e.goldstein}`;
  }
  for (const n of nodes) {
    const [x, y, t] = pos.get(n.id);
    const g = svg("g", { class: "node" + (n.id === state.a || n.id === state.b ? " chosen" : ""), "data-id": n.id }, root);
    svg("circle", { cx: x, cy: y, r: 4 + Math.min(10, Math.sqrt(n.events)) }, g);
    const right = Math.cos(t) >= 0;
    svg("text", { x: x + (right ? 12 : -12) * 1, y: y + 3, "text-anchor": right ? "start" : "end" }, g).textContent = n.name;
    svg("title", {}, g).textContent = `${n.name} (${n.id}): ${n.events} events`;
    g.addEventListener("click", () => {
      if (!state.a || state.a === n.id) $("#actor-a").value = n.id;
      else $("#actor-b").value = n.id;
      refresh();
    });
  }
}

function renderEvents(events, truncated) {
  const body = $("#events tbody");
  body.replaceChildren();
  $("#events-count").textContent = `(${events.length}${truncated ? "+" : ""})`;
  for (const e of events) {
    const tr = el("tr", { class: "event", "data-doc": e.doc_key, "data-event": e.n, tabindex: 0 });
    tr.appendChild(el("td", {}, e.date || ""));
    tr.appendChild(el("td", {}, e.source));
    tr.appendChild(el("td", { title: e.plover }, e.code));
    tr.appendChild(el("td", {}, e.target || ""));
    tr.appendChild(el("td", { class: "num " + (e.goldstein >= 0 ? "pos" : "neg") }, e.goldstein));
    tr.appendChild(el("td", { class: "evidence" }, e.text));
    const open = () => {
      for (const s of body.querySelectorAll("tr.selected")) s.classList.remove("selected");
      tr.classList.add("selected");
      openDocument(e.doc_key, e.n, e).catch(showError);
    };
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", (k) => { if (k.key === "Enter") open(); });
    body.appendChild(tr);
  }
}

async function openDocument(doc, n, ev) {
  const d = await api("document", { doc, event: n });
  const text = d.document.text;
  const at = byteIndex(text);
  const h = d.highlight;
  const sentence = h.sentence || h.evidence;
  const s0 = at(sentence.start), s1 = at(sentence.end);
  const e0 = Math.max(s0, at(h.evidence.start)), e1 = Math.min(s1, at(h.evidence.end));
  const box = $("#doc-text");
  box.replaceChildren();
  box.appendChild(document.createTextNode(text.slice(0, s0)));
  const mark = el("mark", { id: "evidence-sentence", "data-start": sentence.start, "data-end": sentence.end });
  mark.appendChild(document.createTextNode(text.slice(s0, e0)));
  mark.appendChild(el("mark", { class: "evidence", id: "evidence-span" }, text.slice(e0, e1)));
  mark.appendChild(document.createTextNode(text.slice(e1, s1)));
  box.appendChild(mark);
  box.appendChild(document.createTextNode(text.slice(s1)));
  $("#doc-title").textContent = d.document.title || d.document.id;
  $("#doc-meta").textContent = [d.document.date, d.document.url || d.document.source].filter(Boolean).join(" · ");
  $("#doc-event").textContent = ev
    ? `${ev.source} → ${ev.code} (${ev.plover}) → ${ev.target || "—"} · Goldstein ${ev.goldstein} · ${ev.polarity}`
    : "";
  const panel = $("#document");
  panel.hidden = false;
  panel.dataset.doc = doc;
  panel.dataset.event = n;
  mark.scrollIntoView({ block: "center" });
}

async function refresh() {
  readFilters();
  showError(null);
  const range = { from: state.from, to: state.to };
  try {
    const jobs = [
      api("events", { actor: state.a, with: state.a ? state.b : "", ...range, q: state.q, limit: 200 }),
      api("graph", { ...range, limit: 150 }),
      state.a ? api("timeline", { a: state.a, b: state.b, ...range }) : Promise.resolve({ months: [] }),
    ];
    const [events, graph, timeline] = await Promise.all(jobs);
    renderEvents(events.events, events.truncated);
    renderGraph(graph);
    renderTimeline(timeline.months);
    const name = (id) => (state.actors.find((a) => a.id === id) || { name: id }).name;
    $("#timeline-title").textContent = state.a ? (state.b ? `${name(state.a)} ↔ ${name(state.b)}` : name(state.a)) : "";
    document.body.dataset.ready = "1";
  } catch (e) {
    showError(e);
  }
}

async function main() {
  try {
    const h = await api("health");
    $("#stats").textContent = `${h.documents} documents · ${h.events} events`;
    await loadActors();
  } catch (e) {
    showError(e);
  }
  $("#filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  $("#actor-a").addEventListener("change", refresh);
  $("#actor-b").addEventListener("change", refresh);
  $("#doc-close").addEventListener("click", () => { $("#document").hidden = true; });
  await refresh();
}

main();
