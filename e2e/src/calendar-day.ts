/** A calendar day `days` from today in the machine's time zone, as a date input takes it (YYYY-MM-DD). */
export function calendarDay(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
