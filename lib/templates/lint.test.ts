/**
 * Every lint rule with a draft Meta accepts and one it refuses (positional and named where the rule
 * is about variables). Each case starts from a valid draft and changes one thing.
 */
import { describe, expect, it } from "vitest";
import { templateDraftSchema, type TemplateButton, type TemplateDraft, type TemplateDraftInput } from "./draft";
import { TEMPLATE_SAMPLE_LIMITS } from "./limits";
import { hasLintErrors, LINT_CODES, lintTemplate, type LintContext, type LintProblem } from "./lint";

const image = { handle: "4::aW1n", fileName: "a.jpg", mimeType: "image/jpeg", size: 200_000 };

const base: TemplateDraftInput = {
  name: "order_update",
  language: "en_US",
  category: "UTILITY",
  body: { text: "Hello {{1}}, your order {{2}} has shipped today.", examples: { "1": "Ana", "2": "A-17" } },
};
const named: TemplateDraftInput = {
  ...base,
  parameterFormat: "NAMED",
  body: { text: "Hello {{first_name}}, your order {{order_id}} has shipped today.", examples: { first_name: "Ana", order_id: "A-17" } },
};

function make(overrides: Partial<TemplateDraftInput>, from: TemplateDraftInput = base): TemplateDraft {
  return templateDraftSchema.parse({ ...from, ...overrides });
}

function problems(draft: TemplateDraft, context?: LintContext): LintProblem[] {
  return lintTemplate(draft, context);
}

/** The (path, code) pairs, for comparing without params. */
function found(draft: TemplateDraft, context?: LintContext): string[] {
  return problems(draft, context).map((problem) => `${problem.path} ${problem.code}`);
}

const body = (text: string, examples: Record<string, string> = {}) => ({ text, examples });
const buttons = (...list: TemplateDraftInput["buttons"] & object) => ({ buttons: list });

it("the base drafts are clean, positional and named", () => {
  expect(problems(make({}))).toEqual([]);
  expect(problems(make({}, named))).toEqual([]);
});

it("every problem code is a declared LINT_CODE", () => {
  // A spread of broken drafts; each code they produce must be one the translations test knows.
  const broken = [
    make({ name: "Bad Name", language: "xx", header: { format: "TEXT", text: "*Hi* {{1}} {{2}} 🎉\nx" }, footer: "{{1}}" }),
    make({ category: "AUTHENTICATION", header: { format: "LOCATION" }, buttons: [{ type: "QUICK_REPLY", text: "" }] }),
    make({ carousel: { cards: [{ header: { format: "IMAGE" }, body: body("x"), buttons: [{ type: "COPY_CODE", example: "" }] }] } }),
  ];
  for (const draft of broken) for (const problem of problems(draft)) expect(LINT_CODES).toContain(problem.code);
});

describe("name", () => {
  it("is required, lower-case letters, digits and underscores, at most 512", () => {
    expect(found(make({ name: "" }))).toEqual(["name text.required"]);
    expect(found(make({ name: "Order-Update" }))).toEqual(["name name.invalid"]);
    expect(found(make({ name: "order update" }))).toEqual(["name name.invalid"]);
    expect(found(make({ name: "a".repeat(512) }))).toEqual([]);
    expect(problems(make({ name: "a".repeat(513) }))).toEqual([
      { path: "name", code: "text.tooLong", params: { max: 512, length: 513 }, severity: "error" },
    ]);
  });

  it("is unique per language among the workspace's templates, except the template itself", () => {
    const existing = [
      { name: "order_update", language: "id", id: "t1" },
      { name: "order_update", language: "en_US", id: "t2" },
    ];
    expect(problems(make({}), { existing })).toEqual([
      { path: "name", code: "name.taken", params: { language: "en_US" }, severity: "error" },
    ]);
    expect(found(make({}), { existing, selfId: "t2" })).toEqual([]);
    expect(found(make({ language: "pt_BR" }), { existing })).toEqual([]);
    expect(found(make({ name: "order_update_2" }), { existing })).toEqual([]);
  });
});

describe("language", () => {
  it("must be one of Meta's template languages", () => {
    expect(found(make({ language: "id" }))).toEqual([]);
    expect(found(make({ language: "zh_TW" }))).toEqual([]);
    expect(found(make({ language: "" }))).toEqual(["language language.required"]);
    expect(problems(make({ language: "en-US" }))).toEqual([
      { path: "language", code: "language.unsupported", params: { language: "en-US" }, severity: "error" },
    ]);
  });
});

describe("variables", () => {
  it("positional ones are numbered from 1 without gaps", () => {
    expect(found(make({ body: body("Hello {{2}} and {{1}}, welcome back to us.", { "1": "a", "2": "b" }) }))).toEqual([]);
    expect(problems(make({ body: body("Hello {{1}} and {{3}}, welcome back to us.", { "1": "a", "3": "c" }) }))).toEqual([
      { path: "body.text", code: "variables.gap", params: { missing: "{{2}}" }, severity: "error" },
    ]);
    expect(found(make({ body: body("Hello {{2}} friend, welcome back to us.", { "2": "b" }) }))).toEqual(["body.text variables.gap"]);
  });

  it("named ones are lower-case letters, digits and underscores starting with a letter", () => {
    expect(found(make({ body: body("Hello {{name_2}}, welcome back to us.", { name_2: "a" }) }, named))).toEqual([]);
    for (const bad of ["First", "first name", "1st", "_x", "na-me"])
      expect(found(make({ body: body(`Hello {{${bad}}}, welcome back to us.`, { [bad]: "a" }) }, named))).toEqual([
        "body.text variables.invalidName",
      ]);
  });

  it("refuses a variable of the other format (no mixing)", () => {
    expect(problems(make({ body: body("Hello {{1}} and {{name}}, welcome back to our shop.", { "1": "a", name: "b" }) }))).toEqual([
      { path: "body.text", code: "variables.namedInPositional", params: { name: "name" }, severity: "error" },
    ]);
    expect(found(make({ body: body("Hello {{1}} and {{name}}, welcome back to our shop.", { "1": "a", name: "b" }) }, named))).toEqual([
      "body.text variables.positionalInNamed",
    ]);
  });

  it("refuses half-written braces", () => {
    expect(found(make({ body: body("Hello {{1}, welcome back to our shop.") }))).toEqual(["body.text variables.malformed"]);
    expect(found(make({ body: body("Hello {name}}, welcome back to our shop.") }, named))).toEqual(["body.text variables.malformed"]);
  });

  it("are not at the very start or end of the body (punctuation after one is text)", () => {
    const ex = { "1": "a" };
    expect(found(make({ body: body("{{1}}, your order has shipped today.", ex) }))).toEqual(["body.text variables.atStart"]);
    expect(found(make({ body: body("  Your order has shipped today {{1}}  ", ex) }))).toEqual(["body.text variables.atEnd"]);
    expect(found(make({ body: body("Your order has shipped today, {{1}}.", ex) }))).toEqual([]);
    expect(found(make({ body: body("{{first_name}}, your order has shipped today.", { first_name: "a" }) }, named))).toEqual([
      "body.text variables.atStart",
    ]);
    expect(found(make({ body: body("Your order has shipped today {{first_name}}", { first_name: "a" }) }, named))).toEqual([
      "body.text variables.atEnd",
    ]);
  });

  it("are not next to each other (only whitespace between)", () => {
    const ex = { "1": "a", "2": "b" };
    expect(problems(make({ body: body("Hello {{1}} {{2}}, your order has shipped today.", ex) }))).toEqual([
      { path: "body.text", code: "variables.adjacent", params: { first: "{{1}}", second: "{{2}}" }, severity: "error" },
    ]);
    expect(found(make({ body: body("Hello {{1}}{{2}}, your order has shipped today.", ex) }))).toEqual(["body.text variables.adjacent"]);
    expect(found(make({ body: body("Hello {{1}}, {{2}}, your order has shipped today.", ex) }))).toEqual([]);
    expect(found(make({ body: body("Hello {{a}} {{b}}, your order has shipped today.", { a: "x", b: "y" }) }, named))).toEqual([
      "body.text variables.adjacent",
    ]);
  });

  it("each need an example; examples left over from removed variables are ignored", () => {
    expect(problems(make({ body: body("Hello {{1}}, your order {{2}} has shipped today.", { "1": "Ana", "2": " " }) }))).toEqual([
      { path: "body.examples.2", code: "variables.exampleMissing", params: { name: "2" }, severity: "error" },
    ]);
    expect(found(make({ body: body("Hello {{first_name}}, your order has shipped today.") }, named))).toEqual([
      "body.examples.first_name variables.exampleMissing",
    ]);
    expect(found(make({ body: body("Hello {{1}}, your order has shipped today.", { "1": "Ana", "7": "old" }) }))).toEqual([]);
  });

  it("warns when the body has too many variables for its length (fewer than 3 × variables + 1 words)", () => {
    const ex = { "1": "a", "2": "b" };
    // 7 words for 2 variables: enough.
    expect(found(make({ body: body("Hi {{1}}, order {{2}} is on way.", ex) }))).toEqual([]);
    // 6 words for 2 variables: a warning, not an error.
    const short = make({ body: body("Hi {{1}}, order {{2}} shipped now.", ex) });
    expect(problems(short)).toEqual([
      { path: "body.text", code: "body.tooManyVariables", params: { variables: 2, words: 6, minWords: 7 }, severity: "warning" },
    ]);
    expect(hasLintErrors(problems(short))).toBe(false);
    expect(found(make({ body: body("Hi {{a}}, order {{b}} shipped now.", { a: "x", b: "y" }) }, named))).toEqual([
      "body.text body.tooManyVariables",
    ]);
  });
});

describe("header", () => {
  const text = (t: string, examples: Record<string, string> = {}) => ({ header: { format: "TEXT" as const, text: t, examples } });

  it("text: required, at most 60 characters", () => {
    expect(found(make(text("Your order")))).toEqual([]);
    expect(found(make(text("")))).toEqual(["header.text text.required"]);
    expect(found(make(text("x".repeat(60))))).toEqual([]);
    expect(found(make(text("x".repeat(61))))).toEqual(["header.text text.tooLong"]);
  });

  it("text: at most one variable, with its example, positional and named", () => {
    expect(found(make(text("Order {{1}} update", { "1": "A-17" })))).toEqual([]);
    expect(found(make(text("Order {{1}} for {{2}}", { "1": "a", "2": "b" })))).toEqual(["header.text header.tooManyVariables"]);
    expect(found(make(text("Order {{1}} update")))).toEqual(["header.examples.1 variables.exampleMissing"]);
    expect(found(make(text("Sale starts {{start_date}}!", { start_date: "Dec 1" }), named))).toEqual([]);
    expect(found(make(text("{{a}} and {{b}}", { a: "x", b: "y" }), named))).toEqual(["header.text header.tooManyVariables"]);
    // A header may start or end with its variable; only bodies may not.
    expect(found(make(text("{{1}}", { "1": "x" })))).toEqual([]);
  });

  it("text: no new lines, emoji or formatting markers (outside variables)", () => {
    expect(found(make(text("Line one\nline two")))).toEqual(["header.text header.newline"]);
    expect(found(make(text("Big sale 🎉")))).toEqual(["header.text header.emoji"]);
    for (const marked of ["*Big* sale", "_Big_ sale", "~Big~ sale", "`Big` sale"])
      expect(found(make(text(marked)))).toEqual(["header.text header.formatting"]);
    expect(found(make(text("Hi {{first_name}}", { first_name: "Ana" }), named))).toEqual([]);
  });

  it("media: needs a sample of the right type and size", () => {
    expect(found(make({ header: { format: "IMAGE", sample: image } }))).toEqual([]);
    expect(found(make({ header: { format: "IMAGE" } }))).toEqual(["header.sample header.sampleRequired"]);
    // Read back from Meta, the sample is Meta's copy: a new submission needs a fresh upload.
    const synced = { handle: "https://scontent.whatsapp.net/v/t61.29466-34/sale.jpg", fileName: "", mimeType: "", size: 0 };
    expect(found(make({ header: { format: "IMAGE", sample: synced } }))).toEqual(["header.sample header.sampleReupload"]);
    expect(problems(make({ header: { format: "IMAGE", sample: { ...image, mimeType: "image/gif" } } }))).toEqual([
      { path: "header.sample", code: "header.sampleType", params: { allowed: "JPEG, PNG" }, severity: "error" },
    ]);
    expect(problems(make({ header: { format: "IMAGE", sample: { ...image, size: TEMPLATE_SAMPLE_LIMITS.IMAGE.maxBytes + 1 } } }))).toEqual([
      { path: "header.sample", code: "header.sampleTooLarge", params: { maxMb: 5 }, severity: "error" },
    ]);
    const video = { ...image, mimeType: "video/mp4", size: 16 * 1024 * 1024 };
    expect(found(make({ header: { format: "VIDEO", sample: video } }))).toEqual([]);
    expect(found(make({ header: { format: "VIDEO", sample: { ...video, size: video.size + 1 } } }))).toEqual([
      "header.sample header.sampleTooLarge",
    ]);
    expect(
      found(make({ header: { format: "DOCUMENT", sample: { ...image, mimeType: "application/pdf", size: 100 * 1024 * 1024 } } })),
    ).toEqual([]);
    expect(found(make({ header: { format: "DOCUMENT", sample: image } }))).toEqual(["header.sample header.sampleType"]);
    // A sample Meta has (its handle, no type or size known here) is not judged by type or size.
    expect(found(make({ header: { format: "VIDEO", sample: { handle: "4::dmlkZW8vbXA0:ARZ", fileName: "", mimeType: "", size: 0 } } }))).toEqual([]);
  });

  it("location: fine outside authentication", () => {
    expect(found(make({ header: { format: "LOCATION" } }))).toEqual([]);
  });
});

describe("body", () => {
  it("is required and at most 1,024 characters", () => {
    expect(found(make({ body: body("") }))).toEqual(["body.text text.required"]);
    expect(found(make({ body: body("   ") }))).toEqual(["body.text text.required"]);
    expect(found(make({ body: body("x".repeat(1024)) }))).toEqual([]);
    expect(problems(make({ body: body("x".repeat(1025)) }))).toEqual([
      { path: "body.text", code: "text.tooLong", params: { max: 1024, length: 1025 }, severity: "error" },
    ]);
  });
});

describe("footer", () => {
  it("is at most 60 characters and has no variables", () => {
    expect(found(make({ footer: "Reply STOP to opt out" }))).toEqual([]);
    expect(found(make({ footer: "x".repeat(61) }))).toEqual(["footer text.tooLong"]);
    expect(found(make({ footer: "Sent to {{1}}" }))).toEqual(["footer footer.variables"]);
    expect(found(make({ footer: "Sent to {{name}}" }, named))).toEqual(["footer footer.variables"]);
  });
});

describe("buttons", () => {
  const quick = (text = "Yes"): TemplateButton => ({ type: "QUICK_REPLY", text });
  const url = (u = "https://shop.example/deals", example = ""): TemplateButton => ({ type: "URL", text: "Shop", url: u, example });
  const phone = (n = "+6281234567890"): TemplateButton => ({ type: "PHONE_NUMBER", text: "Call", phoneNumber: n });
  const code = (example = "SAVE10"): TemplateButton => ({ type: "COPY_CODE", example });

  it("at most 10 in all and 10 quick replies", () => {
    expect(found(make(buttons(...Array.from({ length: 10 }, () => quick()))))).toEqual([]);
    expect(found(make(buttons(...Array.from({ length: 11 }, () => quick()))))).toEqual([
      "buttons buttons.tooMany",
      "buttons buttons.tooManyQuickReplies",
    ]);
    expect(found(make(buttons(...Array.from({ length: 9 }, () => quick()), url(), phone())))).toEqual(["buttons buttons.tooMany"]);
  });

  it("at most 2 URL, 1 phone and 1 copy-code button", () => {
    expect(found(make(buttons(url(), url(), phone(), code())))).toEqual([]);
    expect(found(make(buttons(url(), url(), url())))).toEqual(["buttons buttons.tooManyUrls"]);
    expect(found(make(buttons(phone(), phone())))).toEqual(["buttons buttons.tooManyPhoneNumbers"]);
    expect(found(make(buttons(code(), code())))).toEqual(["buttons buttons.tooManyCopyCodes"]);
  });

  it("quick replies grouped together, before or after the others", () => {
    expect(found(make(buttons(quick(), quick(), url(), phone())))).toEqual([]);
    expect(found(make(buttons(url(), phone(), quick(), quick())))).toEqual([]);
    expect(found(make(buttons(quick(), url(), quick())))).toEqual(["buttons buttons.notGrouped"]);
    expect(found(make(buttons(url(), quick(), phone())))).toEqual(["buttons buttons.notGrouped"]);
  });

  it("button text required and at most 25 characters", () => {
    expect(found(make(buttons(quick("x".repeat(25)))))).toEqual([]);
    expect(found(make(buttons(quick(""))))).toEqual(["buttons.0.text text.required"]);
    expect(found(make(buttons(phone(), quick("x".repeat(26)))))).toEqual(["buttons.1.text text.tooLong"]);
    expect(found(make(buttons({ type: "URL", text: "", url: "https://a.example/" })))).toEqual(["buttons.0.text text.required"]);
  });

  it("URL: http(s) with a valid host, at most 2,000 characters", () => {
    expect(found(make(buttons(url("http://shop.example.co.id/a?b=c"))))).toEqual([]);
    expect(found(make(buttons(url(""))))).toEqual(["buttons.0.url text.required"]);
    for (const bad of [
      "ftp://shop.example/",
      "shop.example/deals",
      "https://localhost/x",
      "https://exa mple.com/",
      "https://user:pw@shop.example/",
    ])
      expect(found(make(buttons(url(bad))))).toEqual(["buttons.0.url buttons.urlInvalid"]);
    const long = `https://shop.example/${"a".repeat(2000)}`;
    expect(found(make(buttons(url(long))))).toEqual(["buttons.0.url text.tooLong"]);
  });

  it("URL: at most one variable, {{1}}, at the very end", () => {
    expect(found(make(buttons(url("https://shop.example/track/{{1}}", "https://shop.example/track/A17"))))).toEqual([]);
    // Named templates' URL buttons still take {{1}}.
    expect(found(make(buttons(url("https://shop.example/track/{{1}}", "https://shop.example/track/A17")), named))).toEqual([]);
    expect(found(make(buttons(url("https://shop.example/{{1}}/{{2}}", "https://shop.example/a/b"))))).toEqual([
      "buttons.0.url buttons.urlTooManyVariables",
    ]);
    expect(found(make(buttons(url("https://shop.example/{{1}}/track", "https://shop.example/a/track"))))).toEqual([
      "buttons.0.url buttons.urlVariableNotAtEnd",
    ]);
    expect(found(make(buttons(url("https://shop.example/{{code}}", "https://shop.example/a")), named))).toEqual([
      "buttons.0.url buttons.urlVariableInvalid",
    ]);
    expect(found(make(buttons(url("https://{{1}}", "https://shop.example"))))).toEqual(["buttons.0.url buttons.urlInvalid"]);
  });

  it("URL with a variable: an example URL that starts with the fixed part", () => {
    expect(found(make(buttons(url("https://shop.example/track/{{1}}"))))).toEqual(["buttons.0.example buttons.exampleRequired"]);
    expect(problems(make(buttons(url("https://shop.example/track/{{1}}", "https://other.example/track/A17"))))).toEqual([
      { path: "buttons.0.example", code: "buttons.exampleMismatch", params: { fixed: "https://shop.example/track/" }, severity: "error" },
    ]);
    expect(found(make(buttons(url("https://shop.example/track/{{1}}", "https://shop.example/track/"))))).toEqual([
      "buttons.0.example buttons.exampleMismatch",
    ]);
    // A static URL needs no example; a stale one is ignored.
    expect(found(make(buttons(url("https://shop.example/deals", "https://whatever"))))).toEqual([]);
  });

  it("phone: E.164 with + (libphonenumber); an unassigned number is a warning", () => {
    expect(found(make(buttons(phone("+6281234567890"))))).toEqual([]);
    expect(found(make(buttons(phone(""))))).toEqual(["buttons.0.phoneNumber text.required"]);
    for (const bad of ["6281234567890", "+62 812-3456-7890", "+628123", "+0123456789", "call me"])
      expect(found(make(buttons(phone(bad))))).toEqual(["buttons.0.phoneNumber buttons.phoneInvalid"]);
    expect(problems(make(buttons(phone("+15550051310"))))).toEqual([
      { path: "buttons.0.phoneNumber", code: "buttons.phoneUnlikely", severity: "warning" },
    ]);
  });

  it("copy code: an example of 1–15 characters", () => {
    expect(found(make(buttons(code("x".repeat(15)))))).toEqual([]);
    expect(found(make(buttons(code(""))))).toEqual(["buttons.0.example text.required"]);
    expect(found(make(buttons(code("x".repeat(16)))))).toEqual(["buttons.0.example text.tooLong"]);
  });

  it("OTP buttons only in authentication templates", () => {
    expect(found(make(buttons({ type: "OTP", otpType: "COPY_CODE" })))).toEqual(["buttons.0 buttons.otpNotAllowed"]);
  });
});

describe("authentication", () => {
  const auth: TemplateDraftInput = {
    name: "login_code",
    language: "en_US",
    category: "AUTHENTICATION",
    body: { text: "" },
    buttons: [{ type: "OTP", otpType: "COPY_CODE", text: "Copy code" }],
  };
  const oneTap = {
    type: "OTP" as const,
    otpType: "ONE_TAP" as const,
    text: "",
    autofillText: "Autofill",
    packageName: "com.example.app",
    signatureHash: "K8a/AINcGX7",
  };

  it("a copy-code or one-tap OTP button and nothing else is clean", () => {
    expect(problems(make({}, auth))).toEqual([]);
    expect(problems(make(buttons(oneTap), auth))).toEqual([]);
  });

  it("takes no header: text, media or location", () => {
    expect(found(make({ header: { format: "TEXT", text: "Code" } }, auth))).toEqual(["header authentication.headerNotAllowed"]);
    expect(found(make({ header: { format: "IMAGE", sample: image } }, auth))).toEqual(["header authentication.headerNotAllowed"]);
    expect(found(make({ header: { format: "LOCATION" } }, auth))).toEqual(["header authentication.headerNotAllowed"]);
  });

  it("takes no URL, quick-reply, phone or copy-code buttons", () => {
    expect(
      found(
        make(
          buttons(
            { type: "OTP", otpType: "COPY_CODE" },
            { type: "URL", text: "Go", url: "https://a.example/" },
            { type: "QUICK_REPLY", text: "Stop" },
            { type: "PHONE_NUMBER", text: "Call", phoneNumber: "+6281234567890" },
          ),
          auth,
        ),
      ),
    ).toEqual([
      "buttons.1 authentication.buttonNotAllowed",
      "buttons.2 authentication.buttonNotAllowed",
      "buttons.3 authentication.buttonNotAllowed",
    ]);
  });

  it("exactly one OTP button", () => {
    expect(found(make({ buttons: [] }, auth))).toEqual(["buttons authentication.otpRequired"]);
    expect(found(make(buttons({ type: "OTP", otpType: "COPY_CODE" }, oneTap), auth))).toEqual(["buttons authentication.oneOtp"]);
  });

  it("one-tap needs a valid package name and an 11-character signature hash", () => {
    expect(found(make(buttons({ ...oneTap, packageName: "" }), auth))).toEqual(["buttons.0.packageName text.required"]);
    for (const bad of ["example", "com.1example", "com..app", "com.exa-mple"])
      expect(found(make(buttons({ ...oneTap, packageName: bad }), auth))).toEqual([
        "buttons.0.packageName authentication.packageNameInvalid",
      ]);
    expect(found(make(buttons({ ...oneTap, signatureHash: "" }), auth))).toEqual(["buttons.0.signatureHash text.required"]);
    for (const bad of ["K8a/AINcGX", "K8a/AINcGX77", "K8a/AINc-X7"])
      expect(found(make(buttons({ ...oneTap, signatureHash: bad }), auth))).toEqual([
        "buttons.0.signatureHash authentication.signatureHashInvalid",
      ]);
    // A copy-code button needs neither.
    expect(found(make(buttons({ ...oneTap, otpType: "COPY_CODE", packageName: "", signatureHash: "" }), auth))).toEqual([]);
  });

  it("autofill text and copy-code text at most 25 characters", () => {
    expect(found(make(buttons({ ...oneTap, autofillText: "x".repeat(25), text: "y".repeat(25) }), auth))).toEqual([]);
    expect(found(make(buttons({ ...oneTap, autofillText: "x".repeat(26) }), auth))).toEqual(["buttons.0.autofillText text.tooLong"]);
    expect(found(make(buttons({ ...oneTap, text: "y".repeat(26) }), auth))).toEqual(["buttons.0.text text.tooLong"]);
  });

  it("code expiry 1–90 minutes, or none", () => {
    for (const minutes of [1, 90, null])
      expect(found(make({ authentication: { addSecurityRecommendation: true, codeExpirationMinutes: minutes } }, auth))).toEqual([]);
    for (const minutes of [0, 91])
      expect(problems(make({ authentication: { addSecurityRecommendation: true, codeExpirationMinutes: minutes } }, auth))).toEqual([
        {
          path: "authentication.codeExpirationMinutes",
          code: "authentication.codeExpiration",
          params: { min: 1, max: 90 },
          severity: "error",
        },
      ]);
  });

  it("ignores the body text and footer Meta writes itself", () => {
    expect(found(make({ body: body("{{1}}"), footer: "{{1}}" }, auth))).toEqual([]);
  });
});

describe("carousel", () => {
  type CardInput = NonNullable<TemplateDraftInput["carousel"]>["cards"][number];
  const card = (overrides: Partial<CardInput> = {}): CardInput => ({
    header: { format: "IMAGE", sample: image },
    body: body("Fresh {{1}} for you", { "1": "tulips" }),
    buttons: [
      { type: "QUICK_REPLY", text: "More like this" },
      { type: "URL", text: "Shop", url: "https://shop.example/p/{{1}}", example: "https://shop.example/p/tulip" },
    ],
    ...overrides,
  });
  const carousel: TemplateDraftInput = {
    name: "spring_cards",
    language: "en_US",
    category: "MARKETING",
    body: body("Spring is here, {{1}}! Browse the new arrivals below.", { "1": "Ana" }),
    carousel: { cards: [card(), card()] },
  };
  const cards = (...list: CardInput[]) => ({ carousel: { cards: list } });

  it("a marketing carousel of 2 cards is clean; named variables too", () => {
    expect(problems(make({}, carousel))).toEqual([]);
    const namedCard = card({ body: body("Fresh {{flower}} for you", { flower: "tulips" }) });
    expect(
      problems(
        make(
          {
            parameterFormat: "NAMED",
            body: body("Spring is here, {{name}}! Browse below.", { name: "Ana" }),
            ...cards(namedCard, namedCard),
          },
          carousel,
        ),
      ),
    ).toEqual([]);
  });

  it("only in marketing templates", () => {
    expect(found(make({ category: "UTILITY" }, carousel))).toEqual(["carousel carousel.notMarketing"]);
    expect(found(make({ category: "AUTHENTICATION", buttons: [{ type: "OTP", otpType: "COPY_CODE" }] }, carousel))).toEqual([
      "carousel carousel.notMarketing",
    ]);
  });

  it("2–10 cards", () => {
    expect(problems(make(cards(card()), carousel))).toEqual([
      { path: "carousel.cards", code: "carousel.cardCount", params: { min: 2, max: 10, count: 1 }, severity: "error" },
    ]);
    expect(found(make(cards(...Array.from({ length: 10 }, () => card())), carousel))).toEqual([]);
    expect(found(make(cards(...Array.from({ length: 11 }, () => card())), carousel))).toEqual(["carousel.cards carousel.cardCount"]);
  });

  it("no header, footer or buttons at the top level", () => {
    expect(found(make({ header: { format: "TEXT", text: "Hi" } }, carousel))).toEqual(["header carousel.headerNotAllowed"]);
    expect(found(make({ footer: "Bye" }, carousel))).toEqual(["footer carousel.footerNotAllowed"]);
    expect(found(make({ buttons: [{ type: "QUICK_REPLY", text: "x" }] }, carousel))).toEqual(["buttons carousel.buttonsNotAllowed"]);
  });

  it("each card: an image or video sample of the right type", () => {
    expect(found(make(cards(card(), card({ header: { format: "IMAGE", sample: null } })), carousel))).toEqual([
      "carousel.cards.1.header.sample header.sampleRequired",
    ]);
    const video = card({ header: { format: "VIDEO", sample: { ...image, mimeType: "video/mp4" } } });
    expect(found(make(cards(video, video), carousel))).toEqual([]);
    expect(
      found(make(cards(card({ header: { format: "IMAGE", sample: { ...image, mimeType: "video/mp4" } } }), card()), carousel)),
    ).toEqual(["carousel.cards.0.header.sample header.sampleType"]);
  });

  it("each card body: at most 160 characters, with examples; all cards have one or none", () => {
    expect(found(make(cards(card({ body: body("x".repeat(161)) }), card()), carousel))).toEqual([
      "carousel.cards.0.body.text text.tooLong",
    ]);
    expect(found(make(cards(card(), card({ body: body("Fresh {{1}} for you") })), carousel))).toEqual([
      "carousel.cards.1.body.examples.1 variables.exampleMissing",
    ]);
    expect(found(make(cards(card(), card({ body: body("") })), carousel))).toEqual([
      "carousel.cards.1.body.text carousel.cardBodyRequired",
    ]);
    expect(found(make(cards(card({ body: body("") }), card({ body: body("") })), carousel))).toEqual([]);
    expect(found(make(cards(card({ body: body("{{1}} for you", { "1": "x" }) }), card()), carousel))).toEqual([
      "carousel.cards.0.body.text variables.atStart",
      "carousel.cards.0.body.text body.tooManyVariables",
    ]);
  });

  it("each card: at most 2 buttons, quick reply / URL / phone only, each checked", () => {
    const three = card({
      buttons: [
        { type: "QUICK_REPLY", text: "a" },
        { type: "QUICK_REPLY", text: "b" },
        { type: "QUICK_REPLY", text: "c" },
      ],
    });
    expect(found(make(cards(three, three), carousel))).toEqual([
      "carousel.cards.0.buttons carousel.cardButtonCount",
      "carousel.cards.1.buttons carousel.cardButtonCount",
    ]);
    const coupon = card({ buttons: [{ type: "COPY_CODE", example: "X" }] });
    expect(found(make(cards(coupon, coupon), carousel))).toEqual([
      "carousel.cards.0.buttons.0 carousel.cardButtonType",
      "carousel.cards.1.buttons.0 carousel.cardButtonType",
    ]);
    const call = card({ buttons: [{ type: "PHONE_NUMBER", text: "Call", phoneNumber: "12" }] });
    expect(found(make(cards(call, call), carousel))).toEqual([
      "carousel.cards.0.buttons.0.phoneNumber buttons.phoneInvalid",
      "carousel.cards.1.buttons.0.phoneNumber buttons.phoneInvalid",
    ]);
    const noExample = card({ buttons: [{ type: "URL", text: "Shop", url: "https://shop.example/p/{{1}}" }] });
    expect(found(make(cards(noExample, noExample), carousel))).toContain("carousel.cards.0.buttons.0.example buttons.exampleRequired");
  });

  it("every card has the same header format and the same buttons in the same order", () => {
    const video = card({ header: { format: "VIDEO", sample: { ...image, mimeType: "video/mp4" } } });
    expect(found(make(cards(card(), video), carousel))).toEqual(["carousel.cards.1.header carousel.cardHeaderMismatch"]);
    const swapped = card({ buttons: [...(card().buttons ?? [])].reverse() });
    expect(found(make(cards(card(), swapped), carousel))).toEqual(["carousel.cards.1.buttons carousel.cardButtonsMismatch"]);
    const fewer = card({ buttons: [{ type: "QUICK_REPLY", text: "More" }] });
    expect(found(make(cards(card(), card(), fewer), carousel))).toEqual(["carousel.cards.2.buttons carousel.cardButtonsMismatch"]);
  });
});
