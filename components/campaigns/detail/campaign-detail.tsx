"use client";

import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { cancelCampaignAction } from "@/app/actions/campaigns/cancel";
import { pauseCampaignAction } from "@/app/actions/campaigns/pause";
import { resumeCampaignAction } from "@/app/actions/campaigns/resume";
import { retryFailedRecipientsAction } from "@/app/actions/campaigns/retry";
import { SKIP_REASONS } from "@/lib/campaigns/audience";
import type { CampaignTimeline } from "@/lib/services/campaigns/timeline";
import type { CampaignDetail, RecipientRow } from "@/lib/services/campaigns/types";
import { actionErrorText } from "@/components/inbox/timeline/action-error";
import { useRealtimeCatchUp, useRealtimeEvent } from "@/components/realtime/realtime-provider";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { outcome } from "../action-outcome";
import { CampaignStatusBadge, ProgressBar } from "../parts";
import { applyProgress, pendingOf, percent, progressPercent } from "../progress";
import { CampaignChart } from "./campaign-chart";
import { RecipientsTable } from "./recipients-table";

type Command = "pause" | "resume" | "cancel" | "retry";

const RUNNING = new Set(["preparing", "sending"]);
const CANCELLABLE = new Set(["scheduled", "preparing", "sending", "paused"]);

/**
 * One campaign: where its run is (live from `campaign.progress`), why Parley or Meta stopped it,
 * sent, delivered and read over time (live too), the funnel from sent to clicked, who was left out and why, the managers' controls, and every
 * recipient.
 */
export function CampaignDetailView({
  slug,
  initial,
  canLaunch,
  recipients,
  timeline,
}: {
  slug: string;
  initial: CampaignDetail;
  canLaunch: boolean;
  recipients: { rows: RecipientRow[]; nextCursor: string | null };
  timeline: CampaignTimeline;
}) {
  const t = useTranslations("campaigns.detail");
  const tCampaigns = useTranslations("campaigns");
  const tAll = useTranslations();
  const router = useRouter();
  const format = useFormatter();
  const [campaign, setCampaign] = useState(initial);
  const [seen, setSeen] = useState(initial);
  const [busy, setBusy] = useState<Command | null>(null);
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  if (seen !== initial) {
    setSeen(initial);
    setCampaign(initial);
  }

  useRealtimeEvent("campaign.progress", (event) => {
    if (event.campaignId !== campaign.id) return;
    // A new status can bring a reason (Meta paused the template): read the campaign again.
    if (event.status && event.status !== campaign.status) router.refresh();
    setCampaign((current) => applyProgress(current, event));
  });
  useRealtimeCatchUp(() => router.refresh());

  async function run(command: Command) {
    if (command === "cancel" && !window.confirm(t("cancelConfirm"))) return;
    setBusy(command);
    setNotice(null);
    const input = { slug, campaignId: campaign.id };
    const call =
      command === "pause" ? pauseCampaignAction(input) : command === "resume" ? resumeCampaignAction(input) : command === "cancel" ? cancelCampaignAction(input) : retryFailedRecipientsAction(input);
    const result = await outcome<{ requeued?: number }>(call);
    setBusy(null);
    const error = actionErrorText(tAll, result);
    if (error) {
      setNotice({ tone: "error", text: error });
      return;
    }
    setNotice({ tone: "ok", text: command === "retry" ? t("requeued", { count: result?.data?.requeued ?? 0 }) : t(`done.${command}`) });
    router.refresh();
  }

  const pending = pendingOf(campaign);
  const progress = progressPercent(campaign);
  const counters = [
    { key: "pending", value: pending },
    { key: "sent", value: campaign.sentCount },
    { key: "delivered", value: campaign.deliveredCount },
    { key: "read", value: campaign.readCount },
    { key: "replied", value: campaign.repliedCount },
    { key: "clicked", value: campaign.clickedCount },
    { key: "failed", value: campaign.failedCount },
    { key: "skipped", value: campaign.skippedCount },
  ] as const;
  const funnel = [
    { key: "sent", value: campaign.sentCount, tone: "brand" },
    { key: "delivered", value: campaign.deliveredCount, tone: "sky" },
    { key: "read", value: campaign.readCount, tone: "emerald" },
    { key: "replied", value: campaign.repliedCount, tone: "amber" },
    { key: "clicked", value: campaign.clickedCount, tone: "violet" },
  ] as const;
  const exclusions = [...SKIP_REASONS, "cancelled"].filter((reason) => (campaign.exclusions[reason] ?? 0) > 0);
  const status = campaign.status;

  return (
    <div className="space-y-6">
      <section className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby="campaign-status">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="campaign-status" className="sr-only">
            {t("statusTitle")}
          </h2>
          <CampaignStatusBadge status={status} />
          {campaign.templateName && (
            <span className="text-sm text-zinc-600 dark:text-zinc-400">{t("template", { name: campaign.templateName, language: campaign.templateLanguage ?? "" })}</span>
          )}
          <span className="text-sm text-zinc-500 dark:text-zinc-400">
            {campaign.completedAt
              ? t.rich("completedAt", { time: () => <RelativeTime date={new Date(campaign.completedAt!)} notAfterNow /> })
              : campaign.startedAt
                ? t.rich("startedAt", { time: () => <RelativeTime date={new Date(campaign.startedAt!)} notAfterNow /> })
                : campaign.scheduledAt
                  ? t.rich("scheduledFor", { time: () => <RelativeTime date={new Date(campaign.scheduledAt!)} /> })
                  : null}
          </span>
          {canLaunch && (
            <div className="ml-auto flex flex-wrap gap-2">
              {status === "scheduled" && (
                <Link href={`/w/${slug}/campaigns/${campaign.id}/edit`} className="inline-flex h-8 items-center rounded-md border border-zinc-300 px-3 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800">
                  {t("reschedule")}
                </Link>
              )}
              {RUNNING.has(status) && (
                <Button size="sm" variant="secondary" pending={busy === "pause"} disabled={busy !== null} onClick={() => void run("pause")}>
                  {t("pause")}
                </Button>
              )}
              {status === "paused" && (
                <Button size="sm" pending={busy === "resume"} disabled={busy !== null} onClick={() => void run("resume")}>
                  {t("resume")}
                </Button>
              )}
              {campaign.failedCount > 0 && !RUNNING.has(status) && status !== "cancelled" && (
                <Button size="sm" variant="secondary" pending={busy === "retry"} disabled={busy !== null} onClick={() => void run("retry")}>
                  {t("retryFailed", { count: campaign.failedCount })}
                </Button>
              )}
              {CANCELLABLE.has(status) && (
                <Button size="sm" variant="danger" pending={busy === "cancel"} disabled={busy !== null} onClick={() => void run("cancel")}>
                  {t("cancel")}
                </Button>
              )}
            </div>
          )}
        </div>
        {campaign.statusReason && (
          <p role="status" className="rounded-md border border-orange-200 bg-orange-50 px-3 py-2 text-sm text-orange-900 dark:border-orange-900 dark:bg-orange-950 dark:text-orange-200">
            {t("reason", { message: campaign.statusReason.message, code: String(campaign.statusReason.code) })}
          </p>
        )}
        {notice && (
          <p role={notice.tone === "error" ? "alert" : "status"} className={notice.tone === "error" ? "text-sm text-red-600 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-300"}>
            {notice.text}
          </p>
        )}
        <div>
          <ProgressBar value={progress} label={t("progress")} />
          <p className="mt-1 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{t("progressCount", { done: campaign.totalCount - pending, total: campaign.totalCount, percent: progress })}</p>
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {counters.map(({ key, value }) => (
            <div key={key} className="rounded-md bg-zinc-50 px-3 py-2 dark:bg-zinc-900" data-counter={key}>
              <dt className="text-xs text-zinc-500 dark:text-zinc-400">{t(`counters.${key}`)}</dt>
              <dd className="text-lg font-semibold tabular-nums">{format.number(value)}</dd>
            </div>
          ))}
        </dl>
      </section>

      <CampaignChart slug={slug} campaignId={campaign.id} initial={timeline} />

      <div className="grid gap-6 md:grid-cols-2">
        <section className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 className="text-sm font-semibold">{t("funnel")}</h2>
          <ul className="space-y-2">
            {funnel.map(({ key, value, tone }) => {
              const share = percent(value, campaign.sentCount);
              return (
                <li key={key} data-funnel={key}>
                  <div className="flex justify-between text-sm">
                    <span>{t(`counters.${key}`)}</span>
                    <span className="tabular-nums">{t("funnelValue", { count: value, percent: share })}</span>
                  </div>
                  <ProgressBar value={key === "sent" ? (campaign.sentCount > 0 ? 100 : 0) : share} label={t(`counters.${key}`)} tone={tone} />
                </li>
              );
            })}
          </ul>
        </section>
        <section className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 className="text-sm font-semibold">{t("exclusions")}</h2>
          {exclusions.length === 0 ? (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("noExclusions")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {exclusions.map((reason) => (
                <li key={reason} className="flex justify-between" data-exclusion={reason}>
                  <span>{tCampaigns(`skip.${reason}`)}</span>
                  <span className="tabular-nums">{format.number(campaign.exclusions[reason] ?? 0)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="space-y-3">
        <h2 className="text-sm font-semibold">{t("recipients")}</h2>
        <RecipientsTable slug={slug} campaignId={campaign.id} initial={recipients} />
      </section>
    </div>
  );
}
