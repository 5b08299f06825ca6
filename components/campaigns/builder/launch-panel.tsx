"use client";

import { useEffect, useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { launchCampaignAction } from "@/app/actions/campaigns/launch";
import { preflightCampaignAction } from "@/app/actions/campaigns/preflight";
import { sendCampaignTestAction } from "@/app/actions/campaigns/send-test";
import type { Preflight } from "@/lib/services/campaigns/types";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { Button } from "@/components/ui/button";
import { outcome } from "../action-outcome";
import { isE164, scheduleToIso } from "../progress";
import { AudienceCountView } from "./audience-picker";

const TEST_NUMBER_KEY = "parley.campaigns.testNumber";
const input = "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

type Notice = { tone: "ok" | "error"; text: string } | null;

/** The translation of a failed check ("<code>.failed"), built apart so the key stays a typed one of the catalog. */
const failedKey = <C extends string>(code: C) => `${code}.failed` as const;

function NoticeText({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "text-sm text-red-600 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-300"}>
      {notice.text}
    </p>
  );
}

/** The pre-flight checks of the saved draft, each passed or not (and whether it blocks the launch). */
function PreflightList({ preflight }: { preflight: Preflight }) {
  const tCheck = useTranslations("campaigns.preflight");
  return (
    <div className="space-y-3">
      <ul className="space-y-1.5 text-sm" data-testid="preflight">
        {preflight.checks.map((check) => (
          <li key={check.code} className="flex items-start gap-2" data-check={check.code} data-ok={check.ok}>
            <span aria-hidden className={check.ok ? "text-emerald-600" : check.blocking ? "text-red-600" : "text-amber-600"}>
              {check.ok ? "✓" : check.blocking ? "✕" : "!"}
            </span>
            <span>
              {check.ok ? tCheck(`check.${check.code}`, check.params ?? {}) : tCheck(failedKey(check.code), { limit: "—", ...check.params })}
              <span className="sr-only"> — {check.ok ? tCheck("ok") : check.blocking ? tCheck("blocking") : tCheck("warning")}</span>
              {!check.ok && !check.blocking && <span className="ml-1 text-xs text-amber-700 dark:text-amber-300">{tCheck("warning")}</span>}
              {!check.ok && check.blocking && <span className="ml-1 text-xs text-red-700 dark:text-red-300">{tCheck("blocking")}</span>}
            </span>
          </li>
        ))}
      </ul>
      <div className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-900">
        <AudienceCountView count={preflight.count} />
      </div>
    </div>
  );
}

/**
 * After the draft is saved: the pre-flight checks, a test send to one number, and the launch (now,
 * or at a date and time on the workspace's clock).
 */
export function LaunchPanel({ slug, campaignId, timeZone, initialSchedule, dirty, savedVersion }: { slug: string; campaignId: string; timeZone: string; initialSchedule: { date: string; time: string }; dirty: boolean; savedVersion: number }) {
  const t = useTranslations("campaigns.launch");
  const tAll = useTranslations();
  const router = useRouter();
  const id = useId();
  const [preflight, setPreflight] = useState<{ version: number; result: Preflight | null; error: string | null } | null>(null);
  const [date, setDate] = useState(initialSchedule.date);
  const [time, setTime] = useState(initialSchedule.time);
  const [busy, setBusy] = useState<"now" | "schedule" | "test" | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [testNotice, setTestNotice] = useState<Notice>(null);
  const [testNumber, setTestNumber] = useState("");

  useEffect(() => {
    const stored = window.localStorage.getItem(TEST_NUMBER_KEY);
    // Read once after mounting: the server has no localStorage, so the first render stays empty.
    if (stored) setTestNumber(stored); // eslint-disable-line react-hooks/set-state-in-effect -- browser-only storage
  }, []);

  useEffect(() => {
    let current = true;
    void outcome<Preflight>(preflightCampaignAction({ slug, campaignId })).then((result) => {
      if (current) setPreflight({ version: savedVersion, result: result?.data ?? null, error: result?.data ? null : (actionErrorText(tAll, result) ?? tAll("errors.unknown")) });
    });
    return () => {
      current = false;
    };
  }, [slug, campaignId, savedVersion]); // eslint-disable-line react-hooks/exhaustive-deps -- tAll is stable

  const checks = preflight?.version === savedVersion ? preflight : null;
  const canLaunch = !dirty && Boolean(checks?.result?.canLaunch);
  const at = scheduleToIso(date, time, timeZone);

  async function launch(kind: "now" | "schedule") {
    if (kind === "schedule" && !at) {
      setNotice({ tone: "error", text: t("scheduleInvalid") });
      return;
    }
    setBusy(kind);
    setNotice(null);
    const result = await outcome<{ status: string }>(launchCampaignAction({ slug, campaignId, at: kind === "now" ? null : at }));
    setBusy(null);
    if (result?.data) router.push(`/w/${slug}/campaigns/${campaignId}`);
    else setNotice({ tone: "error", text: actionErrorText(tAll, result) ?? tAll("errors.unknown") });
  }

  async function sendTest() {
    const to = testNumber.trim();
    if (!isE164(to)) {
      setTestNotice({ tone: "error", text: t("testInvalid") });
      return;
    }
    window.localStorage.setItem(TEST_NUMBER_KEY, to);
    setBusy("test");
    setTestNotice(null);
    const result = await outcome<unknown>(sendCampaignTestAction({ slug, campaignId, to }));
    setBusy(null);
    const error = actionErrorText(tAll, result);
    setTestNotice(error ? { tone: "error", text: error } : { tone: "ok", text: t("testSent", { to }) });
  }

  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h3 className="text-sm font-semibold">{t("preflight")}</h3>
        {dirty && <p className="text-sm text-amber-700 dark:text-amber-300">{t("saveFirst")}</p>}
        {!checks ? (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("checking")}</p>
        ) : checks.error ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">{checks.error}</p>
        ) : checks.result ? (
          <PreflightList preflight={checks.result} />
        ) : null}
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">{t("test")}</h3>
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-48 flex-1 space-y-1">
            <label htmlFor={`${id}-test`} className="block text-sm font-medium">
              {t("testNumber")}
            </label>
            <input id={`${id}-test`} type="tel" inputMode="tel" className={input} value={testNumber} placeholder="+6281234567890" aria-describedby={`${id}-test-hint`} onChange={(e) => setTestNumber(e.target.value)} />
          </div>
          <Button variant="secondary" pending={busy === "test"} disabled={dirty || busy !== null} onClick={() => void sendTest()}>
            {t("sendTest")}
          </Button>
        </div>
        <p id={`${id}-test-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("testHint")}
        </p>
        <NoticeText notice={testNotice} />
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-semibold">{t("when")}</h3>
        <div className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-date`} className="block text-sm font-medium">
              {t("date")}
            </label>
            <input id={`${id}-date`} type="date" className={input} value={date} aria-describedby={`${id}-tz`} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-time`} className="block text-sm font-medium">
              {t("time")}
            </label>
            <input id={`${id}-time`} type="time" className={input} value={time} aria-describedby={`${id}-tz`} onChange={(e) => setTime(e.target.value)} />
          </div>
          <Button variant="secondary" pending={busy === "schedule"} disabled={!canLaunch || !at || busy !== null} onClick={() => void launch("schedule")}>
            {t("schedule")}
          </Button>
        </div>
        <p id={`${id}-tz`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("timezoneHint", { timeZone })}
        </p>
        <Button pending={busy === "now"} disabled={!canLaunch || busy !== null} onClick={() => void launch("now")}>
          {t("sendNow")}
        </Button>
        <NoticeText notice={notice} />
      </div>
    </div>
  );
}
