/** Which of the popup's views and states a status asks for. */
import type { StatusSnapshot } from '../../lib/background-requests';

export type PopupState = 'fine' | 'syncing' | 'attention' | 'reconnect';

export function popupStateOf(s: StatusSnapshot): PopupState {
  if (s.connection.status === 'needsReconnect') return 'reconnect';
  if (s.health === 'attention') return 'attention';
  if (s.health === 'syncing') return 'syncing';
  return 'fine';
}

/** Not connected yet: the settings form comes first, and there is nothing to glance at. */
export function isConnected(s: StatusSnapshot): boolean {
  return s.settings.connection !== null;
}
