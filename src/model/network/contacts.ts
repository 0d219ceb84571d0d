/**
 * Contacts in the system, kept column-wise in typed arrays (no object per contact).
 *
 * A contact id is a slot index; slots are recycled when a contact leaves, so memory
 * is bounded by the number of contacts in the system at once, not by the number of
 * arrivals over the horizon.
 */

export const enum ContactState {
  Free = 0,
  Waiting = 1,
  InService = 2,
  /** A need between contacts: waiting for a retry, a repeat, a redial or an opening (supportModel.ts). */
  Dormant = 3,
}

/** Facts about a need's journey, as bits of ContactStore.flags. */
export const enum NeedFlag {
  Counted = 1,          // arose after the warm-up: counted in the funnel
  SelfServiceFailed = 2,
  WaitedForOpening = 4,
  Moved = 8,            // its current contact was transferred or escalated
  Softened = 16,        // a defect need caused by a release whose known-issue notice the customer got
}

export class ContactStore {
  arrival: Float64Array;      // arrival time
  serviceStart: Float64Array; // time its service started
  handle: Float64Array;       // handle time drawn for it
  departAt: Float64Array;     // in service: when its service (this spell of it) ends
  departEvent: Float64Array;  // in service: calendar handle of that departure (kept only where deferred work is handed over at a shift's end)
  workRate: Float64Array;     // in service: effective minutes per drawn minute of handle time (factors, stretch) of this spell
  nextInHand: Int32Array;     // in service: the next contact in its agent's hand, or -1 (network.ts hands)
  resumed: Uint8Array;        // 1: waits to resume work handed back at a shift's end (answered already)
  part: Uint8Array;           // share-routing partition it entered its tier in (0 regular, 1 share pools)
  abandonEvent: Float64Array; // calendar handle of its pending abandonment, or -1
  overflowEvent: Float64Array; // calendar handle of its pending overflow (network.ts: overflow pools), or -1
  agent: Int32Array;          // agent serving it, or -1
  tier: Int32Array;           // tier it is at
  interval: Int32Array;       // interval of its arrival, or -1 if it is not counted
  state: Uint8Array;
  // network attributes (the contact network in network.ts)
  workType: Int32Array;       // what it needs done
  priorityClass: Int32Array;  // its priority class (0 = highest)
  pool: Int32Array;           // pool serving it
  joined: Float64Array;       // time it entered its current tier
  deferred: Uint8Array;       // 1: waits without abandoning (deferred channel, escalated ticket, accepted callback)
  callback: Uint8Array;       // 1: accepted a callback in its current tier's line
  // need attributes (the support-demand model in supportModel.ts: a slot follows one need
  // from when it arises to its last outcome, through retries and repeat contacts)
  customer: Int32Array;       // customer id, or -1 (a forecast contact)
  need: Int32Array;           // need type
  channel: Int32Array;        // channel of its current (or last) contact
  segment: Int32Array;        // customer segment
  attempts: Int32Array;       // requests made so far (contacts, incl. repeats and redials)
  flags: Int32Array;          // NeedFlag bits
  held: Float64Array;         // time its current contact has waited as a real-time contact (or at the entry tier), minutes: what the customer remembers of the channel
  effort: Float64Array;       // effort so far in rows of the experience ladder (retention.ts): transfers, repeats, long waits…
  funnelRow: Int32Array;      // its (segment, need type) row in the funnel counters, or -1 if it is not counted
  private free: Int32Array;
  private freeTop = 0;
  private used = 0;
  /** Contacts currently in the system. */
  inSystem = 0;

  constructor(capacity = 1024) {
    this.arrival = new Float64Array(capacity);
    this.serviceStart = new Float64Array(capacity);
    this.handle = new Float64Array(capacity);
    this.departAt = new Float64Array(capacity);
    this.departEvent = new Float64Array(capacity);
    this.workRate = new Float64Array(capacity);
    this.nextInHand = new Int32Array(capacity);
    this.resumed = new Uint8Array(capacity);
    this.part = new Uint8Array(capacity);
    this.abandonEvent = new Float64Array(capacity);
    this.overflowEvent = new Float64Array(capacity);
    this.agent = new Int32Array(capacity);
    this.tier = new Int32Array(capacity);
    this.interval = new Int32Array(capacity);
    this.state = new Uint8Array(capacity);
    this.workType = new Int32Array(capacity);
    this.priorityClass = new Int32Array(capacity);
    this.pool = new Int32Array(capacity);
    this.joined = new Float64Array(capacity);
    this.deferred = new Uint8Array(capacity);
    this.callback = new Uint8Array(capacity);
    this.customer = new Int32Array(capacity);
    this.need = new Int32Array(capacity);
    this.channel = new Int32Array(capacity);
    this.segment = new Int32Array(capacity);
    this.attempts = new Int32Array(capacity);
    this.flags = new Int32Array(capacity);
    this.held = new Float64Array(capacity);
    this.effort = new Float64Array(capacity);
    this.funnelRow = new Int32Array(capacity);
    this.free = new Int32Array(capacity);
  }

  get capacity(): number {
    return this.state.length;
  }

  /** A fresh contact id (fields to be set by the caller). */
  allocate(): number {
    this.inSystem++;
    if (this.freeTop > 0) return this.free[--this.freeTop];
    if (this.used === this.state.length) this.grow();
    return this.used++;
  }

  release(id: number): void {
    this.state[id] = ContactState.Free;
    this.free[this.freeTop++] = id;
    this.inSystem--;
  }

  private grow(): void {
    const n = this.state.length * 2;
    const f64 = (a: Float64Array) => { const b = new Float64Array(n); b.set(a); return b; };
    const i32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    this.arrival = f64(this.arrival);
    this.serviceStart = f64(this.serviceStart);
    this.handle = f64(this.handle);
    this.departAt = f64(this.departAt);
    this.departEvent = f64(this.departEvent);
    this.workRate = f64(this.workRate);
    this.nextInHand = i32(this.nextInHand);
    this.abandonEvent = f64(this.abandonEvent);
    this.overflowEvent = f64(this.overflowEvent);
    this.agent = i32(this.agent);
    this.tier = i32(this.tier);
    this.interval = i32(this.interval);
    this.free = i32(this.free);
    this.workType = i32(this.workType);
    this.priorityClass = i32(this.priorityClass);
    this.pool = i32(this.pool);
    this.joined = f64(this.joined);
    this.customer = i32(this.customer);
    this.need = i32(this.need);
    this.channel = i32(this.channel);
    this.segment = i32(this.segment);
    this.attempts = i32(this.attempts);
    this.flags = i32(this.flags);
    this.held = f64(this.held);
    this.effort = f64(this.effort);
    this.funnelRow = i32(this.funnelRow);
    const u8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    this.state = u8(this.state);
    this.deferred = u8(this.deferred);
    this.callback = u8(this.callback);
    this.resumed = u8(this.resumed);
    this.part = u8(this.part);
  }
}
