/**
 * `npm run bench:realtime-browser [-- --quick] [--n N]`
 *
 * Webhook → another agent's screen, in a real browser: from the moment Meta's signed webhook (a
 * new customer, so a new conversation) is POSTed to `next start` of the current build until its
 * row shows in the inbox list of an agent's open page in Chromium (Playwright; a MutationObserver
 * in the page timestamps the row's text). Beside it, in the same run and for the same deliveries,
 * the reference: a pusher-js client in Node receiving `message.created` (what the browser cannot
 * beat). Also counts the server-action requests the page made while the messages arrived (0 when
 * every signal carried its row). One delivery at a time after a warm-up; the app, Postgres, the
 * emulator and the real-time server on loopback (bench/realtime-latency/stack.ts). Prints p50,
 * p95 and max for both, then one line of JSON (bench/README.md). Exits 0 whether or not the
 * target is met; non-zero only when it could not measure. Needs `npm run build` first.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";
import { ACME_PHONE_NUMBER } from "@/local/whatsapp-emulator/phone-numbers";
import { inboundText } from "../realtime-latency/inbound";
import { SESSION_COOKIE } from "../realtime-latency/seed";
import { benchRun, countOption, percentile, postWebhook, round, startStack, subscribe } from "../realtime-latency/stack";

const TARGETS = { browser_p95_ms: 150 } as const;
const SEEN_TIMEOUT_MS = 5_000;
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

function parseOptions(argv: string[]): { quick: boolean; n: number; warmup: number } {
  const quick = argv.includes("--quick");
  return { quick, n: countOption(argv, quick ? 40 : 200, 10_000, "npm run bench:realtime-browser [-- --quick] [--n N]"), warmup: 5 };
}

/**
 * The page-side watcher, as source text: tsx's transform would wrap a function's inner helpers in
 * a `__name` call the page does not have. Resolves window.__benchSeen with the epoch time the row
 * with `text` appears in the list, or null after SEEN_TIMEOUT_MS.
 */
function watchFor(text: string): string {
  return `window.__benchSeen = new Promise((resolve) => {
    const has = () => (document.querySelector("[data-testid=conversation-list]")?.textContent ?? "").includes(${JSON.stringify(text)});
    const observer = new MutationObserver(() => {
      if (!has()) return;
      observer.disconnect();
      resolve(performance.timeOrigin + performance.now());
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    setTimeout(() => { observer.disconnect(); resolve(null); }, ${SEEN_TIMEOUT_MS});
  }); undefined;`;
}

/** Epoch milliseconds with sub-millisecond precision: the same clock in Node and in the page. */
const now = () => performance.timeOrigin + performance.now();

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  await benchRun("realtime-browser", async (run) => {
    console.log(
      `realtime-browser: N=${options.n}${options.quick ? " (quick)" : ""}, warm-up ${options.warmup}, one new conversation at a time`,
    );
    const { tenant, appSecret, realtimePort, next } = await startStack(run);

    // The reference: a pusher-js client of the same member, in Node.
    const { client, channel } = await subscribe({
      realtimePort,
      appOrigin: next.origin,
      cookie: tenant.cookie,
      workspaceId: tenant.workspaceId,
    });
    run.onStop("pusher-js client", async () => client.disconnect());
    let signalled: ((at: number) => void) | null = null;
    channel.bind("message.created", () => {
      signalled?.(now());
      signalled = null;
    });

    // The agent's browser, signed in with the member's session cookie, on the inbox.
    const browser: Browser = await chromium.launch(
      existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] } : {},
    );
    run.onStop("browser", () => browser.close());
    const context = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: tenant.cookie.slice(SESSION_COOKIE.length + 1), url: next.origin }]);
    const page = await context.newPage();
    const subscribed = page.waitForResponse(
      (r) => r.url().endsWith("/api/realtime/auth") && (r.request().postData() ?? "").includes("private-workspace-") && r.ok(),
      { timeout: 30_000 },
    );
    await page.goto(`${next.origin}/w/${tenant.slug}/inbox`);
    await subscribed;
    let actionRequests = 0;
    let counting = false;
    page.on("request", (request) => {
      if (counting && request.method() === "POST" && request.headers()["next-action"]) actionRequests += 1;
    });

    const browserMs: number[] = [];
    const pusherMs: number[] = [];
    let missed = 0;
    for (let i = 0; i < options.warmup + options.n; i++) {
      const marker = `Bench ${i}.`;
      // Watch for the row before the webhook leaves.
      await page.evaluate(watchFor(marker));
      const reference = new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => resolve(null), SEEN_TIMEOUT_MS);
        signalled = (at) => (clearTimeout(timer), resolve(at));
      });
      if (i === options.warmup) counting = true;
      const sent = now();
      await postWebhook(next.origin, inboundText(ACME_PHONE_NUMBER, appSecret, i, { newCustomer: true, text: marker }));
      const [seen, heard] = await Promise.all([page.evaluate<number | null>("window.__benchSeen"), reference]);
      if (i < options.warmup) continue;
      if (seen === null) missed += 1;
      else browserMs.push(seen - sent);
      if (heard !== null) pusherMs.push(heard - sent);
    }
    counting = false;

    browserMs.sort((a, b) => a - b);
    pusherMs.sort((a, b) => a - b);
    const figures = {
      n: options.n,
      seen: browserMs.length,
      missed,
      browser_p50_ms: round(percentile(browserMs, 50)),
      browser_p95_ms: round(percentile(browserMs, 95)),
      browser_max_ms: round(browserMs.at(-1) ?? NaN),
      pusher_js_p50_ms: round(percentile(pusherMs, 50)),
      pusher_js_p95_ms: round(percentile(pusherMs, 95)),
      action_requests_per_message: round(actionRequests / options.n),
    };
    console.log(
      `webhook POST → the row on the agent's screen (Chromium): p50 ${figures.browser_p50_ms} ms, p95 ${figures.browser_p95_ms} ms, max ${figures.browser_max_ms} ms`,
    );
    console.log(
      `  reference, webhook POST → message.created at a pusher-js client: p50 ${figures.pusher_js_p50_ms} ms, p95 ${figures.pusher_js_p95_ms} ms`,
    );
    console.log(
      `  ${figures.seen}/${options.n} seen, ${missed} missed (none within ${SEEN_TIMEOUT_MS / 1000} s); server-action requests per message: ${figures.action_requests_per_message}`,
    );
    const met = missed === 0 && figures.browser_p95_ms < TARGETS.browser_p95_ms;
    console.log(JSON.stringify({ bench: "realtime-browser", figures, targets: TARGETS, met }));
  });
}

void main();
