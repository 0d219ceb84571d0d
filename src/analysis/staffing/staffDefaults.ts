/** The staffing search's defaults (a module of its own: the command line shows them in its help without loading the search). */
import { FTE_HOURS_PER_WEEK } from "../../kpi/fteHours.js";

/** Defaults of the options the staffing search takes (staffOptions.ts). */
export const STAFF_DEFAULTS = { response: 0.9, maxRuns: 150, fteHours: FTE_HOURS_PER_WEEK } as const;
