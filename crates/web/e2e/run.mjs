// Browser tests for the ficarchive web pages, in Debian's headless Chromium through playwright-core.
// Usage: node run.mjs BASE_URL ARTIFACT_DIR
// Started by crates/web/tests/browser.rs, which serves sample works on a free port. Every page is
// checked with axe-core (WCAG 2.x A/AA and best practice, no violations allowed) in the light and
// the dark theme, and saved as a screenshot.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const base = process.argv[2];
const out = process.argv[3] || "artifacts/web";
if (!base) {
  console.error("usage: node run.mjs BASE_URL [ARTIFACT_DIR]");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
// A fresh profile for every run (Playwright passes it as --user-data-dir), removed at the end.
const profile = mkdtempSync(join(tmpdir(), "ficarchive-e2e-"));
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
const desktop = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args,
  viewport: { width: 1280, height: 900 },
});

let passed = 0;
let failed = 0;
const cspErrors = [];

function check(cond, message) {
  if (!cond) throw new Error(message);
}

async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`FAIL ${name}: ${e && e.message ? e.message : e}`);
  }
}

async function axe(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + (n.failureSummary || "").split("\n").join(" ")),
    }));
  });
  if (result.length > 0) {
    throw new Error(`axe found ${result.length} violation(s) on ${label}:\n` + JSON.stringify(result, null, 2));
  }
}

async function shot(page, name) {
  await page.screenshot({ path: join(out, name + ".png"), fullPage: true });
}

function watch(page) {
  page.on("console", (msg) => {
    const t = msg.text();
    if (/Content.Security.Policy|Refused to/i.test(t)) cspErrors.push(`${page.url()}: ${t}`);
  });
  page.on("pageerror", (err) => cspErrors.push(`${page.url()}: script error ${err.message}`));
}

// ------------------------------------------------------------------ desktop
const page = desktop.pages()[0] || (await desktop.newPage());
watch(page);

await step("home page: landmarks, search, recent works, fandoms", async () => {
  await page.goto(base + "/");
  check((await page.locator("h1").first().textContent()).includes("Welcome"), "no welcome heading");
  check((await page.locator("main").count()) === 1, "no single main landmark");
  check((await page.locator("header").count()) >= 1, "no banner");
  check((await page.getByRole("search").count()) >= 1, "no search landmark");
  check((await page.locator(".fandom-list li").count()) >= 2, "fandom list missing");
  await shot(page, "01-home");
  await axe(page, "home");
});

await step("keyboard: the skip link is the first stop and moves focus to main", async () => {
  await page.goto(base + "/");
  await page.keyboard.press("Tab");
  const first = await page.evaluate(() => document.activeElement && document.activeElement.className);
  check(first === "skip-link", `first tab stop was ${first}`);
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(outline !== "none", "focused skip link has no visible outline");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#main");
});

await step("browse: works index with blurbs, symbols and pagination", async () => {
  await page.goto(base + "/");
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Works" }).click();
  await page.waitForURL(/\/works$/);
  check((await page.locator("li.blurb").count()) === 20, "expected 20 blurbs on page 1");
  check((await page.locator(".symbols .vh").first().textContent()).startsWith("Rating:"), "symbol without text");
  await shot(page, "02-works");
  await axe(page, "works index");
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "2", exact: true }).click();
  await page.waitForURL(/page=2/);
  check((await page.locator(".range").textContent()).includes("21 –"), "page 2 range wrong");
});

await step("filter: include a fandom with a facet checkbox", async () => {
  await page.goto(base + "/works");
  const include = page.locator("fieldset.facet", { has: page.locator("legend", { hasText: "Fandoms" }) }).first();
  await include.getByLabel(/Angel: the Series/).check();
  await page.getByRole("button", { name: "Sort and filter" }).first().click();
  await page.waitForURL(/include=/);
  const titles = await page.locator(".blurb-title > a").allTextContents();
  check(titles.length > 0, "no results");
  check(titles.every((t) => t.startsWith("Drabble")), "a work outside the fandom is listed: " + titles.join(" | "));
  check(await include.getByLabel(/Angel: the Series/).isChecked(), "checkbox not kept checked");
  await shot(page, "03-works-include");
});

await step("filter: exclude a fandom", async () => {
  await page.goto(base + "/works");
  const exclude = page.locator("fieldset.facet", { has: page.locator("legend", { hasText: "Fandoms" }) }).nth(1);
  await exclude.getByLabel(/Angel: the Series/).check();
  await page.getByRole("button", { name: "Sort and filter" }).first().click();
  await page.waitForURL(/exclude=/);
  const titles = await page.locator(".blurb-title > a").allTextContents();
  check(titles.includes("Bloody Soul"), "Bloody Soul missing after excluding another fandom");
  check(!titles.some((t) => t.startsWith("Drabble")), "an excluded work is listed");
  await axe(page, "filtered works");
});

await step("filter: include and exclude tags typed into the boxes", async () => {
  await page.goto(base + "/works");
  await page.getByLabel("Other tags to include").fill("Buffy the Vampire Slayer");
  await page.getByLabel("Other tags to exclude").fill("Angst, Fluff");
  await page.getByRole("button", { name: "Sort and filter" }).last().click();
  await page.waitForURL(/exclude=/);
  const titles = await page.locator(".blurb-title > a").allTextContents();
  check(titles.length === 1 && titles[0] === "A Long Night", "expected only A Long Night, got " + titles.join(" | "));
  check((await page.getByLabel("Other tags to exclude").inputValue()).includes("Angst"), "typed exclusions not kept");
  await shot(page, "03b-works-include-exclude");
  await axe(page, "works filtered by typed tags");
});

await step("filter: tag autocomplete suggests tags", async () => {
  await page.goto(base + "/works");
  const box = page.getByLabel("Other tags to include");
  await box.fill("");
  await box.pressSequentially("Ang", { delay: 30 });
  await page.waitForFunction(() => {
    const input = document.getElementById("f-include");
    const list = input && input.list;
    return list && list.options.length > 0;
  }, null, { timeout: 5000 });
  const first = await page.evaluate(() => document.getElementById("f-include").list.options[0].value);
  check(first.includes("Angel"), "suggestion was " + first);
});

await step("open a work from the index", async () => {
  await page.goto(base + "/works?sort=title");
  await page.getByRole("link", { name: "Bloody Soul" }).first().click();
  await page.waitForURL(/\/works\/\d+$/);
  check((await page.locator("h1").textContent()).trim() === "Bloody Soul", "work title heading");
  check((await page.locator(".chapter-notes").count()) >= 1, "chapter notes not set apart");
  check((await page.locator(".userstuff em").count()) >= 1, "sanitised emphasis missing");
  await shot(page, "04-work");
  await axe(page, "work page");
});

await step("move between chapters: next, previous, index, entire work", async () => {
  await page.getByRole("link", { name: "Next chapter →" }).click();
  await page.waitForURL(/\/chapters\/2$/);
  check((await page.locator("h2.chapter-title").textContent()).includes("Chapter 2"), "chapter 2 heading");
  await page.getByRole("link", { name: "Next chapter →" }).click();
  await page.waitForURL(/\/chapters\/3$/);
  check((await page.locator("#end-notes").count()) === 1, "end notes after the last chapter");
  await page.getByRole("link", { name: "← Previous chapter" }).click();
  await page.waitForURL(/\/chapters\/2$/);
  await page.locator("details.chapter-index summary").click();
  await page.locator("details.chapter-index").getByRole("link", { name: "Chapter 1: Poisons" }).click();
  await page.waitForURL(/\/chapters\/1$/);
  await page.getByRole("link", { name: "Entire work" }).first().click();
  await page.waitForURL(/view_full_work=true/);
  check((await page.locator("section.chapter").count()) === 3, "entire work should show 3 chapters");
  await axe(page, "entire work");
});

await step("reading settings: dark theme, larger text, remembered after reload", async () => {
  await page.goto(base + "/works/1/chapters/1");
  const toggle = page.getByRole("button", { name: "Settings" });
  await toggle.click();
  check((await toggle.getAttribute("aria-expanded")) === "true", "toggle not expanded");
  await page.getByLabel("Theme").selectOption("dark");
  await page.getByLabel("Text size").selectOption("large");
  check((await page.evaluate(() => document.documentElement.dataset.theme)) === "dark", "theme not applied");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check(bg === "rgb(21, 23, 26)", "dark background not applied: " + bg);
  await page.reload();
  check((await page.evaluate(() => document.documentElement.dataset.theme)) === "dark", "theme not remembered");
  check((await page.evaluate(() => document.documentElement.dataset.size)) === "large", "size not remembered");
  await shot(page, "05-work-dark");
  await axe(page, "work page, dark theme");
  await page.goto(base + "/works");
  await axe(page, "works index, dark theme");
  await shot(page, "06-works-dark");
  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByLabel("Theme").selectOption("light");
  await page.getByLabel("Text size").selectOption("normal");
});

await step("reading position is kept", async () => {
  await page.goto(base + "/works/3");
  const h = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  check(h > 2000, "the long sample work is not long enough to scroll: " + h);
  await page.evaluate((y) => window.scrollTo(0, y), Math.round(h / 2));
  await page.waitForTimeout(700);
  await page.goto(base + "/works");
  await page.goto(base + "/works/3");
  await page.waitForTimeout(200);
  const y = await page.evaluate(() => window.scrollY);
  check(Math.abs(y - h / 2) < h * 0.1, `restored to ${y}, expected about ${h / 2}`);
});

await step("story insight: four pictures, each with its table", async () => {
  await page.goto(base + "/works/1");
  await page.getByRole("link", { name: "Story insight" }).click();
  await page.waitForURL(/\/insight$/);
  check((await page.locator("svg.chart").count()) === 4, "expected 4 charts");
  check((await page.locator("table").count()) === 4, "expected 4 tables");
  check((await page.locator("svg.chart rect.c0").count()) > 0, "bars missing");
  const cell = await page.locator("table").first().locator("tbody tr").first().locator("th").textContent();
  check(cell.trim().length > 0, "character table empty");
  await shot(page, "07-insight");
  await axe(page, "insight page");
});

await step("helpful 404 page", async () => {
  const resp = await page.goto(base + "/works/99999");
  check(resp.status() === 404, "status " + resp.status());
  check((await page.locator("h1").textContent()).includes("not found"), "404 heading");
  await shot(page, "08-not-found");
  await axe(page, "404 page");
});

await step("author, fandom and tag pages", async () => {
  await page.goto(base + "/fandoms");
  await axe(page, "fandoms");
  await page.getByRole("link", { name: "Angel: the Series" }).click();
  await page.waitForURL(/\/tags\//);
  check((await page.locator("h1").textContent()).includes("Angel: the Series"), "tag heading");
  await axe(page, "tag page");
  await page.goto(base + "/authors/Kallysten");
  check((await page.locator(".blurb").count()) >= 1, "author has no works listed");
  await axe(page, "author page");
});

await step("series page and series navigation between works", async () => {
  await page.goto(base + "/works/1/chapters/3");
  const nav = page.getByRole("navigation", { name: "Series" });
  await nav.getByRole("link", { name: /Next work/ }).click();
  await page.waitForURL(/\/works\/\d+$/);
  check((await page.locator("h1").textContent()).trim() === "Souls Undone", "next work in the series");
  await page.getByRole("navigation", { name: "Series" }).getByRole("link", { name: "Souls & Stakes" }).click();
  await page.waitForURL(/\/series\//);
  const titles = await page.locator(".blurb-title > a").allTextContents();
  check(titles.length === 3, "series page lists " + titles.join(" | "));
  await shot(page, "10-series");
  await axe(page, "series page");
});

await step("downloads are offered and served", async () => {
  await page.goto(base + "/works/1");
  for (const ext of ["epub", "html", "txt"]) {
    const link = page.getByRole("link", { name: ext.toUpperCase(), exact: true });
    check((await link.count()) === 1, `no ${ext} download link`);
    const resp = await page.request.get(base + (await link.getAttribute("href")));
    check(resp.ok(), `${ext} download answered ${resp.status()}`);
    check((resp.headers()["content-disposition"] || "").includes("Bloody_Soul." + ext), `${ext} file name`);
  }
});

// Every page in both themes: the dark theme chosen in the settings, and the light one.
const everyPage = [
  ["home", "/"],
  ["works", "/works"],
  ["works-filtered", "/works?include=Buffy+the+Vampire+Slayer&exclude=Fluff&sort=title"],
  ["work", "/works/1"],
  ["chapter", "/works/1/chapters/2"],
  ["entire-work", "/works/1?view_full_work=true"],
  ["one-shot", "/works/3"],
  ["hostile", "/works/2"],
  ["insight", "/works/1/insight"],
  ["fandoms", "/fandoms"],
  ["tag", "/tags/Buffy%20the%20Vampire%20Slayer"],
  ["author", "/authors/Kallysten"],
  ["series", "/series/Souls%20%26%20Stakes"],
  ["not-found", "/works/99999"],
  ["bad-filter", "/works?words_from=lots"],
];
for (const theme of ["light", "dark"]) {
  await step(`${theme} theme: axe finds nothing on any page`, async () => {
    await page.goto(base + "/");
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByLabel("Theme").selectOption(theme);
    const problems = [];
    for (const [name, path] of everyPage) {
      await page.goto(base + path);
      const applied = await page.evaluate(() => document.documentElement.dataset.theme);
      if (applied !== theme) problems.push(`${name}: theme is ${applied}`);
      await shot(page, `11-${theme}-${name}`);
      try {
        await axe(page, `${name} (${theme})`);
      } catch (e) {
        problems.push(e.message);
      }
    }
    check(problems.length === 0, problems.join("\n"));
  });
}

await step("system dark preference is followed until a theme is chosen", async () => {
  await page.evaluate(() => localStorage.clear());
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(base + "/works/1");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check(bg === "rgb(21, 23, 26)", "system dark not followed: " + bg);
  await axe(page, "work page, system dark");
  await page.emulateMedia({ colorScheme: "light" });
});

// ------------------------------------------------------------------ phone
const phoneProfile = mkdtempSync(join(tmpdir(), "ficarchive-e2e-phone-"));
const phone = await chromium.launchPersistentContext(phoneProfile, {
  executablePath,
  headless: true,
  args,
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});
const mobile = phone.pages()[0] || (await phone.newPage());
watch(mobile);
for (const [name, path] of everyPage) {
  await step(`360 px wide: ${name} fits without sideways scrolling`, async () => {
    await mobile.goto(base + path);
    const width = await mobile.evaluate(() => document.documentElement.scrollWidth);
    check(width <= 360, `page is ${width}px wide`);
    await shot(mobile, `09-phone-${name}`);
    await axe(mobile, `${name} at 360 px`);
  });
}

await step("no Content-Security-Policy violations or script errors", async () => {
  check(cspErrors.length === 0, cspErrors.join("\n"));
});

await desktop.close();
await phone.close();
rmSync(profile, { recursive: true, force: true });
rmSync(phoneProfile, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
