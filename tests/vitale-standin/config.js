// Default configuration; tests/e2e/vitale.spec.ts writes its own copy of this file per test.
globalThis.__vitaleStandin = {
  version: '2.1.0',
  announceDiv: true,
  announceEvent: true,
  announceDelayMs: 0,
  detailMode: 'object',
  reply: 'ok',
  replyDelayMs: 150,
  components: { atsam: '4.67.03', srvsvcnam: '5.10.04', cryptolib: '5.2.6' },
};
