/**
 * Alea, Johannes Baagøe's multiply-with-carry generator (2010; passes BigCrush), exactly as
 * seedrandom 3.0.5 implements it (lib/alea.js) and read as its `double()` reads it: the same
 * numbers from the same seed, draw for draw (tests/unit/engine/alea.test.ts compares them).
 *
 * State: three fractions s0, s1, s2 in [0, 1) and a carry c (an integer below 2^21). One step:
 *
 *   t = 2091639 · s0 + c · 2^−32;   s0 ← s1;   s1 ← s2;   c ← ⌊t⌋ (t | 0);   s2 ← t − c
 *
 * returns s2 (32 random bits). A draw with 53-bit resolution is two steps, u then v:
 *
 *   u + ⌊v · 2^21⌋ · 2^−53     (`(v * 0x200000 | 0) * 1.1102230246251565e-16`)
 *
 * Seeding (Baagøe's Mash, a hash of the seed string): c = 1, s_i = mash(" ") − mash(seed)
 * (+ 1 if negative), the mash's state carried from one call to the next in the order s0, s1,
 * s2. Every operation is the one seedrandom performs, in the same order, on doubles, so the
 * results are identical; the difference is where the state lives: four numbers in one
 * Float64Array behind a single function (seedrandom keeps them as properties of an object and
 * reads them through two closures per draw), so a draw allocates nothing and inlines.
 */

/** Baagøe's Mash: a hash of strings to [0, 1), its state carried between calls. */
function mash(): (data: string) => number {
  let n = 0xefc8249d;
  return (data: string) => {
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  };
}

/** A uniform stream on [0, 1) with 53-bit resolution: seedrandom's `alea(seed).double`, number for number. */
export function aleaDouble(seed: string): () => number {
  const m = mash();
  // s[0..2] = s0, s1, s2; s[3] = the carry c
  const s = new Float64Array(4);
  s[3] = 1;
  s[0] = m(" ");
  s[1] = m(" ");
  s[2] = m(" ");
  s[0] -= m(seed);
  if (s[0] < 0) s[0] += 1;
  s[1] -= m(seed);
  if (s[1] < 0) s[1] += 1;
  s[2] -= m(seed);
  if (s[2] < 0) s[2] += 1;
  return () => {
    // two steps: u from (s0, c), then v from (s1, the new carry)
    const t1 = 2091639 * s[0] + s[3] * 2.3283064365386963e-10;
    const c1 = t1 | 0;
    const u = t1 - c1;
    const t2 = 2091639 * s[1] + c1 * 2.3283064365386963e-10;
    const c2 = t2 | 0;
    const v = t2 - c2;
    s[0] = s[2];
    s[1] = u;
    s[2] = v;
    s[3] = c2;
    return u + ((v * 0x200000) | 0) * 1.1102230246251565e-16;
  };
}
