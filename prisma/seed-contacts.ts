/** Realistic Indonesian contacts for the demo workspace, the same on every run (seeded PRNG). */
import { prisma } from "@/lib/db";

const FIRST = ["Agus", "Ayu", "Bayu", "Citra", "Dimas", "Eka", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika", "Lina", "Made", "Nur", "Putri", "Rizky", "Sari", "Teguh", "Wulan", "Yusuf", "Zahra", "Andi", "Rina", "Bambang"];
const LAST = ["Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Nugroho", "Susanto", "Siregar", "Harahap", "Gunawan", "Setiawan", "Purnomo", "Wibowo", "Halim", "Tanjung"];
const CITIES = ["Jakarta", "Bandung", "Surabaya", "Medan", "Yogyakarta", "Denpasar", "Makassar", "Semarang"];
const PREFIXES = ["811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878", "895", "896"];

function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function seedContacts(workspaceId: string, count: number): Promise<void> {
  const random = prng(42);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const [vip, wholesale] = await Promise.all(
    ["VIP", "Wholesale"].map((name) =>
      prisma.tag.upsert({ where: { workspaceId_name: { workspaceId, name } }, create: { workspaceId, name }, update: {} }),
    ),
  );
  const groups = await Promise.all(
    ["Newsletter", "Jakarta customers"].map((name) =>
      prisma.contactGroup.upsert({ where: { workspaceId_name: { workspaceId, name } }, create: { workspaceId, name }, update: {} }),
    ),
  );
  await prisma.customField.upsert({
    where: { workspaceId_key: { workspaceId, key: "city" } },
    create: { workspaceId, key: "city", label: "City", type: "text" },
    update: {},
  });

  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => {
    const digits = String(Math.floor(random() * 1e8)).padStart(8, "0");
    const phone = `+62${pick(PREFIXES)}${digits}`;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    return {
      workspaceId,
      phone,
      waId: phone.slice(1),
      name,
      profileName: random() < 0.6 ? name.split(" ")[0] : null,
      customFields: { city: pick(CITIES) },
      optedOutAt: random() < 0.05 ? new Date(now - Math.floor(random() * 30) * 86_400_000) : null,
      lastInboundAt: random() < 0.3 ? new Date(now - Math.floor(random() * 72) * 3_600_000) : null,
      createdAt: new Date(now - (count - i) * 3_600_000),
    };
  });
  await prisma.contact.createMany({ data: rows, skipDuplicates: true });

  const contacts = await prisma.contact.findMany({ where: { workspaceId }, select: { id: true }, orderBy: { createdAt: "asc" } });
  const tagged = contacts.filter((_, i) => i % 7 === 0);
  await prisma.contactTag.createMany({
    data: tagged.map((c, i) => ({ contactId: c.id, tagId: (i % 2 === 0 ? vip : wholesale)!.id })),
    skipDuplicates: true,
  });
  await prisma.contactGroupMember.createMany({
    data: contacts.filter((_, i) => i % 3 === 0).map((c, i) => ({ contactId: c.id, groupId: groups[i % 2]!.id })),
    skipDuplicates: true,
  });
}
