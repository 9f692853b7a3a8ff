// The live console's words beside the offer button (issue 11, section 2).

export const OFFER_PLACE_WORDS = {
  ready: 'Treatment place confirmed',
  notReady: 'The treatment place is not ready:',
  unplanned: 'No treatment place is planned in this case’s Logistics tab: the offer is not held for one.',
  unknown: 'The treatment place could not be checked just now.',
  overrideLabel: 'Why make the offer now (kept in the meeting’s record)',
  overrideButton: 'Make the offer anyway',
  overrideOpen: 'Make the offer anyway…',
  cancel: 'Cancel',
} as const;
