/**
 * Whether a side panel (Firefox: the sidebar) of the extension is open. Each panel connects a port named
 * SIDE_PANEL_PORT to the background when it starts (entrypoints/sidepanel/main.tsx): the connection says a panel
 * opened, the disconnection that one closed. Chromium stops an idle service worker, and its ports with it: a panel
 * opened before that is then found with `runtime.getContexts`, where the browser has it (it lists the extension's
 * documents). The panel does not connect again: that would wake the worker every half-minute.
 *
 * The amelipro tabs are told when the first panel opens and when the last one closes; each tab state is answered
 * with whether one is open (a page loaded while a panel was open). Their content scripts read what only the panel
 * shows (the points and payments of «Ma Convention») only while one is open (entrypoints/amelipro.content/side-panel.ts).
 */
import { SIDE_PANEL_HELP_PARAM, SIDE_PANEL_PAGE, SIDE_PANEL_PORT } from '../side-panel';
import { isExtensionPage } from '../storage/owner';

interface PanelPort {
  name: string;
  sender?: { id?: string; url?: string; documentId?: string };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface PanelRuntime {
  id?: string;
  getURL(path: string): string;
  onConnect?: { addListener(fn: (port: PanelPort) => void): void };
  getContexts?: (filter: Record<string, never>) => Promise<Array<{ documentUrl?: string; documentId?: string }>>;
}

export interface SidePanels {
  /** Whether a panel is open now: a connected one, else a panel document the browser lists. */
  isOpen(): Promise<boolean>;
}

/** Follows the panels of `runtime`; `changed(open)` when the first opens and when the last closes. */
export function trackSidePanels(runtime: PanelRuntime, changed: (open: boolean) => void): SidePanels {
  const ports = new Set<PanelPort>();
  const panelUrl = runtime.getURL(SIDE_PANEL_PAGE);
  /** The panel's page, but one that shows a rule's help alone (no indicators). */
  const isPanel = (url: string | undefined): boolean => {
    if (!url?.startsWith(panelUrl)) return false;
    try {
      return !new URL(url).searchParams.has(SIDE_PANEL_HELP_PARAM);
    } catch {
      return false;
    }
  };
  /** A panel document the browser lists, but the one that is going (`leaving`: its document id, when known). */
  const listed = async (leaving?: string): Promise<boolean> => {
    try {
      const contexts = (await runtime.getContexts?.({})) ?? [];
      return contexts.some((c) => isPanel(c.documentUrl) && (leaving === undefined || c.documentId !== leaving));
    } catch {
      return false;
    }
  };
  runtime.onConnect?.addListener((port) => {
    // a panel is one of this extension's pages: a content script's port of that name is not one
    if (port.name !== SIDE_PANEL_PORT || !port.sender || port.sender.id !== runtime.id || !isExtensionPage(port.sender, runtime)) return;
    ports.add(port);
    if (ports.size === 1) changed(true);
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size) return;
      void listed(port.sender?.documentId).then((open) => {
        if (!open && !ports.size) changed(false);
      });
    });
  });
  return { isOpen: async () => ports.size > 0 || (await listed()) };
}
