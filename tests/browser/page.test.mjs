// The veille serve page in a real browser: Debian's Chromium, headless, driven by
// playwright-core. Load the page, choose an actor, click one of its events, and check
// that the highlighted sentence is exactly the stored byte span of the document (in a
// document with accented text before it, so that byte and character offsets differ).
//
// Usage: VEILLE_URL=http://127.0.0.1:PORT node page.test.mjs
// Environment: CHROMIUM (default /usr/bin/chromium), SCREENSHOT (a PNG path, optional).
import { chromium } from "playwright-core";
import assert from "node:assert/strict";

const base = process.env.VEILLE_URL;
if (!base) {
  console.error("VEILLE_URL is not set");
  process.exit(2);
}
const api = async (path) => {
  const res = await fetch(base + path);
  assert.equal(res.status, 200, path);
  return res.json();
};
const bytes = (text, start, end) => Buffer.from(text, "utf8").subarray(start, end).toString("utf8");

let passed = 0, failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed++;
    console.log("ok: " + name);
  } catch (e) {
    failed++;
    console.log("FAIL: " + name + "\n  " + String(e.stack || e).split("\n").slice(0, 4).join("\n  "));
    throw e;
  }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.setDefaultTimeout(15000);

  await step("the page loads with the corpus counts and the actor list", async () => {
    await page.goto(base + "/");
    await page.waitForSelector("body[data-ready='1']");
    const health = await api("/api/health");
    assert.equal(await page.textContent("#stats"), `${health.documents} documents · ${health.events} events`);
    const options = await page.$$eval("#actor-a option", (os) => os.length);
    const { actors } = await api("/api/actors?limit=200");
    assert.equal(options, actors.length + 1);
    assert.ok((await page.$$("#graph line.edge")).length > 0, "the graph has edges");
  });

  // The actor with the most events, and one of its events whose sentence comes after
  // accented text.
  const { actors } = await api("/api/actors?limit=1");
  const actor = actors[0].id;
  const { events } = await api(`/api/events?actor=${encodeURIComponent(actor)}&limit=200`);
  let chosen = null;
  for (const e of events) {
    const d = await api(`/api/document?doc=${e.doc_key}&event=${e.n}`);
    const before = Buffer.from(d.document.text, "utf8").subarray(0, d.highlight.sentence.start);
    if (before.length !== before.toString("utf8").length) {
      chosen = { e, d };
      break;
    }
  }
  assert.ok(chosen, `an event of ${actor} after accented text`);

  await step(`choosing ${actor} filters the events and draws its timeline`, async () => {
    await page.evaluate(() => { document.body.dataset.ready = ""; });
    await page.selectOption("#actor-a", actor);
    await page.waitForSelector("body[data-ready='1']");
    const rows = await page.$$("#events tbody tr.event");
    assert.equal(rows.length, events.length);
    const months = (await api(`/api/timeline?a=${encodeURIComponent(actor)}`)).months;
    assert.equal((await page.$$("#timeline g.month")).length, months.length);
    assert.ok(await page.$(`#graph g.node.chosen[data-id="${actor}"]`), "the actor is marked in the graph");
  });

  await step("clicking an event shows its sentence highlighted in the document", async () => {
    const { e, d } = chosen;
    await page.click(`#events tr.event[data-doc="${e.doc_key}"][data-event="${e.n}"]`);
    await page.waitForSelector("#document:not([hidden]) #evidence-sentence");
    const text = d.document.text;
    const sentence = bytes(text, d.highlight.sentence.start, d.highlight.sentence.end);
    const evidence = bytes(text, d.highlight.evidence.start, d.highlight.evidence.end);
    assert.equal(await page.textContent("#evidence-sentence"), sentence);
    assert.equal(await page.textContent("#evidence-span"), evidence);
    assert.equal(await page.textContent("#doc-text"), text);
    assert.ok(await page.isVisible("#evidence-sentence"));
    console.log(`  evidence: ${evidence}`);
  });

  if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  await step("no script errors", async () => assert.deepEqual(errors, [], errors.join("\n")));
} catch (e) {
  if (!failed) {
    failed++;
    console.log("FAIL: " + String(e.stack || e).split("\n").slice(0, 4).join("\n  "));
  }
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
