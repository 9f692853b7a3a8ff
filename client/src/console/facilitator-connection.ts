// The console's connection to a meeting. The server counts the facilitator's
// commands and activity reports as activity, so the console's idle watch
// hears of them too.
import type { FacilitatorView } from '../../../shared/meeting/view.js';
import type { Ack, CommandType } from '../../../shared/protocol.js';
import { MeetingConnection } from '../lib/connection.svelte.js';
import { session } from './session.svelte.js';

export class FacilitatorConnection extends MeetingConnection<FacilitatorView> {
  override async send(type: CommandType, payload: Record<string, unknown> = {}): Promise<Ack | null> {
    const sentAt = Date.now();
    const ack = await super.send(type, payload);
    if (ack) session.commandSent(sentAt);
    return ack;
  }

  /** Reports activity over the meeting's connection; false when it is not connected, so another way is needed. */
  tryReportActivity(): boolean {
    if (!this.connected) return false;
    this.reportActivity();
    return true;
  }
}
