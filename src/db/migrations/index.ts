// Every migration, in order. Names are frozen once released.
import * as m0001 from './0001_foundation.ts';

export const migrations = {
  '0001_foundation': m0001,
};
