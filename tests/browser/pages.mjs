// Opens accord's parallel (align) and timeline pages, and the diff page, in headless
// Chromium at a desktop width (1400 px) and a phone width (400 px), and checks what a reader
// relies on: text columns wrap and stay on screen, every language column is visible on a
// wide screen, the filters and the j / k keys work, numbers that differ are marked, a
// timeline row shows its word changes, nothing is requested, nothing is logged as an error.
// Usage: node pages.mjs ARTIFACT_DIR PARALLEL2.html PARALLEL4.html TIMELINE.html DIFF.html
import { launch } from "./launch.mjs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [artifacts, parallel2, parallel4, timeline, diff] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const browser = await launch();

async function open(file, width, shot) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const url = pathToFileURL(path.resolve(file)).href;
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("request", (r) => { if (r.url() !== url) problems.push("request " + r.url()); });
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(200);
  page.done = async () => {
    await page.screenshot({ path: path.join(artifacts, shot), fullPage: false });
    check(problems.length === 0, `${shot}: ${problems.join(" | ")}`);
    await page.close();
  };
  return page;
}

// No element holding text is wider than what shows of it, and the page does not scroll
// sideways: what a phone reader would have to pan to read.
async function noOverflow(page, selector, what) {
  const wide = await page.evaluate((sel) => {
    const out = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push("page " + document.documentElement.scrollWidth);
    for (const el of document.querySelectorAll(sel)) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(el.className + " " + el.scrollWidth + ">" + el.clientWidth);
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1) out.push(el.className + " right " + Math.round(r.right));
    }
    return out.slice(0, 5);
  }, selector);
  check(wide.length === 0, `${what}: overflow ${wide.join(", ")}`);
}

async function filtersAndKeys(page, button, what) {
  if (await page.getByRole("button", { name: button }).count() === 0) {
    failures.push(`${what}: no "${button}" button`);
    return;
  }
  await page.getByRole("button", { name: button }).click();
  const kinds = await page.evaluate(() => Array.from(document.querySelectorAll("section.entry"))
    .filter((e) => e.offsetParent !== null).map((e) => e.classList.contains("differs")));
  check(kinds.length > 0 && kinds.every(Boolean), `${what}: "${button}" shows rows without changes or findings`);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  check(await page.evaluate(() => document.activeElement && document.activeElement.classList.contains("differs")), `${what}: j did not move to a row with changes`);
  await page.getByRole("button", { name: "All" }).click();
}

try {
  // Two languages on a phone: each cell wraps within the screen.
  let page = await open(parallel2, 400, "parallel-2-phone.png");
  await noOverflow(page, ".cell, .meta, .note, .labels, ul.counts", "parallel at 400 px");
  check(await page.locator("mark").count() > 0, "parallel: the number that differs is not marked");
  await filtersAndKeys(page, "With findings", "parallel at 400 px");
  await page.done();

  // Two languages on a desktop.
  page = await open(parallel2, 1400, "parallel-2-desktop.png");
  await noOverflow(page, ".cell, .meta, .note", "parallel at 1400 px");
  await page.done();

  // Four languages at 1400 px: every column on screen, side by side.
  page = await open(parallel4, 1400, "parallel-4-desktop.png");
  const columns = await page.evaluate(() => {
    const row = document.querySelectorAll("section.pair")[3];
    return row ? Array.from(row.querySelectorAll(".cell")).map((c) => {
      const r = c.getBoundingClientRect();
      return [Math.round(r.left), Math.round(r.right), Math.round(r.top)];
    }) : [];
  });
  check(columns.length === 4, `parallel 4: ${columns.length} columns`);
  check(columns.every(([l, r]) => l >= 0 && r <= 1400), `parallel 4: a column is off screen: ${JSON.stringify(columns)}`);
  check(new Set(columns.map((c) => c[2])).size === 1, "parallel 4: columns are not side by side");
  await noOverflow(page, ".cell", "parallel 4 at 1400 px");
  await page.done();

  // The timeline: rows show their word changes; filters and keys; both widths.
  for (const width of [1400, 400]) {
    page = await open(timeline, width, `timeline-${width}.png`);
    check(await page.locator("section.tl.differs del, section.tl.differs ins").count() > 0, `timeline at ${width}: no word changes shown`);
    await noOverflow(page, ".tl-text, .tl > span, .labels", `timeline at ${width} px`);
    await filtersAndKeys(page, "Changed only", `timeline at ${width}`);
    await page.done();
  }

  // The diff page on a phone: the summary and the labels wrap, nothing runs off screen.
  page = await open(diff, 400, "diff-phone.png");
  await noOverflow(page, "ul.counts, .labels, .entry h2, .sides > div", "diff at 400 px");
  const broken = await page.evaluate(() => Array.from(document.querySelectorAll("ul.counts li"))
    .some((li) => li.getClientRects().length > 1 || li.offsetHeight > 40));
  check(!broken, "diff at 400 px: a count breaks over lines");
  await page.done();
} finally {
  await browser.close();
}
if (failures.length) {
  console.error("page checks failed:\n- " + failures.join("\n- "));
  process.exit(1);
}
console.log("page checks passed");
