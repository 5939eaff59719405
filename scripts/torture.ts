// `npm run torture -- --iterations 1000`: the crash test's long run, with that many kills in a
// stream of commits after the kills before every step of each operation. CRASH_SEED replays.
import { crashProblems, crashSeed, crashTest, formatReport } from '../tests/fault/harness';

const flag = process.argv.indexOf('--iterations');
const iterations = flag >= 0 ? Number(process.argv[flag + 1]) : 1000;
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error('Usage: npm run torture -- --iterations N');
  process.exit(2);
}

async function main(): Promise<void> {
  const seed = crashSeed();
  process.stderr.write(`crash seed ${seed}\n`);
  const report = await crashTest({
    seed,
    streamKills: iterations,
    onProgress: (message) => process.stderr.write(`${message}\n`),
  });
  console.log(formatReport(report));
  const problems = crashProblems(report);
  for (const problem of problems) console.error(problem);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

void main();
