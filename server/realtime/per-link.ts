// What one link (or person, or session) may hold, whatever the number of
// sockets opened on it (issue 12, case 1): one message budget, and a few live
// connections, the oldest stepping aside for a newer one.
import type { Server } from 'socket.io';
import { EVENTS, type Role } from '../../shared/protocol.js';
import type { Logger } from '../logger.js';
import type { Admission } from './handshake.js';

/**
 * Live connections one link holds. A personal link (a participant's or a guest's): a tablet, a
 * phone, and a page reloaded before its old socket timed out. The room display's: a TV or two, a
 * laptop on a projector, with room for reloads.
 */
export const LINK_CONNECTIONS = { personal: 3, display: 5 } as const;

/**
 * Whose message budget a connection spends: a participant's (every device of theirs), the display
 * link's, or the facilitator's session's (all their consoles).
 */
export function budgetKey({ conn, linkId, sessionHash }: Admission): string {
  if (conn.role === 'participant') return `participant:${conn.participantId}`;
  if (sessionHash) return `session:${sessionHash}`;
  return `link:${linkId}`;
}

/**
 * Hold link `linkId` (its sockets are in the room `link:<id>`) to its number of live connections:
 * past it, the oldest are told why (`connection:replaced {reason: "opened-elsewhere"}`, which the
 * client shows calmly and does not answer by reconnecting, or two screens would take turns pushing
 * each other out) and closed. Call it once a new connection has joined the link's room.
 */
export function keepNewest(io: Server, linkId: string, role: Role, log: Logger): void {
  const cap = role === 'display' ? LINK_CONNECTIONS.display : LINK_CONNECTIONS.personal;
  const held = io.sockets.adapter.rooms.get(`link:${linkId}`);
  if (!held || held.size <= cap) return;
  // A room's sockets are in the order they joined: the oldest first.
  for (const id of [...held].slice(0, held.size - cap)) {
    const oldest = io.sockets.sockets.get(id);
    oldest?.emit(EVENTS.connectionReplaced, { reason: 'opened-elsewhere' });
    oldest?.disconnect(true);
  }
  log.info({ cap }, 'a link was opened past its connections; the oldest closed');
}
