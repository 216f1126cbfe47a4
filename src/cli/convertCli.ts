// Node entry: npm run convert -- IN --out OUT [--scenario ID]
import { readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { convert } from './convert';

// When the reader of our output goes away (`sim … | head`), stop quietly: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

void convert(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => new Uint8Array(readFileSync(path)),
  writeFile: (path, text) => {
    // Write beside the target, then rename: a failed write leaves no partial file.
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, text);
      renameSync(tmp, path);
    } catch (err) {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean up
      }
      throw err;
    }
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
