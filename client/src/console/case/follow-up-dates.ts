// The follow-up forms' dates: a day and a time in this browser's zone to and
// from epoch ms. Pure, so a unit test pins them.

const pad = (n: number) => String(n).padStart(2, '0');

/** The local day of `at` as an `<input type="date">` value (YYYY-MM-DD). */
export function dayInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local time of `at` as an `<input type="time">` value (HH:MM). */
export function timeInput(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Epoch ms of a local day and time from the form; null when either is empty or invalid. */
export function fromInputs(day: string, time: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = new Date(`${day}T${time}`).getTime();
  return Number.isNaN(at) ? null : at;
}
