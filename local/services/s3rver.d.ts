// Minimal typings for the parts of s3rver 3.7 we use (the package ships none).
declare module 's3rver' {
  import type { Server } from 'node:http';
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }

  namespace S3rver {
    /** One S3 event notification (s3rver's own shape: the key is not URL-encoded). */
    interface S3rverEvent {
      Records: {
        eventName: string;
        s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer: string } };
      }[];
    }

    /** The Koa request context, as far as the local hooks read it. */
    interface S3rverContext {
      method: string;
      query: Record<string, string | string[] | undefined>;
    }
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    httpServer?: Server;
    /** Koa's middleware list, composed when run() starts the server. */
    middleware: ((ctx: S3rver.S3rverContext, next: () => Promise<void>) => Promise<void>)[];
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    /** Emitted after an object is stored (PUT, POST, copy, multipart completion) or deleted. */
    on(event: 'event', listener: (event: S3rver.S3rverEvent) => void): this;
  }
  export = S3rver;
}

declare module 's3rver/lib/models/account.js' {
  interface AWSAccount {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
  }
  const AccountModule: { DUMMY_ACCOUNT: AWSAccount };
  export = AccountModule;
}
