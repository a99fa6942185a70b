// `npm run fuzz [-- --cases 100000] [-- --surface profile,fhir,cli,http] [-- --seed N]`: the robustness surfaces of
// test/robustness.property.test.ts, at volume. Prints, per surface, the cases run, crashes, 5xx answers and the other
// violations (rejections without a message or not naming the field, stack traces), the first few of each, and as
// its last line one JSON object. Exits 1 when anything crashed or answered 5xx.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { cliSurface, fhirSurface, httpSurface, type Kind, profileSurface, type Surface } from './surfaces.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string' },
    surface: { type: 'string' },
    seed: { type: 'string' },
  },
});
const cases = Number(values.cases ?? 100_000);
const seed = Number(values.seed ?? 20260101);
const wanted = new Set((values.surface ?? 'profile,fhir,cli,http').split(','));

interface Tally {
  readonly surface: string;
  cases: number;
  seconds: number;
  readonly byKind: Record<Kind, number>;
  readonly examples: string[];
}

async function fuzz<T>(surface: Surface<T>): Promise<Tally> {
  const tally: Tally = {
    surface: surface.name,
    cases: 0,
    seconds: 0,
    byKind: { crash: 0, '5xx': 0, unnamed: 0, 'stack-trace': 0, 'no-message': 0 },
    examples: [],
  };
  const t0 = performance.now();
  const batch = 500;
  for (let b = 0; tally.cases < cases; b++) {
    const inputs = fc.sample(surface.arbitrary, {
      seed: seed + b,
      numRuns: Math.min(batch, cases - tally.cases),
    });
    for (const input of inputs) {
      const found = await surface.check(input);
      tally.cases++;
      for (const v of found) {
        tally.byKind[v.kind]++;
        if (tally.examples.length < 8) {
          tally.examples.push(`${v.kind}: ${v.detail.slice(0, 300)}`);
        }
      }
    }
    if (b % 20 === 0) {
      process.stderr.write(`fuzz: ${surface.name}: ${tally.cases}/${cases}\n`);
    }
  }
  tally.seconds = Math.round((performance.now() - t0) / 100) / 10;
  surface.close?.();
  return tally;
}

const runs: Record<string, () => Promise<Tally>> = {
  profile: () => fuzz(profileSurface()),
  fhir: () => fuzz(fhirSurface()),
  cli: () => fuzz(cliSurface()),
  http: () => fuzz(httpSurface()),
};

const tallies: Tally[] = [];
for (const [name, start] of Object.entries(runs)) {
  if (wanted.has(name)) {
    tallies.push(await start());
  }
}

for (const t of tallies) {
  const other = t.byKind.unnamed + t.byKind['stack-trace'] + t.byKind['no-message'];
  process.stdout.write(
    `${t.surface.padEnd(16)} ${String(t.cases).padStart(7)} cases  ${String(t.byKind.crash).padStart(3)} crashes  ${String(t.byKind['5xx']).padStart(3)} 5xx  ${String(other).padStart(3)} other violations  (${t.seconds} s)\n`,
  );
  for (const e of t.examples) {
    process.stdout.write(`    ${e}\n`);
  }
}
process.stdout.write(`${JSON.stringify({ seed, surfaces: tallies })}\n`);
process.exitCode = tallies.some((t) => t.byKind.crash > 0 || t.byKind['5xx'] > 0) ? 1 : 0;
