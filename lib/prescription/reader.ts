/**
 * The prescription-line reader as the content script loads it, on demand (wxt.config.ts builds this file apart;
 * entrypoints/amelipro.content/services.ts imports it only where a medicine field is): the line reading and the
 * catalogue's prescription-line checks, which only a line read needs. Without the rule engine or the catalogue.
 */
export { readPrescription } from './read';
export { prescriptionChecks } from '../rules/checks-prescription';
