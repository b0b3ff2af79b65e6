// One file sent to the bucket with an upload ticket (deliverable versions, shared files): a single
// presigned PUT, or the ticket's multipart parts a few at a time, each retried with backoff, with
// progress. What the API's completion route needs back: the multipart upload's id and part ETags.
// (The gallery uploader, uploader.ts, runs many files at once with its own queue.)

export interface Ticket {
  put: { url: string; headers: Record<string, string> } | null;
  multipart: { uploadId: string; partSize: number; parts: { partNumber: number; url: string }[] } | null;
}

export interface Sent {
  uploadId?: string;
  parts?: Array<{ partNumber: number; etag: string }>;
}

const PARTS_AT_ONCE = 4;
const RETRIES = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function putBlob(url: string, headers: Record<string, string>, body: Blob, progress: (loaded: number) => void, signal?: AbortSignal) {
  return new Promise<string | null>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => progress(e.loaded);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300
        ? resolve(xhr.getResponseHeader('ETag'))
        : reject(new Error(`The upload was refused (${xhr.status}).`));
    xhr.onerror = () => reject(new Error('The connection dropped during the upload.'));
    xhr.onabort = () => reject(new DOMException('Cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

async function withRetries<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (e) {
      if (signal?.aborted || attempt >= RETRIES) throw e;
      await sleep(300 * 2 ** attempt + Math.random() * 200);
    }
  }
}

/** Sends `file` as the ticket says; `progress` gets the bytes sent so far. */
export async function sendWithTicket(file: Blob, ticket: Ticket, progress: (sent: number) => void, signal?: AbortSignal): Promise<Sent> {
  if (ticket.put) {
    const { url, headers } = ticket.put;
    await withRetries(() => putBlob(url, headers, file, progress, signal), signal);
    progress(file.size);
    return {};
  }
  const mp = ticket.multipart;
  if (!mp) throw new Error('The server gave no upload address for this file.');
  const loaded = new Array<number>(mp.parts.length).fill(0);
  const etags: Array<{ partNumber: number; etag: string }> = [];
  let next = 0;
  const worker = async () => {
    while (next < mp.parts.length) {
      const part = mp.parts[next++] as { partNumber: number; url: string };
      const start = (part.partNumber - 1) * mp.partSize;
      const blob = file.slice(start, Math.min(file.size, start + mp.partSize));
      const etag = await withRetries(
        () =>
          putBlob(part.url, {}, blob, (n) => {
            loaded[part.partNumber - 1] = n;
            progress(loaded.reduce((a, b) => a + b, 0));
          }),
        signal,
      );
      if (!etag) throw new Error('The storage did not tell us the part’s ETag (the bucket’s CORS rules must expose it).');
      etags.push({ partNumber: part.partNumber, etag });
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARTS_AT_ONCE, mp.parts.length) }, worker));
  return { uploadId: mp.uploadId, parts: etags.sort((a, b) => a.partNumber - b.partNumber) };
}
