// The platform owns its shutdown: what was started is stopped once, in reverse order (HTTP,
// worker drain, Temporal, PostgreSQL), whether the signal comes after start-up or in the middle
// of it. A part that finishes starting after shutdown began is stopped at once, and start-up ends.
import type { Logger } from './logger';

export class ShutdownStarted extends Error {
  constructor() {
    super('Shutdown began while starting');
    this.name = 'ShutdownStarted';
  }
}

export class Shutdown {
  private readonly stops: Array<{ part: string; stop: () => Promise<unknown> }> = [];
  private running?: Promise<void>;

  constructor(private readonly log: Logger) {}

  get started(): boolean {
    return this.running !== undefined;
  }

  /** Registers how to stop a part just started; throws ShutdownStarted (after stopping it) if too late. */
  async add(part: string, stop: () => Promise<unknown>): Promise<void> {
    if (!this.running) {
      this.stops.push({ part, stop });
      return;
    }
    await this.stopOne({ part, stop });
    throw new ShutdownStarted();
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const s of this.stops.splice(0).reverse()) await this.stopOne(s);
    })();
    return this.running;
  }

  private async stopOne({ part, stop }: { part: string; stop: () => Promise<unknown> }) {
    this.log.debug({ part }, 'stopping');
    await stop().catch((err) => this.log.error({ err, part }, 'error while stopping'));
  }
}
