/** Which socket listens on which channel, and delivery of an event to a channel's sockets. */

/** What the registry needs of a connection: its id and a way to send it a frame. */
export interface Subscriber {
  readonly socketId: string;
  send(frame: string): void;
}

export class Channels {
  private readonly byChannel = new Map<string, Set<Subscriber>>();

  subscribe(channel: string, subscriber: Subscriber): void {
    const members = this.byChannel.get(channel) ?? new Set<Subscriber>();
    this.byChannel.set(channel, members);
    members.add(subscriber);
  }

  unsubscribe(channel: string, subscriber: Subscriber): void {
    const members = this.byChannel.get(channel);
    if (!members) return;
    members.delete(subscriber);
    if (members.size === 0) this.byChannel.delete(channel);
  }

  removeEverywhere(subscriber: Subscriber, channels: Iterable<string>): void {
    for (const channel of channels) this.unsubscribe(channel, subscriber);
  }

  /** Sends the event to every subscriber of `channel` but `exceptSocketId` (Pusher's `socket_id`). Returns how many got it. */
  publish(channel: string, name: string, data: string, exceptSocketId?: string): number {
    const members = this.byChannel.get(channel);
    if (!members) return 0;
    const frame = JSON.stringify({ event: name, channel, data });
    let sent = 0;
    for (const member of members) {
      if (member.socketId === exceptSocketId) continue;
      member.send(frame);
      sent += 1;
    }
    return sent;
  }

  subscriptionCount(channel: string): number {
    return this.byChannel.get(channel)?.size ?? 0;
  }

  /** Occupied channels, as `GET /apps/{id}/channels` lists them. */
  occupied(prefix = ""): string[] {
    return [...this.byChannel.keys()].filter((name) => name.startsWith(prefix)).sort();
  }
}
