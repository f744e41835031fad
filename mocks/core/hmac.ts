/**
 * HMAC-SHA-256 (RFC 2104 over FIPS 180-4), synchronous and in plain JavaScript, so it runs in Node and in a
 * browser under MSW alike. Why not Web Crypto: `crypto.subtle` is asynchronous, and in Node each call is a job
 * on the libuv thread pool; importing the key and verifying a JWT that way took ~100–190 µs a request, mostly
 * waiting, where this takes a few µs (docs/decisions/synchronous-response-path.md). Unit-tested against
 * node:crypto (`primitives.test.ts`).
 *
 * A key's padded inner and outer blocks are hashed once and kept (per key object, weakly), so each MAC costs
 * the message's blocks plus one: the "import the key once" that Web Crypto would do with a `CryptoKey`.
 *
 * @example
 * const mac = hmacSha256(key, new TextEncoder().encode('header.payload')) // 32 bytes
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
const BLOCK = 64

/** The message schedule, reused by every block (this module is never re-entered). */
const W = new Int32Array(64)

/** Mixes one 64-byte block of `bytes` at `offset` into the state `H`. */
function compress(H: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const i = offset + t * 4
    W[t] = (bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!
    const w2 = W[t - 2]!
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3)
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10)
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0
  }
  let a = H[0]!
  let b = H[1]!
  let c = H[2]!
  let d = H[3]!
  let e = H[4]!
  let f = H[5]!
  let g = H[6]!
  let h = H[7]!
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  H[0] = (H[0]! + a) | 0
  H[1] = (H[1]! + b) | 0
  H[2] = (H[2]! + c) | 0
  H[3] = (H[3]! + d) | 0
  H[4] = (H[4]! + e) | 0
  H[5] = (H[5]! + f) | 0
  H[6] = (H[6]! + g) | 0
  H[7] = (H[7]! + h) | 0
}

/**
 * The SHA-256 digest of `message`, continuing from `state` after `before` bytes already hashed (a multiple of
 * 64): the initial state and 0 for a plain digest.
 */
function finish(state: Int32Array, before: number, message: Uint8Array): Uint8Array {
  const H = state.slice()
  const whole = message.length - (message.length % BLOCK)
  for (let offset = 0; offset < whole; offset += BLOCK) compress(H, message, offset)
  // The tail, 0x80, zeros and the length in bits (big-endian, 64 bits): one block, or two when the tail is long.
  const rest = message.length - whole
  const tail = new Uint8Array(rest < 56 ? BLOCK : 2 * BLOCK)
  tail.set(message.subarray(whole))
  tail[rest] = 0x80
  const bytes = before + message.length
  const end = tail.length
  const high = Math.floor(bytes / 0x20000000)
  const low = (bytes << 3) >>> 0
  tail[end - 8] = high >>> 24
  tail[end - 7] = high >>> 16
  tail[end - 6] = high >>> 8
  tail[end - 5] = high
  tail[end - 4] = low >>> 24
  tail[end - 3] = low >>> 16
  tail[end - 2] = low >>> 8
  tail[end - 1] = low
  for (let offset = 0; offset < end; offset += BLOCK) compress(H, tail, offset)
  const out = new Uint8Array(32)
  for (let i = 0; i < 8; i++) {
    const word = H[i]!
    out[i * 4] = word >>> 24
    out[i * 4 + 1] = word >>> 16
    out[i * 4 + 2] = word >>> 8
    out[i * 4 + 3] = word
  }
  return out
}

/** The SHA-256 digest of `message`. */
export function sha256(message: Uint8Array): Uint8Array {
  return finish(INITIAL, 0, message)
}

interface Pads {
  inner: Int32Array
  outer: Int32Array
}

const padsOf = new WeakMap<Uint8Array, Pads>()

/** The states after hashing the key XOR ipad and XOR opad blocks, computed once per key object. */
function pads(key: Uint8Array): Pads {
  let found = padsOf.get(key)
  if (found) return found
  const block = new Uint8Array(BLOCK)
  block.set(key.length > BLOCK ? sha256(key) : key)
  const state = (xor: number) => {
    const H = INITIAL.slice()
    compress(
      H,
      block.map((byte) => byte ^ xor),
      0,
    )
    return H
  }
  found = { inner: state(0x36), outer: state(0x5c) }
  // A copy of the bytes is hashed, so the cache is right unless the caller edits its key afterwards: keys are
  // made once per host (or per instance for a defect) and never edited.
  padsOf.set(key, found)
  return found
}

/** HMAC-SHA-256 of `message` under `key` (RFC 2104; a key longer than 64 bytes is hashed first). */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const { inner, outer } = pads(key)
  return finish(outer, BLOCK, finish(inner, BLOCK, message))
}
