// Imported first by bench/routes.ts: the handlers' logger reads its level when it is created (on
// import), and thousands of calls under load would otherwise print an INFO line each.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
