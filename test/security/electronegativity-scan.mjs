// Runs Electronegativity's scanner in this process and prints its findings as one JSON line.
// The tool's own CSV report is written by two unordered asynchronous writes (the header, then the
// rows appended), so on a busy machine the header can land over the rows and the report is torn;
// reading the scanner's result directly leaves no file to tear.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

const [input, electronVersion, ...excluded] = process.argv.slice(2);
// The scanner sets up its own translations (the offline client refuses the download of newer ones).
const run = require('@doyensec/electronegativity/dist/runner.js');

try {
  const result = await run(
    {
      input: path.resolve(input),
      output: undefined,
      isSarif: false,
      customScan: [],
      excludeFromScan: excluded.map((check) => check.toLowerCase()),
      severitySet: undefined,
      confidenceSet: undefined,
      isRelative: true,
      isVerbose: false,
      electronUpgrade: undefined,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    },
    false,
  );
  const findings = result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    location: `${issue.location.line}:${issue.location.column}`,
  }));
  process.stdout.write(`${JSON.stringify({ checks: result.globalChecks + result.atomicChecks, unreadable: result.errors.filter((error) => !error.tolerable).map(({ file, message }) => ({ file: path.relative(input, file), message })), findings })}\n`);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
