// `npm run torture -- --iterations 1000`: the crash test's long run.
import { crashTest, formatReport } from '../tests/fault/harness';

const flag = process.argv.indexOf('--iterations');
const iterations = flag >= 0 ? Number(process.argv[flag + 1]) : 1000;
if (!Number.isInteger(iterations) || iterations < 1) {
  console.error('Usage: npm run torture -- --iterations N');
  process.exit(2);
}

async function main(): Promise<void> {
  const report = await crashTest(iterations, (done) => {
    if (done % 50 === 0) process.stderr.write(`${done}/${iterations}\n`);
  });
  console.log(formatReport(report));
  console.log(
    `kills inside a compaction: ${report.duringCompaction}, inside a passphrase change: ${report.duringPassphraseChange}, acknowledged changes checked: ${report.acknowledged}`,
  );
  process.exitCode = report.lost === 0 && report.unopenable === 0 ? 0 : 1;
}

void main();
