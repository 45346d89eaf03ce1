import type { CommentaryServerMessage } from '@marketswarm/shared/dto';

/** How one socket takes a frame: the message and its JSON, serialised once for all the user's sockets. */
export type AudienceListener = (frame: string, message: CommentaryServerMessage) => void;

/**
 * Who is listening to commentary on this instance: each connected user's sockets. The channel adds
 * and removes sockets; the service asks whom to comment for and sends to them. Kept apart from both
 * so neither depends on the other.
 */
export class CommentaryAudience {
  private readonly byUser = new Map<string, Map<string, AudienceListener>>();

  join(userId: string, socketId: string, listener: AudienceListener): void {
    let sockets = this.byUser.get(userId);
    if (!sockets) this.byUser.set(userId, (sockets = new Map<string, AudienceListener>()));
    sockets.set(socketId, listener);
  }

  leave(userId: string, socketId: string): void {
    const sockets = this.byUser.get(userId);
    sockets?.delete(socketId);
    if (sockets?.size === 0) this.byUser.delete(userId);
  }

  users(): string[] {
    return [...this.byUser.keys()];
  }

  has(userId: string): boolean {
    return this.byUser.has(userId);
  }

  /** Sends to every socket of the user here; false when the user has none on this instance. */
  send(userId: string, message: CommentaryServerMessage): boolean {
    const sockets = this.byUser.get(userId);
    if (!sockets || sockets.size === 0) return false;
    const frame = JSON.stringify(message);
    for (const listener of [...sockets.values()]) listener(frame, message);
    return true;
  }
}
