/**
 * A CSV file streamed to the browser as a download, chunk by chunk as the service yields it (never
 * whole in memory); a cancelled download stops the service's generator. The contacts and campaign
 * recipient exports answer with it.
 */
export interface CsvExport {
  filename: string;
  /** Rows the file will hold, sent as X-Total-Count. */
  total: number;
  chunks: AsyncGenerator<string>;
}

export function csvDownload({ filename, total, chunks }: CsvExport): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      "x-total-count": String(total),
    },
  });
}
