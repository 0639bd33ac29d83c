/**
 * `npm run bench -- <name> [args]`: runs one benchmark, or all of them without a name. Each prints
 * its figures next to a baseline measured in the same run, as ratios; nothing here is a test.
 */
const benches: Record<string, string> = {
  ingest: './ingest.ts',
  git: './git-import.ts',
  measures: './measures.ts',
  slo: './slo.ts',
};

const [name, ...rest] = process.argv.slice(2);
const names = name ? [name] : Object.keys(benches);
for (const n of names) {
  const file = benches[n];
  if (!file) {
    console.error(`bench: unknown benchmark "${n}" (one of ${Object.keys(benches).join(', ')})`);
    process.exit(2);
  }
  process.argv = [process.argv[0]!, file, ...rest];
  console.log(`\n=== bench ${n} ===`);
  await import(file);
}
