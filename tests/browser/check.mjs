// Opens an accord HTML report in headless Chromium and checks what a reader relies on:
// no script from the document runs, its text is visible, the view toggle and the
// "Changed only" filter work when clicked, no request leaves the page, no console errors.
// Usage: node check.mjs REPORT.html ARTIFACT_DIR   (exit 0 when every check holds)
import { launch } from "./launch.mjs";
import { pathToFileURL } from "node:url";
import { mkdirSync } from "node:fs";
import path from "node:path";

const [report, artifacts] = process.argv.slice(2);
mkdirSync(artifacts, { recursive: true });
const url = pathToFileURL(path.resolve(report)).href;
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  const requests = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (r.url() !== url) requests.push(r.url()); });

  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(300);
  const title = await page.title();
  check(title.startsWith("accord:") && !title.includes("pwned"), `title changed by the document: ${title}`);
  const text = await page.evaluate(() => document.body.innerText);
  check(text.includes("<script>document.title='pwned'</script>"), "the script payload is not visible as text");
  check(text.includes("onerror="), "the onerror payload is not visible as text");
  check(text.includes("[U+202E]evil"), "the bidi override is not shown as a mark");
  check(await page.evaluate(() => document.querySelectorAll("img, iframe, object, embed").length) === 0, "markup from the document became elements");

  await page.screenshot({ path: path.join(artifacts, "report-side-by-side.png"), fullPage: true });
  await page.getByRole("button", { name: "Inline" }).click();
  check(await page.evaluate(() => document.body.classList.contains("view-inline")), "Inline did not switch the view");
  check(await page.locator(".entry.differs .inline").first().isVisible(), "inline view not shown after the toggle");
  check(!(await page.locator(".entry.differs .sides").first().isVisible()), "side-by-side still shown after the toggle");
  await page.screenshot({ path: path.join(artifacts, "report-inline.png"), fullPage: true });
  await page.getByRole("button", { name: "Side by side" }).click();
  check(await page.locator(".entry.differs .sides").first().isVisible(), "side-by-side not restored");

  const before = await page.locator("section.entry:visible").count();
  await page.getByRole("button", { name: "Changed only" }).click();
  const visibleKinds = await page.evaluate(() =>
    Array.from(document.querySelectorAll("section.entry"))
      .filter((e) => e.offsetParent !== null)
      .map((e) => e.classList.contains("differs")));
  check(visibleKinds.length > 0 && visibleKinds.every(Boolean), "Changed only shows unchanged entries");
  check(await page.locator("details.run:visible").count() === 0, "Changed only still shows unchanged runs");
  check(before >= visibleKinds.length, "filter added entries");

  await page.keyboard.press("j");
  check(await page.evaluate(() => document.activeElement && document.activeElement.classList.contains("differs")), "j did not move to a change");

  check(requests.length === 0, `requests left the page: ${requests.join(", ")}`);
  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.error("browser check failed:\n- " + failures.join("\n- "));
  process.exit(1);
}
console.log("browser check passed");
