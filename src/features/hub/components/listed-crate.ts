import type { CrateEntry } from '../lib/catalogue';
import type { HubSource } from '../lib/sources';

/** A crate in the catalogue with the source it came from. */
export interface ListedCrate {
  crate: CrateEntry;
  source: HubSource;
  isDefault: boolean;
}
