/** Shared by the fakes' standalone runners. */

export function timestamped(line: string): void {
  console.log(`${new Date().toISOString()} ${line}`);
}

/** Starts a fake, prints its banner, and closes it cleanly on Ctrl-C / SIGTERM. */
export function runStandalone<T extends { close(): Promise<void> }>(start: () => Promise<T>, banner: (fake: T) => string[]): void {
  start()
    .then((fake) => {
      for (const line of [...banner(fake), 'Ctrl-C to stop.']) console.log(line);
      const stop = (): void => {
        fake.close().then(
          () => process.exit(0),
          (err: unknown) => fail(err)
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch(fail);
}

function fail(err: unknown): never {
  console.error(err);
  process.exit(1);
}
