/**
 * Event kinds of the contact network, as offsets from its `kindBase` on a shared calendar
 * (data: the contact id, or the agent index for REST_END); the layer above numbers its own
 * kinds from NETWORK_KINDS on.
 */
export const NETWORK_KINDS = 5;
export const DEPARTURE = 0, ABANDON = 1, REST_END = 2, OVERFLOW = 3, HOLD_LIMIT = 4;
