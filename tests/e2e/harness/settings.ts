/**
 * Finds a setting in what `storage.sync.get(null)` returned, by key, at any depth (the contract fixes the storage
 * area, not the layout: `{stripAds:false}` and `{settings:{stripAds:false}}` both count).
 */
export function findSetting(stored: unknown, key: RegExp): unknown {
  if (stored === null || typeof stored !== 'object') return undefined;
  for (const [k, v] of Object.entries(stored)) {
    if (key.test(k)) return v;
  }
  for (const v of Object.values(stored)) {
    const found = findSetting(v, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

export const STRIP_ADS_KEY = /^strip[-_]?ads$/i;
