/**
 * An instant as ISO 8601 text in UTC (`toISOString()`); the API never answers epoch milliseconds.
 * The OpenAPI schema generator documents this alias as `format: date-time`.
 */
export type IsoInstant = string & { readonly __isoInstant?: never };

/** One page of a list: the rows asked for and how many match in all. */
export interface Page<T> {
  items: T[];
  total: number;
  limit?: number;
  offset?: number;
}
