/** Said when the access log could not store this visit: the page works, the record went to the server log. */
export function AccessLogDownNotice() {
  return (
    <p
      role="status"
      className="border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-center text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      The access log&apos;s database is not answering: this visit was not recorded there. The server log has it.
    </p>
  );
}
