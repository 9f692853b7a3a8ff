// Whether a calendar label names someone of the case (a newcomer's second
// trial: "Miguel Alvarez - declined rehab" went out in the .ics feed). The
// feed leaves Threshold for whatever calendar syncs it, so a label holding
// the loved one's or a participant's first or last name is refused. Pure: the
// server reads the (sealed) names and asks this.

/** Little words inside names ("María de la Cruz", "Ludwig van Beethoven") that are no one's name on their own. */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'le', 'da', 'das', 'do', 'dos', 'di', 'du', 'van', 'von', 'der', 'den', 'ten', 'ter', 'y', 'e', 'bin', 'bint', 'al', 'el', 'st']);

/** Lower case, accents off (NFD, marks dropped): "Álvarez" and "ALVAREZ" are both "alvarez". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The whole words of `text`, folded: runs of letters and digits (a hyphen or apostrophe splits "Álvarez-Soto"). */
function words(text: string): string[] {
  return folded(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * True when `label` holds, as a whole word and whatever its case or accents, any part of one of
 * `names` (full names as typed: "Miguel Álvarez"): a first, middle or last name of two letters or
 * more, the particles above left out. "Miguelito" does not hold "Miguel"; "alvarez family" does
 * hold "Álvarez".
 */
export function labelHoldsAName(label: string, names: readonly string[]): boolean {
  const parts = new Set(names.flatMap(words).filter((w) => w.length >= 2 && !PARTICLES.has(w)));
  return words(label).some((w) => parts.has(w));
}
