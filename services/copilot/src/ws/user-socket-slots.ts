/**
 * How many sockets each user holds, counted from the moment an upgrade is let through until its
 * TCP socket closes, so that upgrades racing each other cannot overshoot the per-user cap
 * (`settings.ws.maxSocketsPerUser`) and a socket still finishing its close handshake still counts.
 */
export class UserSocketSlots {
  private readonly held = new Map<string, number>();

  /** Takes one of the user's slots; false, and nothing taken, when the user already holds `max`. */
  tryTake(userId: string, max: number): boolean {
    const count = this.held.get(userId) ?? 0;
    if (count >= max) return false;
    this.held.set(userId, count + 1);
    return true;
  }

  /** Gives back one slot taken by `tryTake` (call once per slot taken). */
  release(userId: string): void {
    const left = (this.held.get(userId) ?? 1) - 1;
    if (left > 0) this.held.set(userId, left);
    else this.held.delete(userId);
  }

  heldBy(userId: string): number {
    return this.held.get(userId) ?? 0;
  }

  /** Users holding at least one slot: a user whose sockets all closed is forgotten. */
  get users(): number {
    return this.held.size;
  }
}
