// Console-only: which duty states the reports pages offer filing from.
import type { DutyState } from '@duban/domain';

/** The duty states from which the owing liaison may file (the API's STEPS_TO_SUBMIT). */
export const FILABLE_STATES: DutyState[] = ['assigned', 'acknowledged', 'in_progress', 'returned'];
