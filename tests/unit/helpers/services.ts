/**
 * The features' services as the content script gives them (entrypoints/amelipro.content/services.ts), without the
 * extension: the prescription reader imported from the sources (once, before the tests: the content script fetches
 * a built file in milliseconds, a first import of the sources under Vitest takes longer than the tests wait), the
 * field notes drawn by the real component.
 */
import { renderFieldNote } from '../../../components/FieldNote';
import type { FeatureServices } from '../../../lib/features/types';
import * as reader from '../../../lib/prescription/reader';

export const pageServices: FeatureServices = {
  loadPrescriptionReader: () => Promise.resolve(reader),
  renderFieldNote,
};
