// The words of a case's planned objections, for the live console. The meeting's
// views carry only ids and who answers (the words are health data, sealed at
// rest and sent over the socket to the responder alone); the facilitator owns
// the case, so the console reads them from the case's plan
// (`GET /api/cases/:caseId/plan`, docs/protocol.md).

/** One objection as the plan lists it; only the fields the live console uses. */
interface PlanObjection {
  objectionId: string;
  objection: string;
}

/**
 * The plan's objection words by objection id. Resolves with an empty map when the plan cannot be
 * read (signed out, an older server, no network): the console then names each objection by its
 * place in the plan, and the meeting goes on. Never rejects.
 */
export async function planObjectionWords(caseId: string, fetcher: typeof fetch = fetch): Promise<Map<string, string>> {
  try {
    const res = await fetcher(`/api/cases/${encodeURIComponent(caseId)}/plan`, { credentials: 'same-origin' });
    if (!res.ok) return new Map();
    const body = (await res.json()) as { objections?: PlanObjection[] };
    const list = Array.isArray(body.objections) ? body.objections : [];
    return new Map(list.filter((o) => typeof o?.objectionId === 'string' && typeof o.objection === 'string').map((o) => [o.objectionId, o.objection]));
  } catch {
    return new Map();
  }
}
