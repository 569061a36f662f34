/**
 * An id no row has: the scope of a caller with no department or team (an inspector not yet in
 * a team) matches nothing rather than everything.
 */
export const MATCHES_NOTHING = '00000000-0000-0000-0000-000000000000';
