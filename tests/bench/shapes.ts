// The data the orchestrator and the load generators exchange.

/** One meeting as a load generator drives it: one facilitator and M participants. */
export interface MeetingSpec {
  id: string;
  participantIds: string[];
  /** Link tokens of the participants, in the order of participantIds. */
  tokens: string[];
}

/** `ours` speaks protocol v2 (what our clients speak); `ours-v1` the whole views of v1; `bare` the relay. */
export type Target = 'ours' | 'ours-v1' | 'bare';

/** Whether a target is our server, whichever protocol it is spoken to in. */
export const isOurs = (target: Target): boolean => target !== 'bare';

export interface ConnectRequest {
  target: Target;
  url: string;
  /** The facilitator's session cookie (ours only). */
  cookie: string;
  meetings: MeetingSpec[];
}

export interface Schedule {
  warmupMs: number;
  measureMs: number;
  intervalMs: number;
  /** Each gap is intervalMs × (1 ± jitter). */
  jitter: number;
  seed: number;
}

export interface RoundCounts {
  sent: number;
  measured: number;
  acked: number;
  refused: Record<string, number>;
  /** No ack within the command timeout. */
  unanswered: number;
  /** Acked, but some participant had not received the revision when the round ended. */
  undelivered: number;
  /** Acked with a revision other than the one the sender's view predicted. */
  unexpectedRevision: number;
}

export interface RoundResult {
  /** HDR histograms (µs), compressed base64. */
  ack: string;
  allDelivered: string;
  counts: RoundCounts;
  loadgenEventLoopP99Ms: number;
  loadgenEventLoopMaxMs: number;
  loadgenCpuPercent: number;
  /** Bytes of message payload every socket of this generator received in the measured window. */
  bytesReceived: number;
}

export interface ResyncResult {
  sockets: number;
  resynced: number;
  /** Latest moment (epoch ms, sub-ms) at which a socket held the last acked revision again from the new server. */
  lastResyncAt: number;
  /** Latest moment a socket reconnected. */
  lastConnectAt: number;
}

export interface VerifyResult {
  acknowledged: number;
  /** Acked before the kill, but the resent command did not come back with the same revision. */
  lost: number;
  examples: string[];
}
