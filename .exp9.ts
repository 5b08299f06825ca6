import { createIsolatedSchema } from "./lib/db/isolated-schema";
async function main() {
  const base = process.argv[2]!;
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    const s = await createIsolatedSchema(base, "bench");
    times.push(Math.round(performance.now() - t));
    const t2 = performance.now();
    await s.drop();
    times.push(-Math.round(performance.now() - t2));
  }
  console.log(base, times.join(" "));
}
main();
