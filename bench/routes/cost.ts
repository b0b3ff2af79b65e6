// What Portico would cost on AWS, on paper: the DynamoDB requests, capacity, response sizes and
// handler durations measured per route, times AWS list prices, for 10,000 portal views; plus the
// fixed monthly cost with no traffic (idle) and a studio with 50,000 views a month (under load).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import type { RouteId } from '../../shared/routes.ts';
import type { CallFigures } from './measure.ts';

/**
 * AWS list prices in USD, us-east-1 (eu-west-1 is 0-12 % dearer for most of these), standard
 * classes, no Savings Plans, as published in 2025. DynamoDB on-demand is at the price in force
 * since the 1 November 2024 cut ($0.625 per million write and $0.125 per million read request
 * units; it was $1.25 and $0.25). Check https://aws.amazon.com/<service>/pricing/ before relying on them.
 * The always-free tiers are listed apart and only applied in the "with free tiers" column.
 */
export const PRICES = {
  apiGatewayHttpPerMillion: 1.0, // HTTP API, first 300 M requests a month, metered per 512 KB
  // API Gateway WebSocket APIs (https://aws.amazon.com/api-gateway/pricing/, us-east-1, first 1 billion
  // a month): messages sent and received, metered in 32 KB units, and connection minutes.
  apiGatewayWebSocketMessagesPerMillion: 1.0,
  apiGatewayWebSocketConnectionMinutesPerMillion: 0.25,
  lambdaRequestsPerMillion: 0.2,
  lambdaArmPerGbSecond: 0.0000133334, // arm64; INIT is billed too since 1 August 2025
  dynamoWriteRequestUnitsPerMillion: 0.625, // on-demand, standard table class
  dynamoReadRequestUnitsPerMillion: 0.125,
  dynamoStoragePerGbMonth: 0.25,
  dynamoPitrPerGbMonth: 0.2,
  s3GetPerThousand: 0.0004,
  s3PutPerThousand: 0.005,
  s3StandardPerGbMonth: 0.023,
  s3TransferOutPerGb: 0.09, // internet, first 10 TB; presigned image URLs point at the bucket, not CloudFront
  cloudFrontTransferOutPerGb: 0.085, // North America / Europe, first 10 TB
  cloudFrontHttpsPer10k: 0.01, // HTTPS requests, North America / Europe ($0.0075 is the HTTP price)
  cognitoEssentialsPerMau: 0.015, // the pools use the Essentials feature plan
  sesPerThousand: 0.1,
  route53HostedZoneMonth: 0.5,
  cloudWatchLogsIngestPerGb: 0.5,
} as const;

/** Always free, per account and month. */
export const FREE_TIERS = {
  lambdaRequests: 1_000_000,
  lambdaGbSeconds: 400_000,
  cloudFrontGb: 1024,
  cloudFrontRequests: 10_000_000,
  cognitoMau: 10_000,
  dynamoStorageGb: 25,
  /** Data transfer out to the internet, aggregated over services except CloudFront. */
  transferOutGb: 100,
  cloudWatchLogsGb: 5,
} as const;

const MEMORY_GB = 0.5; // portico:functionMemorySize default, arm64
const MB = 1024 * 1024;
const GB = 1024 * MB;

/**
 * One portal view: a client opens the portal home (their details and galleries), opens a
 * gallery of `galleryImages` images, scrolls through every thumbnail, opens 20 previews,
 * favourites 3 images, selects 3 and downloads one. Every fifth view starts with a magic-link
 * sign-in (a client comes back about five times in the month the gallery is open: one sign-in,
 * one monthly active user); the other views refresh their session once.
 */
export const PORTAL_VIEW = {
  viewsPerClientMonth: 5,
  api: {
    getClientMe: 2, // home page and gallery page
    listClientGalleries: 1,
    getClientGallery: 1,
    setFavourite: 3,
    setSelection: 3,
    downloadImage: 1,
    refreshSession: 0.8,
    requestMagicLink: 0.2,
    redeemMagicLink: 0.2,
  } satisfies Partial<Record<RouteId, number>>,
  mailsPerView: 0.2,
  previewsOpened: 20,
  downloads: 1,
  // Typical derivative sizes of a 24-megapixel photo at the pipeline's settings (640 px WebP q76,
  // 2048 px WebP q80, 2048 px JPEG q82): assumptions, not measured here.
  thumbBytes: 45 * 1024,
  previewBytes: 350 * 1024,
  webDownloadBytes: 520 * 1024,
  /** The portal's pages (home and gallery), with a cold browser cache: HTML, scripts and styles. */
  pages: ['portal/index.html', 'portal/galleries/detail/index.html'],
  /** CloudWatch Logs: an API access-log line plus Lambda's START/END/REPORT lines per call. */
  logBytesPerCall: 700,
  /** Share of invocations that are cold starts, and what their INIT costs (bench/lambdas.ts measures it). */
  coldStartShare: 0.05,
  initMs: 350,
} as const;

/** A typical studio at rest: 40 galleries of 300 images kept online. */
export const STUDIO_AT_REST = {
  images: 40 * 300,
  originalBytes: 12 * MB,
  /** Thumb and preview, WebP and JPEG each. */
  derivedBytes: 45 * 1024 + 60 * 1024 + 350 * 1024 + 520 * 1024,
  /** Image record, marks and comments in the table, per image. */
  tableBytesPerImage: 1500,
  hostedZone: true,
} as const;

export interface CostLine {
  service: string;
  quantity: string;
  usd: number;
  /** After the always-free tiers, for the monthly figure. */
  freeTierUsd?: number;
}

export interface SiteTraffic {
  requests: number;
  bytes: number;
}

/** The files a cold browser fetches for the portal pages, brotli-compressed as CloudFront serves them. */
export function portalPageTraffic(siteDir = fileURLToPath(new URL('../../site/dist/', import.meta.url))): SiteTraffic {
  const seen = new Set<string>();
  let bytes = 0;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const body = readFileSync(join(siteDir, file));
    bytes += brotliCompressSync(body).length;
    const text = body.toString('utf8');
    const refs = [
      ...text.matchAll(/(?:src|href)="\/(_astro\/[^"]+\.(?:js|css))"/g),
      ...text.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g),
    ];
    for (const m of refs) visit((m[1] as string).startsWith('_astro/') ? (m[1] as string) : `_astro/${m[1]}`);
  };
  for (const page of PORTAL_VIEW.pages) visit(page);
  return { requests: seen.size, bytes };
}

const money = (usd: number) => Math.round(usd * 100) / 100;
const mega = (n: number) => n / 1_000_000;
const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });

/** Cost of `views` portal views, line by line, from the measured figures per route. */
export function costOfViews(
  views: number,
  figures: Partial<Record<RouteId, CallFigures>>,
  galleryImages: number,
  site = portalPageTraffic(),
): CostLine[] {
  let apiCalls = 0;
  let apiIncrements = 0;
  let gbSeconds = 0;
  let rru = 0;
  let wru = 0;
  let apiBytes = 0;
  const missing: string[] = [];
  for (const [id, perView] of Object.entries(PORTAL_VIEW.api) as [RouteId, number][]) {
    const f = figures[id];
    if (!f) {
      missing.push(id);
      continue;
    }
    const calls = perView * views;
    apiCalls += calls;
    apiIncrements += calls * Math.max(1, Math.ceil(f.bytes / (512 * 1024)));
    // Lambda bills per millisecond, rounded up.
    gbSeconds += calls * (Math.ceil(f.idleMs) / 1000) * MEMORY_GB;
    rru += calls * f.rcu;
    wru += calls * f.wcu;
    apiBytes += calls * f.bytes;
  }
  if (missing.length) throw new Error(`The cost model needs measurements of ${missing.join(', ')}`);
  const initGbSeconds = apiCalls * PORTAL_VIEW.coldStartShare * (PORTAL_VIEW.initMs / 1000) * MEMORY_GB;

  const imageGets = views * (galleryImages + PORTAL_VIEW.previewsOpened + PORTAL_VIEW.downloads);
  const imageBytes =
    views *
    (galleryImages * PORTAL_VIEW.thumbBytes +
      PORTAL_VIEW.previewsOpened * PORTAL_VIEW.previewBytes +
      PORTAL_VIEW.downloads * PORTAL_VIEW.webDownloadBytes);
  const cloudFrontRequests = views * site.requests + apiCalls;
  const cloudFrontBytes = views * site.bytes + apiBytes;
  const mau = views / PORTAL_VIEW.viewsPerClientMonth;
  const mails = views * PORTAL_VIEW.mailsPerView;
  const logGb = (apiCalls * PORTAL_VIEW.logBytesPerCall) / GB;

  return [
    {
      service: 'API Gateway HTTP API',
      quantity: `${fmt(apiCalls)} requests (${fmt(apiCalls / views)} per view)`,
      usd: mega(apiIncrements) * PRICES.apiGatewayHttpPerMillion,
    },
    { service: 'Lambda requests', quantity: `${fmt(apiCalls)} invocations`, usd: mega(apiCalls) * PRICES.lambdaRequestsPerMillion },
    {
      service: 'Lambda duration (arm64, 512 MB)',
      quantity: `${fmt(gbSeconds)} GB-s measured + ${fmt(initGbSeconds)} GB-s INIT (${PORTAL_VIEW.coldStartShare * 100} % cold)`,
      usd: (gbSeconds + initGbSeconds) * PRICES.lambdaArmPerGbSecond,
    },
    { service: 'DynamoDB reads (on-demand)', quantity: `${fmt(rru)} RRU`, usd: mega(rru) * PRICES.dynamoReadRequestUnitsPerMillion },
    { service: 'DynamoDB writes (on-demand)', quantity: `${fmt(wru)} WRU`, usd: mega(wru) * PRICES.dynamoWriteRequestUnitsPerMillion },
    {
      service: 'S3 GET (thumbs, previews, download)',
      quantity: `${fmt(imageGets)} GETs`,
      usd: (imageGets / 1000) * PRICES.s3GetPerThousand,
    },
    {
      service: 'S3 transfer out (presigned images)',
      quantity: `${fmt(imageBytes / GB)} GB`,
      usd: (imageBytes / GB) * PRICES.s3TransferOutPerGb,
    },
    {
      service: 'CloudFront requests (pages, assets, /api)',
      quantity: `${fmt(cloudFrontRequests)} HTTPS requests`,
      usd: (cloudFrontRequests / 10_000) * PRICES.cloudFrontHttpsPer10k,
    },
    {
      service: 'CloudFront transfer out',
      quantity: `${fmt(cloudFrontBytes / GB)} GB`,
      usd: (cloudFrontBytes / GB) * PRICES.cloudFrontTransferOutPerGb,
    },
    { service: 'Cognito (Essentials)', quantity: `${fmt(mau)} MAU`, usd: mau * PRICES.cognitoEssentialsPerMau },
    { service: 'SES (sign-in links)', quantity: `${fmt(mails)} mails`, usd: (mails / 1000) * PRICES.sesPerThousand },
    { service: 'CloudWatch Logs ingestion', quantity: `${fmt(logGb * 1024)} MB`, usd: logGb * PRICES.cloudWatchLogsIngestPerGb },
  ];
}

/** The fixed monthly cost with no traffic at all: storage, and the hosted zone. */
export function idleMonthly(): CostLine[] {
  const s = STUDIO_AT_REST;
  const tableGb = (s.images * s.tableBytesPerImage) / GB;
  const originalsGb = (s.images * s.originalBytes) / GB;
  const derivedGb = (s.images * s.derivedBytes) / GB;
  return [
    { service: 'Route 53 hosted zone', quantity: '1 zone', usd: s.hostedZone ? PRICES.route53HostedZoneMonth : 0 },
    {
      service: 'S3 storage, originals',
      quantity: `${fmt(originalsGb)} GB (${fmt(s.images)} images)`,
      usd: originalsGb * PRICES.s3StandardPerGbMonth,
    },
    { service: 'S3 storage, derivatives', quantity: `${fmt(derivedGb)} GB`, usd: derivedGb * PRICES.s3StandardPerGbMonth },
    {
      service: 'DynamoDB storage + PITR',
      quantity: `${fmt(tableGb * 1024)} MB`,
      usd: tableGb * (PRICES.dynamoStoragePerGbMonth + PRICES.dynamoPitrPerGbMonth),
      freeTierUsd:
        Math.max(0, tableGb - FREE_TIERS.dynamoStorageGb) * PRICES.dynamoStoragePerGbMonth + tableGb * PRICES.dynamoPitrPerGbMonth,
    },
    {
      service: 'API Gateway, Lambda, DynamoDB on-demand, CloudFront, Cognito, SES',
      quantity: 'no traffic',
      usd: 0,
    },
  ];
}

/** The monthly bill after the always-free tiers, for `views` portal views a month. */
export function withFreeTiers(views: number, lines: CostLine[]): number {
  const free: Record<string, (usd: number) => number> = {
    'Lambda requests': (usd) => Math.max(0, usd - mega(FREE_TIERS.lambdaRequests) * PRICES.lambdaRequestsPerMillion),
    'Lambda duration (arm64, 512 MB)': (usd) => Math.max(0, usd - FREE_TIERS.lambdaGbSeconds * PRICES.lambdaArmPerGbSecond),
    'Cognito (Essentials)': () =>
      Math.max(0, views / PORTAL_VIEW.viewsPerClientMonth - FREE_TIERS.cognitoMau) * PRICES.cognitoEssentialsPerMau,
    'CloudFront requests (pages, assets, /api)': (usd) =>
      Math.max(0, usd - (FREE_TIERS.cloudFrontRequests / 10_000) * PRICES.cloudFrontHttpsPer10k),
    'CloudFront transfer out': (usd) => Math.max(0, usd - FREE_TIERS.cloudFrontGb * PRICES.cloudFrontTransferOutPerGb),
    'S3 transfer out (presigned images)': (usd) => Math.max(0, usd - FREE_TIERS.transferOutGb * PRICES.s3TransferOutPerGb),
    'CloudWatch Logs ingestion': (usd) => Math.max(0, usd - FREE_TIERS.cloudWatchLogsGb * PRICES.cloudWatchLogsIngestPerGb),
  };
  return lines.reduce((sum, line) => sum + (line.freeTierUsd ?? free[line.service]?.(line.usd) ?? line.usd), 0);
}

export const total = (lines: readonly CostLine[]) => lines.reduce((a, l) => a + l.usd, 0);
export { money };

/**
 * One live message (issue 12): a message posted in a thread reaches the open pages of the people on
 * it. Assumptions, not measurements: a project thread of 4 people (2 team members, 2 client contacts),
 * 5 sockets open on it (one has two tabs), every event under 32 KB (one metered message each). A page
 * stays open about an hour (one $connect and one $disconnect an hour) and pings every 4 minutes
 * (PING_MS); a team of 5 with the dashboard open 8 hours a day over 200 messages a day makes
 * 5 × 480 / 200 = 12 connection minutes per message. The sending route's own cost is the messaging
 * route's; here only what live adds to it: one GSI1 query per recipient and the PostToConnection calls.
 */
export const LIVE_MESSAGE = {
  recipients: 4,
  openSocketsPerMessage: 5,
  connectionMinutesPerMessage: 12,
  pingEveryMinutes: 4,
  connectionMinutes: 60,
  /** The notes of a message: its notify job's Lambda (deliverNotes) time, and write units per recipient's transaction. */
  deliverNotesMs: 120,
  noteWriteUnitsPerRecipient: 8,
  /** Handler time of $connect (token check, two reads, one write), $disconnect and $default, in ms (local runs are about this). */
  connectMs: 40,
  disconnectMs: 10,
  pingMs: 10,
} as const;

/** What 10,000 live messages add in AWS, line by line, at `publishMs` of the sender's Lambda per message. */
export function liveCostPer10k(publishMs = 15): { lines: CostLine[]; total: number } {
  const n = 10_000;
  const m = LIVE_MESSAGE;
  const minutes = n * m.connectionMinutesPerMessage;
  const pings = minutes / m.pingEveryMinutes;
  const connections = minutes / m.connectionMinutes;
  const gbSeconds = (ms: number) => (ms / 1000) * MEMORY_GB;
  const lambdaSeconds =
    n * gbSeconds(publishMs) +
    n * gbSeconds(m.deliverNotesMs) +
    pings * gbSeconds(m.pingMs) +
    connections * gbSeconds(m.connectMs + m.disconnectMs);
  const invocations = n + pings + 2 * connections; // deliverNotes once per message
  // The thread event to every open socket, then each recipient's new unread count; pings in and pongs out.
  const wsMessages = n * (m.openSocketsPerMessage + m.recipients) + 2 * pings;
  // Two fan-outs a message (the thread event, the unread counts), one query of the studio's sockets
  // each, plus the recipients' note state in one BatchGet; $connect's user and studio.
  const reads = n * 2 * 0.5 + n * m.recipients * 2 * 0.5 + connections * 2 * 0.5;
  const writes = n * m.recipients * m.noteWriteUnitsPerRecipient + connections * 2; // the notes; $connect's PutItem, $disconnect's DeleteItem
  const s3Requests = { puts: n, gets: n, deletes: n }; // the notify job: stored, read, removed (DELETE is free)
  const lines: CostLine[] = [
    {
      service: 'API Gateway WebSocket messages',
      quantity: `${wsMessages.toLocaleString('en-US')} (events + pings + pongs)`,
      usd: (wsMessages / 1e6) * PRICES.apiGatewayWebSocketMessagesPerMillion,
    },
    {
      service: 'API Gateway WebSocket connection minutes',
      quantity: minutes.toLocaleString('en-US'),
      usd: (minutes / 1e6) * PRICES.apiGatewayWebSocketConnectionMinutesPerMillion,
    },
    {
      service: 'Lambda (publish time, deliverNotes, $connect/$disconnect, pings)',
      quantity: `${Math.round(invocations).toLocaleString('en-US')} invocations, ${lambdaSeconds.toFixed(1)} GB-s`,
      usd: (invocations / 1e6) * PRICES.lambdaRequestsPerMillion + lambdaSeconds * PRICES.lambdaArmPerGbSecond,
    },
    {
      service: 'DynamoDB (fan-out queries, notes, connection records)',
      quantity: `${reads.toLocaleString('en-US')} RRU, ${writes.toLocaleString('en-US')} WRU`,
      usd: (reads / 1e6) * PRICES.dynamoReadRequestUnitsPerMillion + (writes / 1e6) * PRICES.dynamoWriteRequestUnitsPerMillion,
    },
    {
      // S3's events to EventBridge's default bus are AWS service events: free.
      service: 'S3 (notify jobs: PUT + GET)',
      quantity: `${(s3Requests.puts + s3Requests.gets).toLocaleString('en-US')} requests`,
      usd: (s3Requests.puts / 1000) * PRICES.s3PutPerThousand + (s3Requests.gets / 1000) * PRICES.s3GetPerThousand,
    },
  ];
  return { lines, total: total(lines) };
}
