/**
 * What the content script needs from the extension's storage, always through the background (the single
 * writer; the content script runs in the portal's origin and never opens IndexedDB itself).
 */
import type { Lang } from '../../lib/i18n';
import type { FeatureServices } from '../../lib/features/types';
import type { Profession } from '../../lib/pages/types';

export interface ContentSettings {
  profession: Profession;
  referenceDate?: string;
  lang?: Lang;
  disabledFeatures: string[];
  snoozedRuleIds: string[];
}

export const DEFAULT_CONTENT_SETTINGS: ContentSettings = {
  profession: 'medecin-generaliste',
  disabledFeatures: [],
  snoozedRuleIds: [],
};

export async function loadContentSettings(): Promise<ContentSettings> {
  return { ...DEFAULT_CONTENT_SETTINGS };
}

export async function snoozeRule(_ruleId: string, _days: number): Promise<void> {}

export async function reportFeatureError(_featureId: string, _message: string): Promise<void> {}

export const featureServices: FeatureServices = {};
