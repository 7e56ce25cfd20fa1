/**
 * The content script's module with the prescription-line reader inside, built by wxt.config.ts beside the plain
 * module. The loader (index.ts) imports it instead of the plain one where a text area already holds text at load
 * (a draft, a renewal): those lines are read at once, and one import costs the page's main thread about 2 ms less
 * than the module's and then the reader's (docs/performance.md). Elsewhere the plain module imports the reader when
 * a medicine field is written in (services.ts).
 */
import * as reader from '../../lib/prescription/reader';
import { bundleReader } from './services';

bundleReader(reader);

export { startContent } from './runtime';
