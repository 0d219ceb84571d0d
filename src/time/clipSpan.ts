/** Length of [a, b) within the measured window [from, to) (0 if they do not meet): what a level held over [a, b) is booked for. */
export function clipSpan(a: number, b: number, from: number, to: number): number {
  return Math.max(0, Math.min(b, to) - Math.max(a, from));
}
