/**
 * The side panel's page, and the port each open panel holds to the background (lib/background/side-panels.ts). With
 * `?help=<rule id>` the page shows that rule's help alone (opened from a checklist item): no indicators, no port.
 */
export const SIDE_PANEL_PAGE = '/sidepanel.html';
export const SIDE_PANEL_PORT = 'side-panel';
export const SIDE_PANEL_HELP_PARAM = 'help';
