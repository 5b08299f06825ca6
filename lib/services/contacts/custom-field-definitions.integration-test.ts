/**
 * Custom-field definitions, as Settings → Contact fields manages them: keys derived and kept
 * unique, a select's options checked, the type fixed once contacts hold values, and a delete that
 * takes the field's values off every contact; bad input is refused with its field and changes nothing.
 */
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTenant, type Tenant } from "@/test/fixtures/tenants";
import { rejection } from "@/test/tenant-isolation/helpers";
import { customFieldKeyFromLabel, uniqueCustomFieldKey } from "./custom-field-key";
import { createContact } from "./create-contact";
import { createCustomField, deleteCustomField, listCustomFields, updateCustomField } from "./custom-field-definitions";

const definitions = (T: Tenant) => prisma.customField.findMany({ where: { workspaceId: T.workspace.id }, orderBy: { createdAt: "asc" } });
const valuesOf = async (T: Tenant) =>
  (await prisma.contact.findMany({ where: { workspaceId: T.workspace.id }, orderBy: { phone: "asc" }, select: { customFields: true } })).map((c) => c.customFields);
const setValues = (T: Tenant, i: number, customFields: Record<string, unknown>) =>
  prisma.contact.update({ where: { id: T.contacts[i]!.id }, data: { customFields: customFields as never } });

describe("customFieldKeyFromLabel", () => {
  it("derives lower-case snake case, accents and symbols aside, within 64 characters", () => {
    expect(customFieldKeyFromLabel("Tanggal Lahir")).toBe("tanggal_lahir");
    expect(customFieldKeyFromLabel("  Kota / Région!! ")).toBe("kota_region");
    expect(customFieldKeyFromLabel("VIP-level 2")).toBe("vip_level_2");
    expect(customFieldKeyFromLabel("🎉")).toBe("");
    expect(customFieldKeyFromLabel("a".repeat(70))).toHaveLength(64);
    expect(customFieldKeyFromLabel(`${"a".repeat(63)} b`)).toBe("a".repeat(63));
  });

  it("is made unique with a suffix, still within 64 characters", () => {
    expect(uniqueCustomFieldKey("city", new Set(["city", "city_2"]))).toBe("city_3");
    expect(uniqueCustomFieldKey("", new Set())).toBe("field");
    expect(uniqueCustomFieldKey("x".repeat(64), new Set(["x".repeat(64)]))).toBe(`${"x".repeat(62)}_2`);
  });
});

describe("createCustomField", () => {
  it("derives the key from the label and makes it unique; an explicit key that is taken is refused", async () => {
    const T = await createTenant("CF");
    const city = await createCustomField(T.admin.ctx, { label: "City", type: "text" });
    const again = await createCustomField(T.owner.ctx, { label: "city!", type: "text" });
    const third = await createCustomField(T.owner.ctx, { label: "City", key: "", type: "number" });
    expect([city.key, again.key, third.key]).toEqual(["city", "city_2", "city_3"]);
    expect(await createCustomField(T.owner.ctx, { label: "Kota", key: "kota_id", type: "text" })).toMatchObject({ key: "kota_id", label: "Kota", options: [], valueCount: 0 });
    expect(await rejection(createCustomField(T.owner.ctx, { label: "Other", key: "city", type: "text" }))).toMatchObject({
      code: "conflict",
      messageKey: "customFieldKeyTaken",
      field: "key",
    });
    expect((await definitions(T)).map((d) => d.key)).toEqual(["city", "city_2", "city_3", "kota_id"]);
    expect(await prisma.auditLog.count({ where: { workspaceId: T.workspace.id, action: "custom_field.created" } })).toBe(4);
  });

  it("checks a select's options: trimmed, blank lines dropped, none twice (ignoring case), bounded", async () => {
    const T = await createTenant("CG");
    const tier = await createCustomField(T.admin.ctx, { label: "Tier", type: "select", options: [" Gold ", "", "Silver", "Bronze"] });
    expect(tier.options).toEqual(["Gold", "Silver", "Bronze"]);
    for (const [options, messageKey] of [
      [[], "customFieldOptionsRequired"],
      [["  ", ""], "customFieldOptionsRequired"],
      [["Gold", "gold"], "customFieldOptionDuplicate"],
      [["x".repeat(101)], "customFieldOptionTooLong"],
      [Array.from({ length: 51 }, (_, i) => `o${i}`), "customFieldTooManyOptions"],
    ] as const) {
      expect(await rejection(createCustomField(T.admin.ctx, { label: "Bad", type: "select", options: [...options] }))).toMatchObject({ code: "invalid", messageKey, field: "options" });
    }
    expect((await rejection(createCustomField(T.admin.ctx, { label: "Note", type: "text", options: ["a"] }))).messageKey).toBe("customFieldOptionsOnlyForSelect");
    expect((await definitions(T)).map((d) => [d.key, d.options])).toEqual([["tier", ["Gold", "Silver", "Bronze"]]]);
  });

  it("refuses bad input with the field named, and creates nothing; agents may not create", async () => {
    const T = await createTenant("CH");
    for (const [input, field, messageKey] of [
      [{ label: "", type: "text" }, "label", "customFieldLabelRequired"],
      [{ label: "x".repeat(101), type: "text" }, "label", "customFieldLabelTooLong"],
      [{ label: "Ok", key: "Has Space", type: "text" }, "key", "customFieldKeyFormat"],
      [{ label: "Ok", key: "k".repeat(65), type: "text" }, "key", "customFieldKeyFormat"],
      [{ label: "Ok", type: "colour" }, "type", "customFieldTypeInvalid"],
    ] as const) {
      expect(await rejection(createCustomField(T.admin.ctx, input as never))).toMatchObject({ code: "invalid", field, messageKey });
    }
    expect((await rejection(createCustomField(T.agent.ctx, { label: "City", type: "text" }))).code).toBe("forbidden");
    expect(await definitions(T)).toEqual([]);
  });

  it("feeds the values check: a contact's value is read against the new definition", async () => {
    const T = await createTenant("CI");
    await createCustomField(T.admin.ctx, { label: "Tier", type: "select", options: ["Gold", "Silver"] });
    await createCustomField(T.admin.ctx, { label: "Birthday", type: "date" });
    const { id } = await createContact(T.agent.ctx, { phone: "0812 9000 1111", customFields: { tier: "gold", birthday: "2000-02-29" } });
    expect((await prisma.contact.findUniqueOrThrow({ where: { id } })).customFields).toEqual({ tier: "Gold", birthday: "2000-02-29" });
    expect((await rejection(createContact(T.agent.ctx, { phone: "0812 9000 2222", customFields: { tier: "Platinum" } }))).messageKey).toBe("customFieldNotAChoice");
  });
});

describe("listCustomFields", () => {
  it("lists the definitions oldest first with how many contacts have a value; agents may read", async () => {
    const T = await createTenant("CJ");
    await createCustomField(T.admin.ctx, { label: "City", type: "text" });
    await createCustomField(T.admin.ctx, { label: "Points", type: "number" });
    await setValues(T, 0, { city: "Bandung", points: 3 });
    await setValues(T, 1, { city: "Medan" });
    expect((await listCustomFields(T.agent.ctx)).map((f) => [f.key, f.type, f.valueCount])).toEqual([
      ["city", "text", 2],
      ["points", "number", 1],
    ]);
  });
});

describe("updateCustomField", () => {
  it("changes the label and a select's options, never the key; a choice contacts hold cannot be removed", async () => {
    const T = await createTenant("CK");
    const tier = await createCustomField(T.admin.ctx, { label: "Tier", type: "select", options: ["Gold", "Silver", "Bronze"] });
    await setValues(T, 0, { tier: "Gold" });
    await setValues(T, 1, { tier: "Gold" });
    const renamed = await updateCustomField(T.owner.ctx, { id: tier.id, label: "Level", options: ["Gold", "Silver", "Platinum"], key: "level" } as never);
    expect(renamed).toMatchObject({ key: "tier", label: "Level", options: ["Gold", "Silver", "Platinum"], valueCount: 2 });
    expect(await rejection(updateCustomField(T.owner.ctx, { id: tier.id, label: "Level", options: ["Silver", "Platinum"] }))).toMatchObject({
      code: "conflict",
      messageKey: "customFieldOptionInUse",
      field: "options",
      params: { option: "Gold", count: 2 },
    });
    // Options left out: the choices stay.
    expect((await updateCustomField(T.owner.ctx, { id: tier.id, label: "Tier" })).options).toEqual(["Gold", "Silver", "Platinum"]);
    expect((await rejection(updateCustomField(T.agent.ctx, { id: tier.id, label: "Mine" }))).code).toBe("forbidden");
    expect((await rejection(updateCustomField(T.owner.ctx, { id: "no-such-field", label: "X" }))).messageKey).toBe("customFieldNotFound");
    expect((await definitions(T)).map((d) => [d.key, d.label, d.options])).toEqual([["tier", "Tier", ["Gold", "Silver", "Platinum"]]]);
  });

  it("changes the type only while no contact has a value, and says how many do", async () => {
    const T = await createTenant("CL");
    const code = await createCustomField(T.admin.ctx, { label: "Code", type: "text" });
    expect(await updateCustomField(T.admin.ctx, { id: code.id, label: "Code", type: "select", options: ["A", "B"] })).toMatchObject({ type: "select", options: ["A", "B"] });
    expect(await updateCustomField(T.admin.ctx, { id: code.id, label: "Code", type: "number" })).toMatchObject({ type: "number", options: [] });
    await setValues(T, 2, { code: 7 });
    expect(await rejection(updateCustomField(T.admin.ctx, { id: code.id, label: "Code", type: "text" }))).toMatchObject({
      code: "conflict",
      messageKey: "customFieldTypeInUse",
      field: "type",
      params: { count: 1 },
    });
    expect((await definitions(T)).map((d) => [d.type, d.options])).toEqual([["number", null]]);
    // The same type with values: fine (a label edit sends the type it has).
    expect(await updateCustomField(T.admin.ctx, { id: code.id, label: "Kode", type: "number" })).toMatchObject({ label: "Kode", valueCount: 1 });
  });

  it("refuses bad input and changes nothing", async () => {
    const T = await createTenant("CM");
    const tier = await createCustomField(T.admin.ctx, { label: "Tier", type: "select", options: ["Gold"] });
    const before = await definitions(T);
    for (const input of [
      { id: tier.id, label: "" },
      { id: tier.id, label: "Tier", options: [] },
      { id: tier.id, label: "Tier", options: ["a", "A"] },
      { id: tier.id, label: "Tier", type: "select", options: ["Gold", "x".repeat(101)] },
      { id: tier.id, label: "Tier", type: "text", options: ["Gold"] },
    ]) {
      expect((await rejection(updateCustomField(T.admin.ctx, input as never))).code).toBe("invalid");
    }
    expect(await definitions(T)).toEqual(before);
  });
});

describe("deleteCustomField", () => {
  it("deletes the definition and removes its value from every contact, leaving other values and workspaces alone", async () => {
    const T = await createTenant("CN");
    const other = await createTenant("CO");
    const city = await createCustomField(T.admin.ctx, { label: "City", type: "text" });
    await createCustomField(T.admin.ctx, { label: "Points", type: "number" });
    await createCustomField(other.admin.ctx, { label: "City", type: "text" });
    await setValues(T, 0, { city: "Bandung", points: 3 });
    await setValues(T, 1, { city: "Medan" });
    await setValues(other, 0, { city: "Surabaya" });
    const updatedBefore = (await prisma.contact.findUniqueOrThrow({ where: { id: T.contacts[2]!.id } })).updatedAt;

    expect(await deleteCustomField(T.owner.ctx, city.id)).toEqual({ key: "city", removedValues: 2 });
    expect(await valuesOf(T)).toEqual([{ points: 3 }, {}, {}]);
    expect(await valuesOf(other)).toEqual([{ city: "Surabaya" }, {}, {}]);
    expect((await prisma.contact.findUniqueOrThrow({ where: { id: T.contacts[2]!.id } })).updatedAt).toEqual(updatedBefore);
    expect((await definitions(T)).map((d) => d.key)).toEqual(["points"]);
    expect(await prisma.auditLog.findFirst({ where: { workspaceId: T.workspace.id, action: "custom_field.deleted" }, select: { metadata: true } })).toEqual({
      metadata: { key: "city", removedValues: 2 },
    });

    // The key is free again, and a new field does not inherit the old values.
    expect(await createCustomField(T.owner.ctx, { label: "City", type: "number" })).toMatchObject({ key: "city", valueCount: 0 });
    expect((await rejection(deleteCustomField(T.owner.ctx, city.id))).messageKey).toBe("customFieldNotFound");
  });

  it("is for owners and admins only", async () => {
    const T = await createTenant("CP");
    const city = await createCustomField(T.admin.ctx, { label: "City", type: "text" });
    await setValues(T, 0, { city: "Bandung" });
    expect((await rejection(deleteCustomField(T.agent.ctx, city.id))).code).toBe("forbidden");
    expect(await valuesOf(T)).toEqual([{ city: "Bandung" }, {}, {}]);
  });
});
