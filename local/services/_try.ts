import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { startLocalServices } from './index.ts';
import { S3Client, PutObjectCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s = await startLocalServices();
Object.assign(process.env, s.env);
const s3 = new S3Client({ forcePathStyle: true });
const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'portico-data', Key: 'up/x.jpg', ContentType: 'image/jpeg' }), { expiresIn: 300 });
const getUrl = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'portico-data', Key: 'up/x.jpg', ResponseContentDisposition: 'attachment; filename="x.jpg"' }), { expiresIn: 300 });
const page = createServer((req, res) => { res.end('<html><body>hi</body></html>'); });
await new Promise<void>(r => page.listen(0, '127.0.0.1', () => r()));
const port = (page.address() as any).port;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const origin of [`http://localhost:${port}`, `http://acme.localhost:${port}`]) {
  const p = await browser.newPage();
  await p.goto(origin + '/');
  const result = await p.evaluate(async ({ putUrl, getUrl }) => {
    const put = await fetch(putUrl, { method: 'PUT', headers: { 'Content-Type': 'image/jpeg' }, body: new Uint8Array([1, 2, 3, 4]) });
    const get = await fetch(getUrl);
    return { put: put.status, etag: put.headers.get('etag'), get: get.status, bytes: [...new Uint8Array(await get.arrayBuffer())], cd: get.headers.get('content-disposition') };
  }, { putUrl, getUrl });
  console.log(origin, result);
}
await browser.close();
page.close();
await s.stop();
