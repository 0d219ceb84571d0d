/** Paid hours a week of one full-time employee, for `cost.paidFte` (the `staff` command's default too). */
export const FTE_HOURS_PER_WEEK = 40;
