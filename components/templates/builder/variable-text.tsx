"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import type { ParameterFormat } from "@/lib/templates/draft";
import { nextVariable, variableNames } from "@/lib/templates/variables";
import { Button } from "@/components/ui/button";
import { DraftInput, DraftTextarea } from "./controls";
import { insertAt, wrapSelection, type Format, type TextEdit } from "./text-tools";

interface VariableTextProps {
  label: string;
  /** The draft path of the text ("body.text"); examples live at the sibling "examples.<name>". */
  path: string;
  text: string;
  examples: Record<string, string>;
  max: number;
  parameterFormat: ParameterFormat;
  /** A one-line text (a header) takes no formatting and no newlines. */
  singleLine?: boolean;
  onChange: (next: { text: string; examples: Record<string, string> }) => void;
}

/**
 * A text with WhatsApp formatting and variables: a toolbar (bold, italic, strike, mono, add
 * variable), the text itself with a counter, then one example field per variable, which Meta's
 * review requires and the preview fills in.
 */
export function VariableText({ label, path, text, examples, max, parameterFormat, singleLine, onChange }: VariableTextProps) {
  const t = useTranslations("templateBuilder");
  // The field is found by id when a toolbar button is pressed (its selection is read then, never in render).
  const fieldId = useId();
  const [name, setName] = useState("");
  const variables = variableNames(text);
  const examplesPath = path.replace(/text$/, "examples");

  function apply(edit: (text: string, start: number, end: number) => TextEdit) {
    const el = document.getElementById(fieldId) as HTMLTextAreaElement | HTMLInputElement | null;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    const result = edit(text, start, end);
    onChange({ text: result.text, examples });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(...result.selection);
    });
  }

  const format = (kind: Format) => apply((value, start, end) => wrapSelection(value, start, end, kind));
  const addVariable = () => {
    if (parameterFormat === "NAMED") {
      const clean = name.trim().toLowerCase().replace(/[^a-z0-9_]+/g, "_");
      if (!clean) return;
      apply((value, start, end) => insertAt(value, start, end, `{{${clean}}}`));
      setName("");
    } else apply((value, start, end) => insertAt(value, start, end, nextVariable(value, "POSITIONAL")));
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-1" role="toolbar" aria-label={t("toolbar", { field: label })}>
        {!singleLine &&
          (["bold", "italic", "strike", "mono"] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              onClick={() => format(kind)}
              title={t(`format.${kind}`)}
              aria-label={t(`format.${kind}`)}
              className="h-7 min-w-7 rounded border border-zinc-300 px-1.5 text-xs dark:border-zinc-700"
            >
              <span className={kind === "bold" ? "font-bold" : kind === "italic" ? "italic" : kind === "strike" ? "line-through" : "font-mono"}>
                {kind === "mono" ? "</>" : t(`formatMark.${kind}`)}
              </span>
            </button>
          ))}
        {parameterFormat === "NAMED" && (
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("variableName")}
            aria-label={t("variableName")}
            className="h-7 w-36 rounded border border-zinc-300 px-2 text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
        )}
        <Button type="button" size="sm" variant="secondary" onClick={addVariable}>
          {t("addVariable")}
        </Button>
      </div>
      {singleLine ? (
        <DraftInput
          id={fieldId}
          label={label}
          path={path}
          value={text}
          counter={{ value: text.length, max }}
          onChange={(e) => onChange({ text: e.target.value, examples })}
        />
      ) : (
        <DraftTextarea
          id={fieldId}
          label={label}
          path={path}
          value={text}
          counter={{ value: text.length, max }}
          onChange={(e) => onChange({ text: e.target.value, examples })}
        />
      )}
      {variables.length > 0 && (
        <fieldset className="space-y-2 rounded-md bg-zinc-50 p-3 dark:bg-zinc-900/60">
          <legend className="px-1 text-xs font-medium text-zinc-600 dark:text-zinc-300">{t("examples")}</legend>
          {variables.map((variable) => (
            <DraftInput
              key={variable}
              label={t("exampleFor", { variable: `{{${variable}}}` })}
              path={`${examplesPath}.${variable}`}
              value={examples[variable] ?? ""}
              onChange={(e) => onChange({ text, examples: { ...examples, [variable]: e.target.value } })}
            />
          ))}
        </fieldset>
      )}
    </div>
  );
}
