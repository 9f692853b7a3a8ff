// The reference: a bare Socket.IO relay with the transport settings of our
// hub (passed in BENCH_TRANSPORT, read from our running server). A room per
// meeting; a command is relayed to its room with a revision counter and acked.
// It does no validation, storage or projection: the practical limit of this
// transport on this machine. Do not tune it down.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { announce, serve } from './ipc.js';
import { serverMetrics } from './metrics.js';

const transport = JSON.parse(process.env.BENCH_TRANSPORT ?? 'null') as Record<string, unknown> | null;
if (!transport) throw new Error('BENCH_TRANSPORT is required: the transport settings of our server');

const http = createServer();
const io = new Server(http, transport);
const revisions = new Map<string, number>();

io.use((socket, next) => {
  const room = (socket.handshake.auth as { room?: unknown }).room;
  if (typeof room !== 'string' || room.length === 0) return next(new Error('room required'));
  socket.data.room = room;
  next();
});

io.on('connection', (socket) => {
  const room = socket.data.room as string;
  socket.join(room);
  // Like ours, a connection gets the current state first.
  socket.emit('meeting:state', { meetingId: room, revision: revisions.get(room) ?? 0 });
  socket.on('meeting:command', (command: unknown, ack: unknown) => {
    const revision = (revisions.get(room) ?? 0) + 1;
    revisions.set(room, revision);
    io.to(room).emit('meeting:state', { meetingId: room, revision, command });
    if (typeof ack === 'function') ack({ ok: true, revision });
  });
});

serve({ ...serverMetrics() });
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  announce('ready', { port: typeof address === 'object' && address ? address.port : 0 });
});
