// The live console's words beside the offer button (issue 11, section 2), from the console's
// catalog (issue 15). Getters, so each word is asked of the catalog when shown, in the page's language.
import { m } from '../../paraglide/messages.js';

export const OFFER_PLACE_WORDS = {
  get ready() { return m.live_offer_place_ready(); },
  get notReady() { return m.live_offer_place_not_ready(); },
  get unplanned() { return m.live_offer_place_unplanned(); },
  get unknown() { return m.live_offer_place_unknown(); },
  get overrideLabel() { return m.live_offer_place_override_label(); },
  get overrideButton() { return m.live_offer_place_override_button(); },
  get overrideOpen() { return m.live_offer_place_override_open(); },
  get cancel() { return m.live_cancel(); },
};
