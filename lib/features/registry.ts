/** Every contextual feature, in display order. A meta-test checks each is documented in the README. */
import type { Feature } from './types';
import { pageStatusFeature } from './page-status';

export const FEATURES: readonly Feature[] = [pageStatusFeature];
