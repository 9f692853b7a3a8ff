// The crisis numbers come from the server's configuration, so that a practice
// outside the US shows its own. They are fetched early, while the network is
// fine, so the crisis screen never waits on a request.
import { serverConfig, type CrisisNumbers } from './server-config.js';

const US_DEFAULTS: CrisisNumbers = { emergencyNumber: '911', lineNumber: '988', lineName: 'the Suicide & Crisis Lifeline' };

class CrisisConfig {
  numbers = $state.raw<CrisisNumbers>(US_DEFAULTS);

  load(): Promise<void> {
    return serverConfig().then((config) => {
      if (config?.crisis) this.numbers = config.crisis;
    });
  }
}

export const crisis = new CrisisConfig();
