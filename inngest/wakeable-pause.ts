/**
 * The pause between two rounds of a polling loop, which `wake()` cuts short. A
 * wake that comes while the loop is busy is remembered until the loop's next
 * round begins, so work that arrived mid-round is picked up at once, not a poll
 * interval later. The executor's and the outbox relay's loops both pause on one.
 */
export class WakeablePause {
  private requested = false;
  private cut: (() => void) | null = null;

  wake(): void {
    this.requested = true;
    this.cut?.();
  }

  /** Called as a round begins: wakes before now are answered by this round. */
  beginRound(): void {
    this.requested = false;
  }

  /** Whether a wake came since the round began. */
  get woken(): boolean {
    return this.requested;
  }

  /** Waits `ms`, or less if woken meanwhile. A loop checks `woken` first, as it may have somewhere better to be. */
  async wait(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cut = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.cut = null;
  }
}
