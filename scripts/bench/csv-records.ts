// Counts the records of a CSV stream as it passes (newlines outside quotes), without keeping it:
// a quoted field may hold newlines, so counting lines would overcount.

export function csvRecordCounter() {
  let inQuotes = false;
  let records = 0;
  return {
    push(chunk: string) {
      for (let i = 0; i < chunk.length; i += 1) {
        const c = chunk.charCodeAt(i);
        if (c === 34) inQuotes = !inQuotes;
        else if (c === 10 && !inQuotes) records += 1;
      }
    },
    count: () => records,
  };
}
