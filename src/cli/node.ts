// What the Node entries (sim, convert, discover) share: the real file system and streams as a
// CliIO, and running a command to its exit code.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import type { CliIO } from './main';

/** Writes beside the target, then renames: a failed write leaves no partial file. */
export function writeAtomically(path: string, text: string): void {
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
}

export const nodeIO: CliIO & { readBytes(path: string): Uint8Array } = {
  readFile: (path) => readFileSync(path, 'utf8'),
  readBytes: (path) => new Uint8Array(readFileSync(path)),
  writeFile: writeAtomically,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

/** Runs a command with the process's arguments and real IO, and sets the exit code. */
export function runCli(command: (args: string[], io: typeof nodeIO) => Promise<number>): void {
  // When the reader of our output goes away (`sim … | head`), stop quietly: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
  void command(process.argv.slice(2), nodeIO).then((code) => {
    process.exitCode = code;
  });
}
