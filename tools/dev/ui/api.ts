/** The dev server's endpoints the UI reads: the portal's facts and what a simulated router served. */
import { STORAGE_KEY } from '../../../portal/i18n/choose.ts';
import type { DevMeta } from '../state.ts';

export interface ScenarioInfo {
  key: string;
  mac: string;
  notes: string[];
  served: Array<{ method: string; path: string; status: number; page?: string; location?: string }>;
  router: {
    hosts: Array<{ mac: string; trial: string }>;
    sessions: Array<{ mac: string; user: string; loginBy: string; uptime: string; timeLeft: string | null; bytesIn: number; bytesOut: number }>;
  };
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const fetchMeta = () => getJson<DevMeta>('/__dev/meta');
export const fetchInfo = (key: string) => getJson<ScenarioInfo>(`/__dev/info/${key}`);

/** The page language a guest saved (the portal's own key, portal/i18n/choose.ts); '' lets the browser decide. */
export function applyLocale(code: string): void {
  try {
    if (code) localStorage.setItem(STORAGE_KEY, code);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage off: the page picks its language from the browser
  }
}
