// Where a seal's time comes from. A real RFC 3161 authority (a TSA answering over HTTP) plugs in
// behind this seam; the local stand-in is the machine's clock and says so by its name.

export interface TimestampAuthority {
  name: string;
  stamp(sha256Hex: string): Promise<{ time: string; token?: Uint8Array }>;
}

/** The machine's own clock: no token, and named so nobody takes it for a trusted authority. */
export const localClockAuthority: TimestampAuthority = {
  name: 'Local clock (no RFC 3161 timestamp authority)',
  async stamp() {
    return { time: new Date().toISOString() };
  },
};
