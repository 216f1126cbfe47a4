// npm run golden:update — rewrites the golden results (only when results change on purpose;
// say why in the commit message).
import { writeFileSync } from 'node:fs';
import { goldenFile, goldenIds, goldenText, traceFile, traceText } from './golden';

for (const id of goldenIds()) {
  writeFileSync(goldenFile(id), goldenText(id));
  process.stdout.write(`wrote ${goldenFile(id)}\n`);
}
writeFileSync(traceFile(), traceText());
process.stdout.write(`wrote ${traceFile()}\n`);
