// The API's answers are typed in @duban/contracts; the enumerations the console switches on come
// from the domain, so a state the API adds is a compile error here rather than a blank cell.
import type { DutyAction, DutyState, Role } from '@duban/domain';

export type { DutyAction, DutyState, Role };
