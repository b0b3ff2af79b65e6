import { buildTestApp, nagFindings } from './portico-app.ts';
const t0 = Date.now();
const { app } = buildTestApp(JSON.parse(process.argv[2] ?? '{}'));
console.log('built+synth ms', Date.now() - t0);
const f = nagFindings(app);
for (const x of f) console.log(x.severity, x.rule, x.path);
console.log('nag ms', Date.now() - t0, f.length);
