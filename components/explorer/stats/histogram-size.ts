// The chart's height, shared by the chart and the box kept for it before its code and figures
// arrive (the chart's own module loads late, so the box cannot import it): 1.5rem for the words a
// bar shows on hover, 4rem of bars, 0.25rem of gap and 1rem for the dates under them.
export const HISTOGRAM_HEIGHT = "h-[6.75rem]";
