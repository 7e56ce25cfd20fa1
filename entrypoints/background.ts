import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../lib/background/hub';

export default defineBackground({
  type: 'module',
  main() {
    startBackground();
  },
});
