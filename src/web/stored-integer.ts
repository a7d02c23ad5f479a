// The largest whole number the database's integer columns hold: PostgreSQL's integer is 32 bits. An id, version or
// count past it is refused as not valid, naming its field, rather than failing in the database with a 500.
import { z } from 'zod';

export const LARGEST_INTEGER = 2_147_483_647;

/** A whole number an integer column can hold, for an API body's id, version or count. */
export const storedInteger = () => z.number().int().min(-LARGEST_INTEGER).max(LARGEST_INTEGER);
