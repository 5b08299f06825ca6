"use client";

import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { clearAppSecretAction, disconnectAction, saveConnectionAction, testConnectionAction } from "@/app/actions/whatsapp";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { RelativeTime } from "@/components/ui/relative-time";
import { TextField } from "@/components/ui/field";
import { formValues, useFormAction } from "@/components/forms/use-form-action";

interface Connection {
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  throughputLevel: string | null;
  throughputCap: number;
  webhookVerifyToken: string;
  hasOwnAppSecret: boolean;
  lastCheckedAt: string | null;
}

interface Props {
  slug: string;
  connection: Connection | null;
  webhookUrl: string;
  suggestedVerifyToken: string;
  platformAppSecret: boolean;
}

const QUALITY_TONE: Record<string, string> = {
  GREEN: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  YELLOW: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-200",
  RED: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-200",
};

export function ConnectionSettings({ slug, connection, webhookUrl, suggestedVerifyToken, platformAppSecret }: Props) {
  const t = useTranslations("whatsapp");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const refresh = () => router.refresh();
  const form = useRef<HTMLFormElement>(null);
  const save = useFormAction(saveConnectionAction, () => {
    // Secrets leave the browser once: clear them from the form after they are stored.
    for (const name of ["accessToken", "appSecret"]) {
      const input = form.current?.elements.namedItem(name);
      if (input instanceof HTMLInputElement) input.value = "";
    }
    refresh();
  });
  const test = useFormAction(testConnectionAction, refresh);
  const clearSecret = useFormAction(clearAppSecretAction, refresh);
  const remove = useFormAction(disconnectAction, refresh);

  return (
    <div className="space-y-6">
      {connection && (
        <Card>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h2 className="text-base font-semibold">{connection.verifiedName ?? t("unnamedNumber")}</h2>
              <p className="mt-0.5 font-mono text-sm text-zinc-600 dark:text-zinc-400" data-testid="display-phone-number">
                {connection.displayPhoneNumber ?? connection.phoneNumberId}
              </p>
            </div>
            <Button variant="secondary" pending={test.pending} onClick={() => test.run({ slug })}>
              {t("test")}
            </Button>
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">{t("quality")}</dt>
              <dd className="mt-1">
                {connection.qualityRating ? (
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${QUALITY_TONE[connection.qualityRating] ?? "bg-zinc-100 dark:bg-zinc-800"}`} data-testid="quality-rating">
                    {t.has(`qualityRating.${connection.qualityRating}`) ? t(`qualityRating.${connection.qualityRating}`) : connection.qualityRating}
                  </span>
                ) : (
                  "—"
                )}
              </dd>
            </div>
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">{t("throughputTier")}</dt>
              <dd className="mt-1" data-testid="throughput-level">
                {connection.throughputLevel ? (t.has(`throughputLevel.${connection.throughputLevel}`) ? t(`throughputLevel.${connection.throughputLevel}`) : connection.throughputLevel) : "—"}
              </dd>
            </div>
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">{t("throughputCap")}</dt>
              <dd className="mt-1">{t("perSecond", { count: connection.throughputCap })}</dd>
            </div>
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">{t("lastChecked")}</dt>
              <dd className="mt-1">{connection.lastCheckedAt ? <RelativeTime date={new Date(connection.lastCheckedAt)} notAfterNow /> : t("never")}</dd>
            </div>
          </dl>
          {test.formError && <Alert tone="error" className="mt-4">{test.formError}</Alert>}
          {test.data && <Alert tone="success" className="mt-4">{t("testOk")}</Alert>}
        </Card>
      )}

      <Card>
        <h2 className="mb-1 text-base font-semibold">{t("webhookTitle")}</h2>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("webhookHelp")}</p>
        <div className="space-y-4">
          <CopyField label={t("callbackUrl")} value={webhookUrl} copyLabel={tCommon("copy")} copiedLabel={tCommon("copied")} testId="webhook-url" />
          <CopyField
            label={t("verifyToken")}
            value={connection?.webhookVerifyToken ?? suggestedVerifyToken}
            copyLabel={tCommon("copy")}
            copiedLabel={tCommon("copied")}
            testId="webhook-verify-token"
          />
        </div>
      </Card>

      <Card>
        <h2 className="mb-1 text-base font-semibold">{connection ? t("editTitle") : t("connectTitle")}</h2>
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("connectHelp")}</p>
        <form
          ref={form}
          noValidate
          className="grid gap-4 sm:grid-cols-2"
          onSubmit={(event) => {
            event.preventDefault();
            const v = formValues(event.currentTarget);
            save.run({
              slug,
              phoneNumberId: v.phoneNumberId ?? "",
              wabaId: v.wabaId ?? "",
              accessToken: v.accessToken ?? "",
              appSecret: v.appSecret ?? "",
              webhookVerifyToken: v.webhookVerifyToken ?? "",
              throughputCap: Number(v.throughputCap),
            });
          }}
        >
          <TextField label={t("phoneNumberId")} name="phoneNumberId" inputMode="numeric" required defaultValue={connection?.phoneNumberId} error={save.fieldError("phoneNumberId")} />
          <TextField label={t("wabaId")} name="wabaId" inputMode="numeric" required defaultValue={connection?.wabaId} error={save.fieldError("wabaId")} />
          <div className="sm:col-span-2">
            <TextField
              label={t("accessToken")}
              name="accessToken"
              type="password"
              autoComplete="off"
              placeholder={connection ? t("secretKept") : undefined}
              hint={t("accessTokenHint")}
              error={save.fieldError("accessToken")}
            />
          </div>
          <div className="sm:col-span-2">
            <TextField
              label={t("appSecret")}
              name="appSecret"
              type="password"
              autoComplete="off"
              placeholder={connection?.hasOwnAppSecret ? t("secretKept") : undefined}
              hint={platformAppSecret ? t("appSecretHintPlatform") : t("appSecretHint")}
              error={save.fieldError("appSecret")}
            />
          </div>
          <TextField
            label={t("verifyToken")}
            name="webhookVerifyToken"
            required
            defaultValue={connection?.webhookVerifyToken ?? suggestedVerifyToken}
            error={save.fieldError("webhookVerifyToken")}
          />
          <TextField
            label={t("throughputCap")}
            name="throughputCap"
            type="number"
            min={1}
            max={1000}
            required
            defaultValue={connection?.throughputCap ?? 80}
            hint={t("throughputCapHint")}
            error={save.fieldError("throughputCap")}
          />
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
            <Button type="submit" pending={save.pending}>
              {connection ? t("save") : t("connect")}
            </Button>
            {connection?.hasOwnAppSecret && platformAppSecret && (
              <Button type="button" variant="ghost" pending={clearSecret.pending} onClick={() => clearSecret.run({ slug })}>
                {t("usePlatformSecret")}
              </Button>
            )}
          </div>
          {save.formError && <Alert tone="error" className="sm:col-span-2">{save.formError}</Alert>}
          {save.data && <Alert tone="success" className="sm:col-span-2">{t("saved")}</Alert>}
        </form>
      </Card>

      {connection && (
        <Card>
          <h2 className="mb-1 text-base font-semibold">{t("disconnectTitle")}</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("disconnectHelp")}</p>
          <Button variant="danger" pending={remove.pending} onClick={() => confirm(t("confirmDisconnect")) && remove.run({ slug })}>
            {t("disconnect")}
          </Button>
          {remove.formError && <Alert tone="error" className="mt-4">{remove.formError}</Alert>}
        </Card>
      )}
    </div>
  );
}
