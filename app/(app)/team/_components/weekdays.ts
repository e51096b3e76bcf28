// ISO weekdays as the profile stores them (1 = Monday), with the names the page shows.
export const weekdays = [
  { value: 1, short: "Mon", name: "Monday" },
  { value: 2, short: "Tue", name: "Tuesday" },
  { value: 3, short: "Wed", name: "Wednesday" },
  { value: 4, short: "Thu", name: "Thursday" },
  { value: 5, short: "Fri", name: "Friday" },
  { value: 6, short: "Sat", name: "Saturday" },
  { value: 7, short: "Sun", name: "Sunday" },
] as const;

/** "Mon–Fri" style summary: the short names of the days, in order. */
export const workingDaysLabel = (days: number[]) => (days.length === 0 ? "No working days" : weekdays.filter((day) => days.includes(day.value)).map((day) => day.short).join(", "));
