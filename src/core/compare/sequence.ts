/**
 * The two sequence algorithms the comparison is built on, over integer keys so that every
 * comparison of two items is one `===`:
 *
 * - `commonSubsequence`: a longest common subsequence (Myers' O(ND) greedy diff, common prefix
 *   and suffix trimmed first). Used for the words inside a block and for runs of identical blocks.
 * - `heaviestChain`: the heaviest strictly increasing subsequence of a list of points (Fenwick
 *   tree, O(n log n)). Used to pick the pairs of blocks that kept their order: the rest moved.
 */

/**
 * Index pairs [i, j] with a[i] === b[j], increasing in both, as many as possible. When more than
 * `maxEdits` insertions and deletions separate the two middles (after trimming), the middle is
 * given up (no pairs there) rather than spend quadratic time: callers treat it as replaced.
 */
export function commonSubsequence(a: ArrayLike<number>, b: ArrayLike<number>, maxEdits = 2000): [number, number][] {
  const n = a.length;
  const m = b.length;
  let start = 0;
  while (start < n && start < m && a[start] === b[start]) start++;
  let endA = n;
  let endB = m;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: [number, number][] = [];
  for (let i = 0; i < start; i++) out.push([i, i]);
  const middle = myers(a, b, start, endA, start, endB, maxEdits);
  for (let k = middle.length - 1; k >= 0; k--) out.push(middle[k]!);
  for (let i = endA, j = endB; i < n; i++, j++) out.push([i, j]);
  return out;
}

/** Myers' greedy forward search; returns the matched pairs of the middle in reverse order. */
function myers(a: ArrayLike<number>, b: ArrayLike<number>, a0: number, a1: number, b0: number, b1: number, maxEdits: number): [number, number][] {
  const N = a1 - a0;
  const M = b1 - b0;
  if (N === 0 || M === 0) return [];
  const max = Math.min(N + M, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[-d-1 .. d+1] as it was before step d (what backtracking from step d needs).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < N && y < M && a[a0 + x] === b[b0 + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= N && y >= M) return backtrack(trace, d, N, M, a0, b0);
    }
  }
  return [];
}

function backtrack(trace: Int32Array[], D: number, N: number, M: number, a0: number, b0: number): [number, number][] {
  const out: [number, number][] = [];
  let x = N;
  let y = M;
  for (let d = D; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const snakeStart = down ? prevX : prevX + 1;
    while (x > snakeStart) {
      x--;
      y--;
      out.push([a0 + x, b0 + y]);
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    out.push([a0 + x, b0 + y]);
  }
  return out;
}

/**
 * Of `points` (each [x, y, weight], x strictly increasing along the array, y distinct integers
 * in 0..yLimit-1), the indices of a chain increasing in y whose total weight is greatest.
 */
export function heaviestChain(points: readonly (readonly [number, number, number])[], yLimit: number): number[] {
  const size = yLimit + 1;
  const best = new Float64Array(size + 1);
  const owner = new Int32Array(size + 1).fill(-1);
  const prev = new Int32Array(points.length).fill(-1);
  const score = new Float64Array(points.length);
  points.forEach(([, y, w], i) => {
    // best chain ending below y: prefix maximum over positions 1..y
    let top = 0;
    let topOwner = -1;
    for (let p = y; p > 0; p -= p & -p) {
      if (best[p]! > top) {
        top = best[p]!;
        topOwner = owner[p]!;
      }
    }
    score[i] = top + w;
    prev[i] = topOwner;
    for (let p = y + 1; p <= size; p += p & -p) {
      if (score[i] > best[p]!) {
        best[p] = score[i]!;
        owner[p] = i;
      }
    }
  });
  let end = -1;
  for (let i = 0; i < points.length; i++) if (end < 0 || score[i]! > score[end]!) end = i;
  const chain: number[] = [];
  for (let i = end; i >= 0; i = prev[i]!) chain.push(i);
  return chain.reverse();
}
