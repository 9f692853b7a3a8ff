// The crisis numbers come from the server's configuration, so that a practice
// outside the US shows its own. They are fetched early, while the network is
// fine, so the crisis screen never waits on a request.
export interface CrisisNumbers {
  emergencyNumber: string;
  lineNumber: string;
  lineName: string;
}

const US_DEFAULTS: CrisisNumbers = { emergencyNumber: '911', lineNumber: '988', lineName: 'the Suicide & Crisis Lifeline' };

class CrisisConfig {
  numbers = $state.raw<CrisisNumbers>(US_DEFAULTS);
  private loading: Promise<void> | null = null;

  load(): Promise<void> {
    this.loading ??= fetch('/api/config')
      .then((res) => (res.ok ? res.json() : null))
      .then((body: { crisis?: CrisisNumbers } | null) => {
        if (body?.crisis) this.numbers = body.crisis;
      })
      .catch(() => undefined);
    return this.loading;
  }
}

export const crisis = new CrisisConfig();
