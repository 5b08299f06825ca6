/**
 * Signed-in users (Pusher's user authentication): which sockets belong to which user id, so the HTTP
 * API can terminate a user's connections and `#server-to-user-{id}` reaches only that user.
 */
export interface UserSocket {
  readonly socketId: string;
  /** Closes the socket the way Pusher does for a terminated user. */
  terminate(): void;
}

export class Users {
  private readonly byUser = new Map<string, Set<UserSocket>>();

  add(userId: string, socket: UserSocket): void {
    const sockets = this.byUser.get(userId) ?? new Set<UserSocket>();
    this.byUser.set(userId, sockets);
    sockets.add(socket);
  }

  remove(userId: string, socket: UserSocket): void {
    const sockets = this.byUser.get(userId);
    if (!sockets) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.byUser.delete(userId);
  }

  /** Closes every connection signed in as `userId`; returns how many. */
  terminate(userId: string): number {
    const sockets = [...(this.byUser.get(userId) ?? [])];
    for (const socket of sockets) socket.terminate();
    return sockets.length;
  }

  connectionCount(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }
}
