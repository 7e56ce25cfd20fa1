import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMELIPRO_MATCHES } from '../../lib/hosts';

export default defineContentScript({
  matches: AMELIPRO_MATCHES,
  runAt: 'document_idle',
  main() {},
});
