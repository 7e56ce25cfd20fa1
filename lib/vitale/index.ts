/** Carte Vitale reading setup: the « Lecture Carte Vitale » web extension and ATSAM (rules.md R3.1). */
export { KNOWN_VERSIONS, LINKS, DNS_CONTACT, WEB_EXTENSION } from './data';
export { compareVersions, isOlder, isVersion, cleanVersion } from './version';
export { parseAnnouncement, parseVersionReply, readAnnouncementDiv } from './protocol';
export { isCardReadErrorText, findCardReadError, adviseCardError, CARD_ADVICE, VITAL_CARD_BUTTON } from './card-error';
export { VitaleMonitor, ABSENT_AFTER_MS } from './monitor';
export { runVersionProbe, PROBE_TIMEOUT_MS } from './probe';
export { startVitaleChannel, getVitaleMonitor, setVitalePersist } from './channel';
export { summarize, toFacts, toStored, isIncomplete, UNKNOWN_STATUS, type VitaleStatus } from './status';
export { fromStored, vitaleStatusSchema } from './status-schema';
