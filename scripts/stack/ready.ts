// The one line each service prints on stdout when it is ready, e.g.
// `READY ipfs {"gateway":"http://127.0.0.1:8080",...}`; processes.ts waits for it.
export function printReady(service: string, info: Record<string, string>): void {
  process.stdout.write(`READY ${service} ${JSON.stringify(info)}\n`);
}

export function parseReady(line: string, service: string): Record<string, string> | null {
  const prefix = `READY ${service} `;
  if (!line.startsWith(prefix)) return null;
  return JSON.parse(line.slice(prefix.length)) as Record<string, string>;
}

/**
 * Runs `stop` once on SIGTERM/SIGINT, then exits 0. Repeated signals are ignored while stopping
 * (Ctrl-C and a supervisor's SIGTERM may both arrive); a stuck stop is the supervisor's to SIGKILL.
 */
export function stopOnSignals(name: string, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`${name}: error while stopping on ${signal}: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
