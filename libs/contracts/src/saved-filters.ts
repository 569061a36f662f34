// Filters of the console's lists saved by name (GET/POST/DELETE /saved-filters).
import type { IsoInstant } from './common';

export interface SavedFilterAnswer {
  id: string;
  view: string;
  name: string;
  filters: Record<string, string>;
  owner: { id: string; username: string | null };
  /** null: private to its owner. */
  sharedWithRole: string | null;
  /** The caller owns it. */
  mine: boolean;
  /** The caller may delete it: its owner, or the office when it is shared. */
  mayDelete: boolean;
  createdAt: IsoInstant;
  updatedAt: IsoInstant;
}

/** GET /saved-filters. */
export interface SavedFilterList {
  items: SavedFilterAnswer[];
}
