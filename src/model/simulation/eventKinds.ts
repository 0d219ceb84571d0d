/**
 * The support model's event kinds on the calendar it shares with the network (numbered after
 * the network's own, NETWORK_KINDS), with what each event's data word is.
 */
import { DAY_MINUTES } from "../../time/units.js";
import { NETWORK_KINDS } from "../network/networkEvents.js";

/** A candidate need of the causal demand (data 0). */
export const K_NEED = NETWORK_KINDS;
/** A sale (data: the segment). */
export const K_SALE = K_NEED + 1;
/** A churn candidate (data 0). */
export const K_CHURN = K_NEED + 2;
/** The demand generator's next window (data 0). */
export const K_WINDOW = K_NEED + 3;
/** A need comes back: after not asking, at its channel's opening, as a repeat contact, as a redial (data: the need's slot). */
export const K_RETRY = K_NEED + 4;
export const K_OPENING = K_NEED + 5;
export const K_REPEAT = K_NEED + 6;
export const K_REDIAL = K_NEED + 7;
/** A pool's staffing changes (data: the pool). */
export const K_POOL = K_NEED + 8;
/** The daily refresh (data 0). */
export const K_DAY = K_NEED + 9;
/** A pool's workforce event (data: the pool). */
export const K_WORKFORCE = K_NEED + 10;
/** Forecast stream s's next contact is K_FORECAST0 + s (data 0). */
export const K_FORECAST0 = K_NEED + 11;
/** The demand generator's window and the daily refresh's period, minutes. */
export const WINDOW = DAY_MINUTES;
