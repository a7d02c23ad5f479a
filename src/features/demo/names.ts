// Names for the people and places of a demo council: common in England today, invented in combination.
import type { Random } from './random.ts';

export const FIRST_NAMES = [
  'Aisha', 'Alan', 'Alex', 'Alison', 'Amanda', 'Amir', 'Andrew', 'Angela', 'Anita', 'Anthony',
  'Barbara', 'Ben', 'Bernadette', 'Bilal', 'Brian', 'Callum', 'Carol', 'Catherine', 'Charlotte', 'Chloe',
  'Christine', 'Claire', 'Colin', 'Daniel', 'David', 'Deborah', 'Declan', 'Denise', 'Dominic', 'Eleanor',
  'Emily', 'Emma', 'Fatima', 'Fiona', 'Gareth', 'Gemma', 'Geoffrey', 'Gillian', 'Graham', 'Hannah',
  'Harpreet', 'Helen', 'Ian', 'Imran', 'Jacqueline', 'James', 'Janet', 'Jason', 'Jennifer', 'Joanne',
  'John', 'Jonathan', 'Julie', 'Karen', 'Kate', 'Keith', 'Kerry', 'Kwame', 'Laura', 'Lee',
  'Linda', 'Lucy', 'Malcolm', 'Margaret', 'Mark', 'Martin', 'Matthew', 'Michelle', 'Mohammed', 'Nadia',
  'Natalie', 'Neil', 'Nicola', 'Nigel', 'Oliver', 'Patricia', 'Paul', 'Pauline', 'Peter', 'Philip',
  'Priya', 'Rachel', 'Rajesh', 'Rebecca', 'Richard', 'Robert', 'Ruth', 'Sally', 'Samantha', 'Sandeep',
  'Sarah', 'Simon', 'Sophie', 'Stephen', 'Stuart', 'Susan', 'Tariq', 'Thomas', 'Tom', 'Tracey',
  'Trevor', 'Usha', 'Victoria', 'Wendy', 'William', 'Yasmin', 'Zoe', 'Ryan', 'Megan', 'Tomasz',
] as const;

export const SURNAMES = [
  'Ahmed', 'Akhtar', 'Allen', 'Armstrong', 'Atkinson', 'Bailey', 'Baker', 'Barker', 'Barnes', 'Bell',
  'Bennett', 'Bishop', 'Booth', 'Bradley', 'Brooks', 'Brown', 'Burton', 'Butler', 'Campbell', 'Carter',
  'Chapman', 'Clarke', 'Cole', 'Collins', 'Cooper', 'Cox', 'Davies', 'Dawson', 'Dixon', 'Doyle',
  'Edwards', 'Ellis', 'Evans', 'Fisher', 'Fletcher', 'Foster', 'Fox', 'Gibson', 'Graham', 'Grant',
  'Gray', 'Green', 'Griffiths', 'Hall', 'Harris', 'Harrison', 'Hart', 'Hayes', 'Hill', 'Holmes',
  'Hughes', 'Hunt', 'Hussain', 'Jackson', 'James', 'Jenkins', 'Johnson', 'Jones', 'Kaur', 'Kelly',
  'Khan', 'King', 'Knight', 'Lawrence', 'Lewis', 'Lloyd', 'Marsh', 'Marshall', 'Mason', 'Matthews',
  'Mills', 'Mitchell', 'Moore', 'Morgan', 'Morris', 'Murphy', 'Nowak', 'Okafor', 'Owen', 'Palmer',
  'Parker', 'Patel', 'Pearce', 'Phillips', 'Powell', 'Price', 'Richards', 'Roberts', 'Robinson', 'Rose',
  'Russell', 'Saunders', 'Scott', 'Shaw', 'Simpson', 'Singh', 'Spencer', 'Stevens', 'Stone', 'Taylor',
  'Thomas', 'Thompson', 'Turner', 'Walker', 'Walsh', 'Ward', 'Watson', 'Webb', 'Wells', 'West',
  'White', 'Wilkinson', 'Williams', 'Wilson', 'Wood', 'Wright', 'Young', 'Osei', 'Quinn', 'Reid',
] as const;

/** Ward and division names that could belong to many English towns, and to none in particular. */
export const PLACE_NAMES = [
  'Abbey', 'Ashfield', 'Barrow Hill', 'Beechwood', 'Bridgefoot', 'Brookside', 'Castle', 'Central',
  'Church Green', 'Coldharbour', 'Copperfields', 'Eastfield', 'Elm Park', 'Fairfield', 'Foxley', 'Greenbank',
  'Hatherley', 'Highfield', 'Hillside', 'Kingsmead', 'Larkrise', 'Lower Town', 'Meadowbank', 'Mill Lane',
  'Newlands', 'Northgate', 'Oakwood', 'Old Market', 'Orchard', 'Parkside', 'Priory', 'Queensway',
  'Riverside', 'St Anne’s', 'St Mark’s', 'Southgate', 'Stoneleigh', 'Thornhill', 'Upper Town', 'Westbury Park',
  'Westfield', 'Whitecross', 'Willowbrook', 'Woodlands', 'Holloway', 'Nethercote', 'Redbrook', 'Sandford',
] as const;

export type Person = { fullName: string; first: string; last: string };

/**
 * Draws people with names no one else in the council has, so that names and email addresses never collide.
 */
export function namePicker(random: Random): () => Person {
  const used = new Set<string>();
  const surnamesUsed = new Map<string, number>();
  return () => {
    for (;;) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(SURNAMES);
      const fullName = `${first} ${last}`;
      // A council full of Smiths reads wrong: each surname at most twice.
      if (used.has(fullName) || (surnamesUsed.get(last) ?? 0) >= 2) continue;
      used.add(fullName);
      surnamesUsed.set(last, (surnamesUsed.get(last) ?? 0) + 1);
      return { fullName, first, last };
    }
  };
}

/** firstname.lastname, as councils' email addresses usually read. */
export function emailLocalPart(person: Person): string {
  return `${person.first}.${person.last}`.toLowerCase().replace(/[^a-z.]/g, '');
}
